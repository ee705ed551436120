#include "bench/speed_shift.h"

#include <fmt/format.h>

#include <algorithm>

#include "bench/duration_text.h"
#include "bench/stats/changepoints.h"
#include "bench/stats/summary.h"

namespace pypyready::bench {
namespace {

// Beyond the spread of a quiet machine's processes (2-4 %) and of a warmup left inside a process.
constexpr double kShift = 1.10;
constexpr std::size_t kMinSegment = 3;

// One figure per round: the whole process, or in function mode its steady mean (its warmup is a
// property of the interpreter, not of the machine); 0 where a process has no figure that speaks of
// the machine (in function mode, one that ended inside its warmup and is left out of the figures).
double round_seconds(const ProcessRecord& process, bool per_iteration) {
  if (!per_iteration) return process.wall_s;
  return process.counted ? process.analysis.steady_mean_s : 0;
}

}  // namespace

std::optional<std::string> speed_shift_warning(const BenchmarkResult& result) {
  if (result.mode == "pytest-benchmark" || result.per_interpreter.size() < 2) return std::nullopt;
  const InterpreterResult& baseline = result.per_interpreter[0];
  if (!baseline.ok) return std::nullopt;
  bool per_iteration = result.mode == "function";
  // The rounds with a figure, by their number in the run.
  std::vector<std::size_t> kept;
  std::vector<double> times;
  for (std::size_t k = 0; k < baseline.processes.size(); ++k) {
    double seconds = round_seconds(baseline.processes[k], per_iteration);
    if (seconds <= 0) continue;
    kept.push_back(k);
    times.push_back(seconds);
  }
  if (times.size() < 2 * kMinSegment) return std::nullopt;

  std::vector<std::size_t> starts{0};
  for (std::size_t at : stats::find_changepoints(times, 0, kMinSegment))
    starts.push_back(at);
  starts.push_back(times.size());
  std::vector<double> medians;
  for (std::size_t s = 0; s + 1 < starts.size(); ++s)
    medians.push_back(stats::median({times.begin() + static_cast<std::ptrdiff_t>(starts[s]),
                                     times.begin() + static_cast<std::ptrdiff_t>(starts[s + 1])}));
  auto [fastest, slowest] = std::minmax_element(medians.begin(), medians.end());
  if (medians.size() < 2 || *slowest <= kShift * *fastest) return std::nullopt;

  std::string segments;
  for (std::size_t s = 0; s + 1 < starts.size(); ++s)
    segments += fmt::format("{}{} in rounds {}-{}", s == 0 ? "" : ", ", duration_text(medians[s]),
                            kept[starts[s]] + 1, kept[starts[s + 1] - 1] + 1);
  std::string speedups;
  for (std::size_t i = 1; i < result.per_interpreter.size(); ++i) {
    const InterpreterResult& other = result.per_interpreter[i];
    if (!other.ok || other.processes.size() != baseline.processes.size()) continue;
    std::string within;
    for (std::size_t s = 0; s + 1 < starts.size(); ++s) {
      std::vector<double> ratios;
      for (std::size_t j = starts[s]; j < starts[s + 1]; ++j) {
        double theirs = round_seconds(other.processes[kept[j]], per_iteration);
        if (theirs > 0) ratios.push_back(times[j] / theirs);
      }
      within += (s == 0 ? "" : ", ") + (ratios.empty() ? "-" : fmt::format("{:.2f}x", stats::median(ratios)));
    }
    speedups += fmt::format("; {} in them: {}", other.id, within);
  }
  return fmt::format(
      "{}: the machine's speed changed during the run ({}{}): the interpreters need not slow down alike, so "
      "a run at another time can give a speedup outside this interval",
      baseline.id, segments, speedups);
}

}  // namespace pypyready::bench
