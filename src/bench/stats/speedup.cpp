#include "bench/stats/speedup.h"

#include <algorithm>
#include <cmath>
#include <random>

#include "bench/stats/summary.h"

namespace pypyready::bench::stats {
namespace {

std::vector<double> logs(const std::vector<double>& values) {
  std::vector<double> result;
  result.reserve(values.size());
  for (double v : values)
    result.push_back(std::log(std::max(v, 1e-300)));
  return result;
}

double geometric_mean(const std::vector<double>& values) {
  return std::exp(mean(logs(values)));
}

}  // namespace

double log_standard_error(const Ratio& ratio) {
  if (ratio.low <= 0 || ratio.high <= 0) return 0;
  return (std::log(ratio.high) - std::log(ratio.low)) / (2 * 1.959964);
}

std::optional<Ratio> welch_speedup(const std::vector<double>& baseline_means,
                                   const std::vector<double>& candidate_means) {
  if (baseline_means.size() < 2 || candidate_means.size() < 2) return std::nullopt;
  std::vector<double> a = logs(baseline_means), b = logs(candidate_means);
  double na = static_cast<double>(a.size()), nb = static_cast<double>(b.size());
  double va = stddev(a) * stddev(a) / na, vb = stddev(b) * stddev(b) / nb;
  double se = std::sqrt(va + vb);
  double df = se > 0 ? (va + vb) * (va + vb) / (va * va / (na - 1) + vb * vb / (nb - 1)) : 1e9;
  double difference = mean(a) - mean(b);
  double half = t_quantile_975(df) * se;
  return Ratio{std::exp(difference), std::exp(difference - half), std::exp(difference + half),
               static_cast<int>(std::min(a.size(), b.size()))};
}

std::optional<Ratio> paired_speedup(const std::vector<double>& baseline_means,
                                    const std::vector<double>& candidate_means) {
  if (baseline_means.size() < 2 || baseline_means.size() != candidate_means.size()) return std::nullopt;
  std::vector<double> a = logs(baseline_means), b = logs(candidate_means), differences;
  differences.reserve(a.size());
  for (std::size_t k = 0; k < a.size(); ++k)
    differences.push_back(a[k] - b[k]);
  double n = static_cast<double>(differences.size());
  double difference = mean(differences);
  // Rounds in a row are not independent on a machine whose speed drifts unevenly between the
  // interpreters (lag-1 autocorrelation up to 0.6 in long runs here): an AR(1) model of the
  // rounds widens the variance of their mean by (1 + r) / (1 - r).
  double r = serial_correlation(differences);
  double half = t_quantile_975(n - 1) * stddev(differences) / std::sqrt(n) * std::sqrt((1 + r) / (1 - r));
  return Ratio{std::exp(difference), std::exp(difference - half), std::exp(difference + half),
               static_cast<int>(differences.size())};
}

std::optional<Ratio> blocked_speedup(const std::vector<double>& baseline_means,
                                     const std::vector<double>& candidate_means) {
  if (auto paired = paired_speedup(baseline_means, candidate_means)) return paired;
  return welch_speedup(baseline_means, candidate_means);
}

std::optional<Ratio> bootstrap_speedup(const std::vector<std::vector<double>>& baseline,
                                       const std::vector<std::vector<double>>& candidate, int resamples,
                                       std::uint64_t seed) {
  if (baseline.size() < 2 || candidate.size() < 2) return std::nullopt;
  std::mt19937_64 rng(seed);
  auto resample_side = [&](const std::vector<std::vector<double>>& side) {
    std::uniform_int_distribution<std::size_t> pick_process(0, side.size() - 1);
    std::vector<double> means;
    for (std::size_t p = 0; p < side.size(); ++p) {
      const auto& iterations = side[pick_process(rng)];
      if (iterations.empty()) continue;
      std::uniform_int_distribution<std::size_t> pick(0, iterations.size() - 1);
      double sum = 0;
      for (std::size_t i = 0; i < iterations.size(); ++i)
        sum += iterations[pick(rng)];
      means.push_back(sum / static_cast<double>(iterations.size()));
    }
    return geometric_mean(means);
  };
  auto side_estimate = [](const std::vector<std::vector<double>>& side) {
    std::vector<double> means;
    for (const auto& iterations : side)
      if (!iterations.empty()) means.push_back(mean(iterations));
    return geometric_mean(means);
  };
  std::vector<double> ratios;
  ratios.reserve(static_cast<std::size_t>(std::max(resamples, 0)));
  for (int r = 0; r < resamples; ++r)
    ratios.push_back(resample_side(baseline) / resample_side(candidate));
  return Ratio{side_estimate(baseline) / side_estimate(candidate), quantile(ratios, 0.025),
               quantile(ratios, 0.975), static_cast<int>(std::min(baseline.size(), candidate.size()))};
}

StopReason stopping_decision(const Ratio& ratio, double ci_width, double min_speedup) {
  if (ratio.estimate > 0 && (ratio.high - ratio.low) / 2 <= ci_width * ratio.estimate)
    return StopReason::kPrecise;
  // min_speedup <= 0 asks for precision only: the decision never ends the run early.
  if (min_speedup > 0 && (ratio.low > min_speedup || ratio.high < min_speedup)) return StopReason::kDecided;
  return StopReason::kContinue;
}

std::optional<BreakEven> break_even(double baseline_startup_s,
                                    const std::vector<double>& baseline_iterations_s,
                                    double candidate_startup_s,
                                    const std::vector<double>& candidate_iterations_s,
                                    double baseline_steady_s, double candidate_steady_s) {
  std::size_t horizon = std::max(baseline_iterations_s.size(), candidate_iterations_s.size());
  auto at = [](const std::vector<double>& series, std::size_t i, double steady) {
    return i < series.size() ? series[i] : steady;
  };
  // cumulative[k] = start-up + the first k iterations.
  std::vector<double> a{baseline_startup_s}, b{candidate_startup_s};
  for (std::size_t i = 0; i < horizon; ++i) {
    a.push_back(a.back() + at(baseline_iterations_s, i, baseline_steady_s));
    b.push_back(b.back() + at(candidate_iterations_s, i, candidate_steady_s));
  }
  double gap = b.back() - a.back();  // > 0: candidate still behind at the horizon
  if (gap >= 0) {
    if (candidate_steady_s >= baseline_steady_s) return std::nullopt;
    auto more = static_cast<std::size_t>(std::floor(gap / (baseline_steady_s - candidate_steady_s))) + 1;
    std::size_t k = horizon + more;
    return BreakEven{k, a.back() + static_cast<double>(more) * baseline_steady_s};
  }
  if (candidate_steady_s > baseline_steady_s) return std::nullopt;  // ahead now, but falls behind later
  std::size_t k = horizon;
  while (k > 0 && b[k - 1] < a[k - 1])
    --k;
  return BreakEven{k, a[k]};
}

}  // namespace pypyready::bench::stats
