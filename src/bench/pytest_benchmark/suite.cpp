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
  // Per side: execution number -> (sum of log steady means, benchmarks seen).
  std::vector<std::map<int, std::pair<double, std::size_t>>> per_side(2);
  std::size_t included = 0;
  for (std::size_t b = 0; b < results.size() && b < executions.size(); ++b) {
    if (!compared(results[b])) continue;
    ++included;
    for (std::size_t s = 0; s < 2 && s < executions[b].size(); ++s) {
      const auto& processes = results[b].per_interpreter[s].processes;
      for (std::size_t p = 0; p < processes.size() && p < executions[b][s].size(); ++p) {
        double mean = processes[p].analysis.steady_mean_s;
        if (mean <= 0) continue;
        auto& [log_sum, seen] = per_side[s][executions[b][s][p]];
        log_sum += std::log(mean);
        ++seen;
      }
    }
  }
  std::vector<std::vector<double>> geometric(2);
  for (std::size_t s = 0; s < 2; ++s)
    for (const auto& item : per_side[s]) {
      const auto& [log_sum, seen] = item.second;
      if (seen == included) geometric[s].push_back(std::exp(log_sum / static_cast<double>(included)));
    }
  auto ratio = included > 0 ? stats::welch_speedup(geometric[0], geometric[1]) : std::nullopt;
  if (!ratio) return summarise_by_intervals(results);
  SuiteSummary summary = split(results);
  summary.method = "executions";
  summary.speedup = ratio;
  return summary;
}

}  // namespace pypyready::bench::pytest_benchmark
