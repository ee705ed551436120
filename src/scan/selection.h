#pragma once
// Which rules run: --select / --ignore code prefixes ("PPY0" covers PPY001-PPY099, "ALL" all).

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "scan/rule.h"

namespace pypyready::scan {

/// Code prefixes to select and ignore; an empty select means every rule.
struct Selection {
  std::vector<std::string> select;
  std::vector<std::string> ignore;
};

/// Whether `prefix` selects `code` ("ALL" selects everything).
bool code_matches(std::string_view code, std::string_view prefix);

/// The registry rows chosen by a selection; an error names a prefix that matches no rule.
core::Result<std::vector<const RuleEntry*>> select_rules(const Selection& selection);

}  // namespace pypyready::scan
