#include "scan/selection.h"

#include <algorithm>

#include "scan/registry.h"

namespace pypyready::scan {

bool code_matches(std::string_view code, std::string_view prefix) {
  if (prefix == "ALL") return true;
  return code.substr(0, prefix.size()) == prefix;
}

core::Result<std::vector<const RuleEntry*>> select_rules(const Selection& selection) {
  std::span<const RuleEntry> all = rule_registry();
  for (const std::vector<std::string>* list : {&selection.select, &selection.ignore}) {
    for (const std::string& prefix : *list) {
      bool known = std::any_of(all.begin(), all.end(), [&](const RuleEntry& entry) {
        return code_matches(entry.info->code, prefix);
      });
      if (!known) {
        return core::Error{"unknown rule code or prefix '" + prefix +
                           "': expected e.g. PPY001 or PPY0 (see `pypyready rules`)"};
      }
    }
  }
  std::vector<const RuleEntry*> chosen;
  for (const RuleEntry& entry : all) {
    auto matches = [&](const std::string& prefix) { return code_matches(entry.info->code, prefix); };
    bool selected =
        selection.select.empty() || std::any_of(selection.select.begin(), selection.select.end(), matches);
    bool ignored = std::any_of(selection.ignore.begin(), selection.ignore.end(), matches);
    if (selected && !ignored) chosen.push_back(&entry);
  }
  return chosen;
}

}  // namespace pypyready::scan
