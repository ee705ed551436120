#include "bench/pytest_benchmark/suite.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace pypyready::bench::pytest_benchmark {
namespace {

constexpr double kZ975 = 1.959964;

bool compared(const BenchmarkResult& result) {
  return !result.comparisons.empty() && result.comparisons[0].speedup.has_value() &&
         result.per_interpreter.size() >= 2;
}

SuiteSummary split(const std::vector<BenchmarkResult>& results) {
  SuiteSummary summary;
  for (const auto& result : results)
    (compared(result) ? summary.included : summary.excluded).push_back(result.name);
  return summary;
}

}  // namespace

SuiteSummary summarise_by_intervals(const std::vector<BenchmarkResult>& results) {
  SuiteSummary summary = split(results);
  summary.method = "combined-intervals";
  double log_sum = 0, variance_sum = 0;
  int processes = 0;
  std::size_t count = 0;
  for (const auto& result : results) {
    if (!compared(result)) continue;
    const stats::Ratio& ratio = *result.comparisons[0].speedup;
    if (ratio.estimate <= 0 || ratio.low <= 0 || ratio.high <= 0) continue;
    double se = (std::log(ratio.high) - std::log(ratio.low)) / (2 * kZ975);
    log_sum += std::log(ratio.estimate);
    variance_sum += se * se;
    processes = count == 0 ? ratio.processes : std::min(processes, ratio.processes);
    ++count;
  }
  if (count == 0) return summary;
  auto n = static_cast<double>(count);
  double center = log_sum / n, half = kZ975 * std::sqrt(variance_sum) / n;
  summary.speedup =
      stats::Ratio{std::exp(center), std::exp(center - half), std::exp(center + half), processes};
  return summary;
}

SuiteSummary summarise_by_execution(const std::vector<BenchmarkResult>& results,
                                    const std::vector<std::vector<std::vector<int>>>& executions) {
  std::size_t included = 0;
  for (std::size_t b = 0; b < results.size() && b < executions.size(); ++b)
    included += compared(results[b]) ? 1 : 0;
  // Per side, execution number -> the geometric mean over the benchmarks of their steady means,
  // for the executions that have every benchmark; `only_counted` leaves out the processes the
  // benchmarks' own figures leave out (no steady state, harness.h).
  auto geometric_by_execution = [&](bool only_counted) {
    std::vector<std::map<int, std::pair<double, std::size_t>>> sums(2);  // log sum, benchmarks seen
    for (std::size_t b = 0; b < results.size() && b < executions.size(); ++b) {
      if (!compared(results[b])) continue;
      for (std::size_t s = 0; s < 2 && s < executions[b].size(); ++s) {
        const auto& processes = results[b].per_interpreter[s].processes;
        for (std::size_t p = 0; p < processes.size() && p < executions[b][s].size(); ++p) {
          double mean = processes[p].analysis.steady_mean_s;
          if (mean <= 0 || (only_counted && !processes[p].counted)) continue;
          auto& [log_sum, seen] = sums[s][executions[b][s][p]];
          log_sum += std::log(mean);
          ++seen;
        }
      }
    }
    std::vector<std::map<int, double>> geometric(2);
    for (std::size_t s = 0; s < 2; ++s)
      for (const auto& [execution, sum] : sums[s])
        if (sum.second == included)
          geometric[s][execution] = std::exp(sum.first / static_cast<double>(included));
    return geometric;
  };
  // Execution k of both sides ran in round k, next to each other: paired by execution (a shared
  // slowdown of the machine then cancels) when at least two are complete on both sides, first
  // from the counted processes, else from all; Welch on each side's complete executions otherwise.
  std::optional<stats::Ratio> ratio;
  for (bool only_counted : {true, false}) {
    if (included == 0 || ratio) break;
    auto geometric = geometric_by_execution(only_counted);
    std::vector<double> base, cand, base_paired, cand_paired;
    for (const auto& [execution, mean] : geometric[0]) {
      base.push_back(mean);
      if (auto other = geometric[1].find(execution); other != geometric[1].end()) {
        base_paired.push_back(mean);
        cand_paired.push_back(other->second);
      }
    }
    for (const auto& item : geometric[1])
      cand.push_back(item.second);
    if (base_paired.size() >= 2)
      ratio = stats::paired_speedup(base_paired, cand_paired);
    else if (!only_counted)
      ratio = stats::welch_speedup(base, cand);
  }
  if (!ratio) return summarise_by_intervals(results);
  SuiteSummary summary = split(results);
  summary.method = "executions";
  summary.speedup = ratio;
  return summary;
}

}  // namespace pypyready::bench::pytest_benchmark
