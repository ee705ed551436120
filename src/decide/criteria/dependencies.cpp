// 2. Dependencies compatible: no dependency is blocked or needs replacing on PyPy.

#include <fmt/format.h>

#include "decide/criteria.h"
#include "decide/format.h"

namespace pypyready::decide {

results::Criterion judge_dependencies(const results::Results& results, const DecideConfig&) {
  results::Criterion criterion{kDependencies, "dependencies compatible", "unknown", "", {}};
  if (!results.deps) {
    criterion.evidence = "dependencies not checked";
    return criterion;
  }
  std::vector<std::string> blocked, replace, slower, unknown;
  for (const results::Dependency& dep : results.deps->dependencies) {
    if (dep.verdict == "blocked") {
      blocked.push_back(dep.alternative.empty() ? dep.name : dep.name + " (use " + dep.alternative + ")");
    } else if (dep.verdict == "replace") {
      replace.push_back(dep.name + " -> " + dep.alternative);
    } else if (dep.verdict == "slower") {
      slower.push_back(dep.name);
    } else if (dep.verdict == "unknown") {
      unknown.push_back(dep.name);
    }
  }
  std::size_t total = results.deps->dependencies.size();
  criterion.numbers = {{"dependencies", static_cast<double>(total)},
                       {"blocked", static_cast<double>(blocked.size())},
                       {"replace", static_cast<double>(replace.size())},
                       {"slower", static_cast<double>(slower.size())},
                       {"unknown", static_cast<double>(unknown.size())}};
  std::vector<std::string> parts;
  if (!blocked.empty()) parts.push_back(join(blocked) + " blocked");
  if (!replace.empty()) parts.push_back("replace " + join(replace));
  if (!slower.empty()) parts.push_back(join(slower) + " slower on PyPy");
  if (!unknown.empty()) parts.push_back(join(unknown) + " unknown");
  if (!blocked.empty() || !replace.empty()) {
    criterion.state = "not-met";
    criterion.evidence = join(parts, "; ");
  } else {
    criterion.state = "met";
    if (total == 0) {
      criterion.evidence = "no third-party dependencies";
    } else if (parts.empty()) {
      criterion.evidence = total == 1 ? std::string("the one dependency works on PyPy")
                                      : fmt::format("all {} dependencies work on PyPy", total);
    } else {
      criterion.evidence = fmt::format("{} dependencies, none blocked: {}", total, join(parts, "; "));
    }
  }
  return criterion;
}

}  // namespace pypyready::decide
