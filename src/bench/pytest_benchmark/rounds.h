#pragma once
// A pytest-benchmark benchmark's rounds as one process of pypyready's harness: the time per call
// of each recorded round, in order, so the changepoint analysis sees whatever warmup happened
// while the rounds were recorded. Also what pytest-benchmark did before recording (calibration,
// its own warmup), which the rounds cannot show.

#include <cstdint>
#include <string>
#include <vector>

#include "bench/harness.h"
#include "bench/pytest_benchmark/saved_run.h"

namespace pypyready::bench::pytest_benchmark {

/// More rounds than this are averaged in consecutive groups before the analysis: a fast function
/// under pytest-benchmark's defaults records up to 200 000 rounds, and the changepoint search is
/// quadratic at worst.
inline constexpr std::size_t kMaxValues = 10000;

/// Where one process's values came from, for the report.
struct RoundsInfo {
  bool from_rounds = true;            ///< false: only the summary statistics were saved
  std::int64_t rounds = 0;            ///< rounds recorded
  std::int64_t calls_per_round = 1;   ///< calls timed together in one round
  std::int64_t rounds_per_value = 1;  ///< rounds averaged into one analysed value
  std::int64_t warmup_calls = 0;      ///< pytest-benchmark's warmup setting (0 off, -1 on, count unknown)
  std::int64_t warmup_rounds = 0;     ///< rounds its warmup ran and discarded (-1: unknown)
};

/// The values the harness analyses: seconds per call of each round (or group of rounds), or with
/// only a summary, its mean as the single value.
ProcessRecord to_process(const SavedBenchmark& benchmark);

/// How `to_process` got its values and what pytest-benchmark discarded before them.
RoundsInfo rounds_info(const SavedBenchmark& benchmark);

/// What a reader must know about the values of `id` (summary only, warmup hidden by
/// pytest-benchmark's own warmup, rounds grouped); empty when nothing needs saying.
std::vector<std::string> rounds_notes(const std::string& id, const RoundsInfo& info, double max_time_s);

}  // namespace pypyready::bench::pytest_benchmark
