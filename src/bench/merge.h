#pragma once
// `bench --merge RUN.json...`: saved runs of the same benchmarks (a CI matrix's jobs, or one
// machine at different times) pooled into one speedup per benchmark and candidate, whose interval
// counts how much the runs differ from each other and not only the rounds inside each run. Works on
// the JSON `bench` sections, like --compare.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "bench/stats/pooled.h"

namespace pypyready::bench {

/// One saved run: where it came from (for the listing) and its `bench` section.
struct SavedRun {
  std::string source;
  nlohmann::json section;
};

/// One run's own answer for a benchmark and candidate.
struct RunAnswer {
  std::string source;
  std::optional<stats::Ratio> speedup;  ///< nullopt: the run has no speedup (cannot run, one side failed)
  /// The baseline's median steady time per iteration in that run (for a service, its median
  /// request latency): how fast that machine ran then. nullopt for a run saved without it.
  std::optional<double> baseline_seconds;
};

struct MergedBenchmark {
  std::string name;      ///< as the runs name it (the file name when their directories differ)
  std::string baseline;  ///< interpreter ids, from the first run that has the benchmark
  std::string candidate;
  std::vector<RunAnswer> runs;          ///< every run that has this benchmark and candidate
  std::optional<stats::Pooled> pooled;  ///< nullopt with fewer than two runs that have a speedup

  /// The slowest run's baseline time over the fastest one's (1 with fewer than two runs that have
  /// one). Well above 1, the runs came from machines or loads that differ, and a speedup can
  /// differ with them.
  double baseline_time_spread() const;

  /// The correlation of the runs' log speedups with their log baseline times, from four runs
  /// that have both (nullopt under that): near +1, the speedup is higher when the machine runs
  /// slower, so the runs measured different machines rather than one speedup with noise.
  std::optional<double> speedup_time_correlation() const;
};

/// Groups the runs' benchmarks by name and candidate and pools each group. Benchmarks are named
/// by their file (with `:FUNC`) rather than the whole path when no run holds two of the same file
/// name, so runs from checkouts in different directories still meet.
std::vector<MergedBenchmark> merge_runs(const std::vector<SavedRun>& runs);

std::string render_merged_text(const std::vector<MergedBenchmark>& merged, std::size_t run_count);
std::string render_merged_markdown(const std::vector<MergedBenchmark>& merged, std::size_t run_count);

/// {"runs": [sources], "benchmarks": [{name, baseline, candidate, speedup: {estimate, ci95, runs} |
/// null, between_runs_sd, heterogeneity_i2, next_run95: [lo, hi] | null, baseline_time_spread,
/// speedup_time_correlation: number | null, per_run: [{source, speedup: RATIO | null, baseline_s: number |
/// null}]}]}.
nlohmann::json merged_json(const std::vector<MergedBenchmark>& merged, const std::vector<SavedRun>& runs);

}  // namespace pypyready::bench
