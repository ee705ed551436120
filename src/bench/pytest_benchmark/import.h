#pragma once
// `pypyready bench --import A.json --import B.json`: two pytest-benchmark runs a team saved
// (--benchmark-save, one pytest process each) compared with the same analysis as a live run. One
// process per interpreter samples only the scatter between rounds, never the differences between
// whole processes, so the report says how much less that lets anyone conclude.

#include <optional>

#include "bench/pytest_benchmark/saved_run.h"
#include "bench/pytest_benchmark/suite_result.h"
#include "bench/stats/speedup.h"
#include "core/result.h"

namespace pypyready::bench::pytest_benchmark {

/// Mean, standard deviation and count of one side's steady values (seconds per call).
struct Moments {
  double mean_s = 0;
  double stddev_s = 0;
  double count = 0;
};

/// Baseline mean / candidate mean with a Welch interval from the two sides' scatter (delta method
/// on the log scale); nullopt with fewer than two values on a side. `processes` is 1.
std::optional<stats::Ratio> within_process_speedup(const Moments& baseline, const Moments& candidate);

/// A ratio this far from 1 either way can come from process-to-process variation alone when each
/// side is one process and processes differ by `process_cv` (coefficient of variation).
double chance_factor(double process_cv);

/// Compares two saved runs; the CPython one is the baseline when exactly one of them is CPython,
/// else the first.
SuiteResult compare_saved_runs(const SavedRun& first, const SavedRun& second);

}  // namespace pypyready::bench::pytest_benchmark
