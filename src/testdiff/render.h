#pragma once
// Views of TestResults: the "test" section of report.json, a compact terminal summary, and
// Markdown. (They move to src/report/ with the other renderers once it reads this section.)

#include <nlohmann/json.hpp>

#include <string>

#include "testdiff/test_results.h"

namespace pypyready::testdiff {

/// The "test" section of design.md's Results schema.
nlohmann::json to_json(const TestResults& results);

/// Totals per interpreter, the groups, and each PyPy-only failure with its cause and findings.
std::string render_text(const TestResults& results);

/// The same as Markdown tables.
std::string render_markdown(const TestResults& results);

}  // namespace pypyready::testdiff
