#include "bench/stats/changepoints.h"

#include <algorithm>
#include <cmath>
#include <limits>

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
  std::size_t final_start = bounds[segments - 1];
  std::size_t final_length = kept.size() - final_start;
  for (std::size_t i = 1; i + 1 < bounds.size(); ++i)
    analysis.changepoints.push_back(index_of[bounds[i]]);
  analysis.steady_start = index_of[final_start];
  analysis.steady_mean_s =
      mean(std::vector<double>(kept.begin() + static_cast<long>(final_start), kept.end()));
  for (std::size_t i = 0; i < analysis.steady_start; ++i)
    analysis.seconds_to_steady += iterations_s[i];
  if (segments == 1) {
    analysis.classification = "flat";
  } else if (final_length < std::max<std::size_t>(3, kept.size() / 4)) {
    analysis.classification = "no-steady-state";
  } else {
    double before = segment_median(bounds[segments - 2], bounds[segments - 1]);
    analysis.classification = segment_median(final_start, kept.size()) < before ? "warmup" : "slowdown";
  }
  return analysis;
}

}  // namespace pypyready::bench::stats
