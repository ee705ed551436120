#include "bench/stats/changepoints.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

#include "bench/stats/summary.h"

namespace pypyready::bench::stats {

std::vector<std::size_t> find_changepoints(const std::vector<double>& values, double penalty,
                                           std::size_t min_segment) {
  std::size_t n = values.size();
  if (n < 2 * min_segment) return {};
  if (penalty <= 0) penalty = 15 * std::log(static_cast<double>(n));
  std::vector<double> s1(n + 1, 0), s2(n + 1, 0);
  for (std::size_t i = 0; i < n; ++i) {
    s1[i + 1] = s1[i] + values[i];
    s2[i + 1] = s2[i] + values[i] * values[i];
  }
  // A variance floor keeps constant stretches (timer-resolution data) from costing -infinity.
  double scale = std::abs(s1[n] / static_cast<double>(n));
  double floor = std::max(1e-30, (1e-4 * scale) * (1e-4 * scale));
  auto cost = [&](std::size_t from, std::size_t to) {
    double m = static_cast<double>(to - from);
    double sum = s1[to] - s1[from];
    double var = std::max(floor, (s2[to] - s2[from] - sum * sum / m) / m);
    return m * std::log(var);
  };
  const double inf = std::numeric_limits<double>::infinity();
  std::vector<double> best(n + 1, inf);
  std::vector<std::size_t> previous(n + 1, 0);
  best[0] = -penalty;
  std::vector<std::size_t> candidates;
  for (std::size_t t = min_segment; t <= n; ++t) {
    std::size_t newest = t - min_segment;
    if (newest == 0 || newest >= min_segment) candidates.push_back(newest);
    double best_value = inf;
    std::size_t best_from = 0;
    for (std::size_t s : candidates) {
      if (best[s] == inf) continue;
      double value = best[s] + cost(s, t) + penalty;
      if (value < best_value) {
        best_value = value;
        best_from = s;
      }
    }
    best[t] = best_value;
    previous[t] = best_from;
    // PELT pruning: a start that cannot beat the optimum now never will.
    std::erase_if(candidates,
                  [&](std::size_t s) { return best[s] != inf && best[s] + cost(s, t) > best[t]; });
  }
  std::vector<std::size_t> result;
  for (std::size_t t = previous[n]; t > 0; t = previous[t])
    result.push_back(t);
  std::reverse(result.begin(), result.end());
  return result;
}

namespace {

// The leading segment that outlier marking must leave alone, because it is warmup to be measured,
// not noise: the iterations before the first changepoint of the raw series when that segment is
// slower than the next one, and at least the run of slow iterations at the very start that the
// sliding-window band would otherwise discard (a JIT's first one or two iterations).
std::size_t leading_segment_length(const std::vector<double>& values, const std::vector<bool>& outliers) {
  double overall = median(values);
  std::size_t prefix = 0;
  while (prefix < values.size() && outliers[prefix] && values[prefix] > overall)
    ++prefix;
  // What follows the outlying start may itself be a slower segment (a warmup in steps).
  std::vector<double> rest(values.begin() + static_cast<long>(prefix), values.end());
  auto raw = find_changepoints(rest);
  if (!raw.empty()) {
    std::size_t next_end = raw.size() > 1 ? raw[1] : rest.size();
    auto first = std::vector<double>(rest.begin(), rest.begin() + static_cast<long>(raw[0]));
    auto second = std::vector<double>(rest.begin() + static_cast<long>(raw[0]),
                                      rest.begin() + static_cast<long>(next_end));
    if (median(first) > median(second)) prefix += raw[0];
  }
  return prefix;
}

// A steady segment must leave room for one more changepoint: PELT's minimum segment twice.
constexpr std::size_t kShortestSteadySegment = 6;
// Halves of a steady segment whose means differ by more than this are a level still moving.
constexpr double kTrendTolerance = 0.10;

// PELT's penalty (15 ln n) is sized for the long runs of bench.md and keeps a short series in one
// segment even while it is still falling (a PyPy process stopped inside its warmup: 450, 152, 91,
// 92, 123 ms). A steady state must also be steady in the plain sense: its first and second half
// about equally fast.
bool still_moving(const std::vector<double>& segment) {
  if (segment.size() < kShortestSteadySegment) return false;
  std::size_t half = segment.size() / 2;
  double first = mean(std::vector<double>(segment.begin(), segment.begin() + static_cast<long>(half)));
  double second = mean(std::vector<double>(segment.end() - static_cast<long>(half), segment.end()));
  return std::abs(first - second) > kTrendTolerance * std::max(first, second);
}

// Where the steady tail of a moving segment starts: the first offset, in steps of an eighth of the
// segment, from which the rest (at least `shortest` long) no longer moves; nullopt if none does.
std::optional<std::size_t> steady_tail(const std::vector<double>& segment, std::size_t shortest) {
  std::size_t step = std::max<std::size_t>(1, segment.size() / 8);
  for (std::size_t offset = step; offset < segment.size() && segment.size() - offset >= shortest;
       offset += step)
    if (!still_moving(std::vector<double>(segment.begin() + static_cast<long>(offset), segment.end())))
      return offset;
  return std::nullopt;
}

}  // namespace

ProcessAnalysis analyse_process(const std::vector<double>& iterations_s, double relative_tolerance,
                                double absolute_tolerance_s) {
  ProcessAnalysis analysis;
  analysis.outliers = mark_outliers(iterations_s);
  std::size_t leading = leading_segment_length(iterations_s, analysis.outliers);
  for (std::size_t i = 0; i < leading; ++i)
    analysis.outliers[i] = false;
  // Changepoints are searched on the non-outliers, then mapped back to iteration indices.
  std::vector<double> kept;
  std::vector<std::size_t> index_of;
  for (std::size_t i = 0; i < iterations_s.size(); ++i) {
    if (analysis.outliers[i]) continue;
    kept.push_back(iterations_s[i]);
    index_of.push_back(i);
  }
  if (kept.empty()) {
    analysis.classification = "no-steady-state";
    return analysis;
  }
  // The leading segment is a segment of its own even when it is shorter than PELT's minimum
  // segment length (one slow first iteration is the commonest warmup of all).
  std::vector<std::size_t> bounds{0};
  if (leading > 0 && leading < kept.size()) bounds.push_back(leading);
  std::size_t offset = bounds.back();
  std::vector<double> rest(kept.begin() + static_cast<long>(offset), kept.end());
  for (std::size_t cp : find_changepoints(rest))
    bounds.push_back(offset + cp);
  bounds.push_back(kept.size());
  auto segment_median = [&](std::size_t a, std::size_t b) {
    return median(
        std::vector<double>(kept.begin() + static_cast<long>(a), kept.begin() + static_cast<long>(b)));
  };
  // Merge neighbours whose medians are equivalent.
  for (std::size_t i = 1; i + 1 < bounds.size();) {
    double left = segment_median(bounds[i - 1], bounds[i]);
    double right = segment_median(bounds[i], bounds[i + 1]);
    double tolerance = std::max(relative_tolerance * std::max(left, right), absolute_tolerance_s);
    if (std::abs(left - right) < tolerance) {
      bounds.erase(bounds.begin() + static_cast<long>(i));
    } else {
      ++i;
    }
  }
  std::size_t segments = bounds.size() - 1;
  std::size_t shortest = std::max(kShortestSteadySegment, kept.size() / 4);
  // A final segment still moving (PELT's penalty keeps the slow tail of a warmup in one segment
  // with what follows it) is steady from where the rest of it stops moving, if that comes soon
  // enough; otherwise the process ended unsteady.
  bool moving = false;
  std::vector<double> final_segment(kept.begin() + static_cast<long>(bounds[segments - 1]), kept.end());
  if (still_moving(final_segment)) {
    if (auto tail = steady_tail(final_segment, shortest)) {
      bounds.insert(bounds.end() - 1, bounds[segments - 1] + *tail);
      ++segments;
    } else {
      moving = true;
    }
  }
  std::size_t final_start = bounds[segments - 1];
  std::size_t final_length = kept.size() - final_start;
  for (std::size_t i = 1; i + 1 < bounds.size(); ++i)
    analysis.changepoints.push_back(index_of[bounds[i]]);
  analysis.steady_start = index_of[final_start];
  analysis.steady_mean_s =
      mean(std::vector<double>(kept.begin() + static_cast<long>(final_start), kept.end()));
  for (std::size_t i = 0; i < analysis.steady_start; ++i)
    analysis.seconds_to_steady += iterations_s[i];
  if (moving || (segments > 1 && final_length < shortest)) {
    analysis.classification = "no-steady-state";
  } else if (segments == 1) {
    analysis.classification = "flat";
  } else {
    double before = segment_median(bounds[segments - 2], bounds[segments - 1]);
    analysis.classification = segment_median(final_start, kept.size()) < before ? "warmup" : "slowdown";
  }
  return analysis;
}

}  // namespace pypyready::bench::stats
