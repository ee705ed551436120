#include "bench/stats/pooled.h"

#include <algorithm>
#include <cmath>

#include "bench/stats/summary.h"

namespace pypyready::bench::stats {

namespace {
// A run whose interval has no width (one round repeated exactly) must not take all the weight.
constexpr double kSmallestStandardError = 1e-4;
}  // namespace

std::optional<Pooled> pool_runs(const std::vector<Ratio>& runs) {
  if (runs.size() < 2) return std::nullopt;
  std::vector<double> logs, variances;
  for (const Ratio& run : runs) {
    if (run.estimate <= 0 || run.low <= 0 || run.high < run.low) return std::nullopt;
    double se = std::max(log_standard_error(run), kSmallestStandardError);
    logs.push_back(std::log(run.estimate));
    variances.push_back(se * se);
  }
  auto k = static_cast<double>(runs.size());
  // Fixed-effect weights first, for Cochran's Q and the DerSimonian-Laird between-run variance.
  double sum_w = 0, sum_w2 = 0, sum_wy = 0;
  for (std::size_t i = 0; i < logs.size(); ++i) {
    double w = 1 / variances[i];
    sum_w += w;
    sum_w2 += w * w;
    sum_wy += w * logs[i];
  }
  double fixed = sum_wy / sum_w;
  double q = 0;
  for (std::size_t i = 0; i < logs.size(); ++i)
    q += (logs[i] - fixed) * (logs[i] - fixed) / variances[i];
  double tau2 = std::max(0.0, (q - (k - 1)) / (sum_w - sum_w2 / sum_w));
  // Random-effects weights and the Hartung-Knapp variance of their mean.
  double sum_rw = 0, sum_rwy = 0;
  for (std::size_t i = 0; i < logs.size(); ++i) {
    double w = 1 / (variances[i] + tau2);
    sum_rw += w;
    sum_rwy += w * logs[i];
  }
  double pooled = sum_rwy / sum_rw;
  double scatter = 0;
  for (std::size_t i = 0; i < logs.size(); ++i)
    scatter += (logs[i] - pooled) * (logs[i] - pooled) / (variances[i] + tau2);
  // Scaled by the runs' observed scatter, but not below 1: a handful of runs that agree by chance
  // must not make the interval narrower than their own intervals allow.
  double scale = std::max(1.0, scatter / (k - 1));
  double half = t_quantile_975(k - 1) * std::sqrt(scale / sum_rw);
  Pooled out;
  out.ratio = Ratio{std::exp(pooled), std::exp(pooled - half), std::exp(pooled + half), 0};
  out.runs = static_cast<int>(runs.size());
  out.between_runs_sd = std::sqrt(tau2);
  out.heterogeneity = q > 0 ? std::max(0.0, (q - (k - 1)) / q) : 0;
  if (runs.size() >= 3) {
    double spread = std::sqrt(scale / sum_rw + tau2 + median(variances));
    double reach = t_quantile_975(k - 2) * spread;
    out.next_run = std::pair{std::exp(pooled - reach), std::exp(pooled + reach)};
  }
  return out;
}

}  // namespace pypyready::bench::stats
