#pragma once
// Changepoint segmentation by PELT (pruned exact linear time) with a normal mean-and-variance
// cost, and the per-process warmup classification of bench.md built on it.

#include <cstddef>
#include <string>
#include <vector>

namespace pypyready::bench::stats {

/// Indices where a new segment starts (never 0), by PELT; penalty <= 0 means 15 ln n.
std::vector<std::size_t> find_changepoints(const std::vector<double>& values, double penalty = 0,
                                           std::size_t min_segment = 3);

/// One process's iterations, classified.
struct ProcessAnalysis {
  std::string classification;             ///< "flat", "warmup", "slowdown", "no-steady-state"
  std::vector<std::size_t> changepoints;  ///< after merging equivalent segments
  std::vector<bool> outliers;
  std::size_t steady_start = 0;  ///< first iteration of the steady (final) segment
  double steady_mean_s = 0;      ///< mean of the steady segment, outliers excluded
  double seconds_to_steady = 0;  ///< time spent before steady_start
};

/// Marks outliers, segments the rest, merges segments whose medians differ by less than
/// max(relative_tolerance x median, absolute_tolerance_s), and classifies the process.
ProcessAnalysis analyse_process(const std::vector<double>& iterations_s, double relative_tolerance = 0.02,
                                double absolute_tolerance_s = 1e-4);

}  // namespace pypyready::bench::stats
