#pragma once
// One line of prose per analysis ("12 findings in 87 files (2 errors, ...)"), shared by the text
// and Markdown renderings so both say the same thing.

#include <string>
#include <vector>

#include "results/number_text.h"
#include "results/results.h"

namespace pypyready::report {

/// A stage's label and its lines (a benchmark may take two).
struct SummaryLine {
  std::string stage;
  std::vector<std::string> lines;
};

/// Lines for every stage `check` ran or tried, in pipeline order; failures and skips say why.
std::vector<SummaryLine> summary_lines(const results::Results& results);

/// "CPython 3.11.2 vs PyPy 7.3.11 (Python 3.9)", or "" without interpreters.
std::string interpreters_line(const results::Results& results);

using results::seconds_text;
using results::times;
/// "161 MiB".
std::string mib_text(std::uint64_t bytes);
/// "MIGRATE AFTER FIXES".
std::string verdict_title(const std::string& verdict);
/// "met", "not met", "unknown".
std::string state_label(const std::string& state);

}  // namespace pypyready::report
