// 4. Memory acceptable: PyPy's peak RSS on the benchmarks versus the configured budget.

#include <fmt/format.h>

#include "decide/criteria.h"
#include "decide/format.h"
#include "decide/roles.h"

namespace pypyready::decide {

results::Criterion judge_memory(const results::Results& results, const DecideConfig& config) {
  results::Criterion criterion{kMemory, "memory acceptable", "unknown", "", {}};
  if (config.memory_budget_mib) criterion.numbers["budget_mib"] = *config.memory_budget_mib;
  double candidate_mib = 0, baseline_mib = 0;
  if (results.bench) {
    for (const results::Benchmark& benchmark : results.bench->benchmarks) {
      const results::BenchInterpreter* candidate = side_of(results, benchmark, "candidate");
      const results::BenchInterpreter* baseline = side_of(results, benchmark, "baseline");
      if (candidate == nullptr || candidate->status != "ok" || candidate->peak_rss_bytes == 0) continue;
      if (to_mib(candidate->peak_rss_bytes) > candidate_mib) {
        candidate_mib = to_mib(candidate->peak_rss_bytes);
        baseline_mib = baseline ? to_mib(baseline->peak_rss_bytes) : 0;
      }
    }
  }
  if (candidate_mib == 0) {
    criterion.evidence = "no peak memory measured on PyPy (no benchmark ran)";
    return criterion;
  }
  criterion.numbers["peak_candidate_mib"] = candidate_mib;
  if (baseline_mib > 0) {
    criterion.numbers["peak_baseline_mib"] = baseline_mib;
    criterion.numbers["memory_ratio"] = candidate_mib / baseline_mib;
  }
  std::string ratio =
      baseline_mib > 0
          ? fmt::format(" ({} of CPython's {})", times(candidate_mib / baseline_mib), mib_text(baseline_mib))
          : "";
  if (!config.memory_budget_mib) {
    criterion.evidence =
        fmt::format("PyPy peak {}{}; no memory-budget-mib configured", mib_text(candidate_mib), ratio);
    return criterion;
  }
  bool within = candidate_mib <= *config.memory_budget_mib;
  criterion.state = within ? "met" : "not-met";
  criterion.evidence = fmt::format("{} {} budget {}{}", mib_text(candidate_mib), within ? "<=" : ">",
                                   mib_text(*config.memory_budget_mib), ratio);
  return criterion;
}

}  // namespace pypyready::decide
