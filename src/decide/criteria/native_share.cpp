// 6. Not dominated by native extensions: the profile's native-extension share when there is a
// profile; without one, dependencies that use the CPython C API (which PyPy emulates, slowly)
// say whether there is anything native to dominate.

#include <fmt/format.h>

#include "decide/criteria.h"
#include "decide/format.h"

namespace pypyready::decide {

results::Criterion judge_native_share(const results::Results& results, const DecideConfig&) {
  results::Criterion criterion{kNativeShare, "not dominated by native extensions", "unknown", "", {}};
  std::vector<std::string> capi;
  if (results.deps) {
    for (const results::Dependency& dep : results.deps->dependencies) {
      if (dep.kind == "c-api" || dep.kind == "cython" || dep.kind == "pyo3")
        capi.push_back(fmt::format("{} ({})", dep.name, dep.kind));
    }
    criterion.numbers["capi_dependencies"] = static_cast<double>(capi.size());
  }
  if (results.profile && results.profile->shares.count("native_extensions")) {
    double share = results.profile->shares.at("native_extensions");
    criterion.numbers["native_share"] = share;
    criterion.state = share >= kNativeShareDominates ? "not-met" : "met";
    criterion.evidence = fmt::format("{:.0f}% of time in native extensions", share * 100);
    if (!capi.empty()) criterion.evidence += "; C-API dependencies: " + join(capi);
    return criterion;
  }
  if (!results.deps) {
    criterion.evidence = "no profile and dependencies not checked";
  } else if (capi.empty()) {
    criterion.state = "met";
    criterion.evidence = "no dependency uses the CPython C API";
  } else {
    criterion.evidence =
        fmt::format("C-API dependencies {}: their share of the time is not profiled", join(capi));
  }
  return criterion;
}

}  // namespace pypyready::decide
