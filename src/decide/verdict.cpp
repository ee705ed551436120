// The verdict: one of four answers, with the criteria that decided it.

#include <fmt/format.h>

#include <algorithm>

#include "decide/criteria.h"
#include "decide/format.h"
#include "decide/verdict.h"

namespace pypyready::decide {
namespace {

// Criteria that no change to the project's code can turn around.
bool decides_stay(const results::Criterion& criterion) {
  return criterion.id == kCpuBound || criterion.id == kRunsLongEnough || criterion.id == kMemory ||
         criterion.id == kNativeShare;
}

bool has_unreplaceable_dependency(const results::Results& results) {
  if (!results.deps) return false;
  return std::any_of(
      results.deps->dependencies.begin(), results.deps->dependencies.end(),
      [](const results::Dependency& dep) { return dep.verdict == "blocked" && dep.alternative.empty(); });
}

}  // namespace

void choose_verdict(const results::Results& results, results::Decision& decision) {
  std::vector<std::string> deciding, missing;
  for (const results::Criterion& criterion : decision.criteria) {
    bool stays =
        criterion.state == "not-met" &&
        (decides_stay(criterion) || (criterion.id == kDependencies && has_unreplaceable_dependency(results)));
    if (stays) deciding.push_back(criterion.title + " (" + criterion.evidence + ")");
    if (criterion.state == "unknown" && (criterion.id == kCpuBound || criterion.id == kRunsLongEnough))
      missing.push_back(criterion.title);
  }
  if (!deciding.empty()) {
    decision.verdict = "stay";
    decision.reason = "not met: " + join(deciding, "; ", 10);
  } else if (!missing.empty()) {
    decision.verdict = "inconclusive";
    decision.reason = "unknown: " + join(missing, ", ") + "; measure before deciding";
  } else if (!decision.blockers.empty()) {
    decision.verdict = "migrate-after-fixes";
    decision.reason = fmt::format("PyPy pays off; {} blocker(s) to fix first", decision.blockers.size());
  } else {
    decision.verdict = "migrate";
    decision.reason = "PyPy pays off and nothing blocks it";
  }
}

}  // namespace pypyready::decide
