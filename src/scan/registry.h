#pragma once
// THE list of rules, sorted by code (one line per rule in registry.cpp).

#include <span>
#include <string_view>

#include "scan/rule.h"

namespace pypyready::scan {

/// Every rule, sorted by code.
std::span<const RuleEntry> rule_registry();

/// The rule with this code, or nullptr.
const RuleEntry* find_rule(std::string_view code);

}  // namespace pypyready::scan
