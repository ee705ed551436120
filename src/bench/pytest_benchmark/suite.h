#pragma once
// The suite summary: the geometric mean of the per-benchmark speedups with a 95 % interval.
// With several process executions per interpreter the interval comes from the executions: per
// execution, the geometric mean over the benchmarks of their steady means, compared execution by
// execution like the processes of one benchmark (paired: execution k of each interpreter ran in
// round k), so benchmarks that a busy machine slowed down together in one process are not counted
// as independent evidence. With one process each (imported files) only
// the per-benchmark intervals can be combined, as if they were independent.

#include <optional>
#include <string>
#include <vector>

#include "bench/harness.h"
#include "bench/stats/speedup.h"

namespace pypyready::bench::pytest_benchmark {

struct SuiteSummary {
  std::optional<stats::Ratio> speedup;  ///< baseline / candidate; > 1: the candidate is faster
  std::vector<std::string> included;    ///< benchmarks with a speedup on both sides
  std::vector<std::string> excluded;    ///< cannot run on a side, or too few processes
  std::string method;                   ///< "executions" or "combined-intervals"
};

/// `executions[b][s][p]` is the execution number of process `p` of interpreter `s` in benchmark
/// `b`. Falls back to combining intervals when fewer than two executions have every benchmark.
SuiteSummary summarise_by_execution(const std::vector<BenchmarkResult>& results,
                                    const std::vector<std::vector<std::vector<int>>>& executions);

/// The geometric mean of the first comparison's speedups; the interval from their log-scale
/// standard errors (recovered from each 95 % interval), as if independent.
SuiteSummary summarise_by_intervals(const std::vector<BenchmarkResult>& results);

}  // namespace pypyready::bench::pytest_benchmark
