// 5. Language level available: the newest syntax and library level the code needs versus the
// Python version the target PyPy speaks. Scan reports it as `language_level`, or as PPY040 /
// PPY041 findings (syntax / standard library newer than the target).

#include <fmt/format.h>

#include <cstdio>

#include "decide/criteria.h"
#include "decide/format.h"

namespace pypyready::decide {
namespace {

// "3.10" -> 310; 0 when unreadable.
int level_number(const std::string& version) {
  int major = 0, minor = 0;
  if (std::sscanf(version.c_str(), "%d.%d", &major, &minor) != 2) return 0;
  return major * 100 + minor;
}

}  // namespace

results::Criterion judge_language_level(const results::Results& results, const DecideConfig&) {
  results::Criterion criterion{kLanguageLevel, "language level", "unknown", "", {}};
  if (!results.scan) {
    criterion.evidence = "code not scanned";
    return criterion;
  }
  std::vector<std::string> newer;
  for (const results::Finding& finding : results.scan->findings) {
    if (finding.code == "PPY040" || finding.code == "PPY041")
      newer.push_back(fmt::format("{}:{} {}", finding.path, finding.line, finding.code));
  }
  criterion.numbers["newer_than_target"] = static_cast<double>(newer.size());
  if (const auto& level = results.scan->language_level; level && level->required.empty() && newer.empty()) {
    criterion.state = "met";
    criterion.evidence = fmt::format("nothing newer than Python {} found", level->target);
    return criterion;
  }
  if (const auto& level = results.scan->language_level) {
    int required = level_number(level->required), target = level_number(level->target);
    if (required > 0 && target > 0) {
      criterion.numbers["required"] = required / 100 + (required % 100) / 100.0;
      criterion.numbers["target"] = target / 100 + (target % 100) / 100.0;
      bool available = required <= target && newer.empty();
      criterion.state = available ? "met" : "not-met";
      criterion.evidence = fmt::format("needs {}, target PyPy speaks {}", level->required, level->target);
      if (!newer.empty()) criterion.evidence += ": " + join(newer);
      return criterion;
    }
  }
  if (!newer.empty()) {
    criterion.state = "not-met";
    criterion.evidence = "code newer than the target PyPy: " + join(newer);
    return criterion;
  }
  criterion.evidence = "scan reported no language level";
  return criterion;
}

}  // namespace pypyready::decide
