#include "bench/stats/summary.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>

namespace pypyready::bench::stats {

double mean(const std::vector<double>& values) {
  if (values.empty()) return 0;
  return std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
}

double stddev(const std::vector<double>& values) {
  if (values.size() < 2) return 0;
  double m = mean(values);
  double sum = 0;
  for (double v : values)
    sum += (v - m) * (v - m);
  return std::sqrt(sum / static_cast<double>(values.size() - 1));
}

double serial_correlation(const std::vector<double>& values) {
  // Under eight values the estimate's own error (about 1 / sqrt(n)) would decide the width: a
  // short run is treated as independent rounds.
  if (values.size() < 8) return 0;
  double m = mean(values);
  double lagged = 0, squares = 0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    squares += (values[i] - m) * (values[i] - m);
    if (i > 0) lagged += (values[i] - m) * (values[i - 1] - m);
  }
  if (squares <= 0) return 0;
  double r = lagged / squares;
  r += (1 + 3 * r) / static_cast<double>(values.size());
  // Negative values are not used to narrow an interval: below 0 is treated as independence.
  return std::clamp(r, 0.0, 0.9);
}

double correlation(const std::vector<double>& x, const std::vector<double>& y) {
  if (x.size() != y.size() || x.size() < 3) return 0;
  double mx = mean(x), my = mean(y);
  double sxy = 0, sxx = 0, syy = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) * (x[i] - mx);
    syy += (y[i] - my) * (y[i] - my);
  }
  if (sxx <= 0 || syy <= 0) return 0;
  return sxy / std::sqrt(sxx * syy);
}

double quantile(std::vector<double> values, double q) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  double position = q * static_cast<double>(values.size() - 1);
  auto below = static_cast<std::size_t>(std::floor(position));
  std::size_t above = std::min(below + 1, values.size() - 1);
  double fraction = position - static_cast<double>(below);
  return values[below] * (1 - fraction) + values[above] * fraction;
}

double median(const std::vector<double>& values) {
  return quantile(values, 0.5);
}

double t_quantile_975(double df) {
  // Exact table for small df (where series expansions are poor), interpolated in 1/df.
  static constexpr std::array<double, 31> kTable{0,     12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365,
                                                 2.306, 2.262,  2.228, 2.201, 2.179, 2.160, 2.145, 2.131,
                                                 2.120, 2.110,  2.101, 2.093, 2.086, 2.080, 2.074, 2.069,
                                                 2.064, 2.060,  2.056, 2.052, 2.048, 2.045, 2.042};
  if (df <= 1) return kTable[1];
  if (df < 30) {
    auto low = static_cast<std::size_t>(std::floor(df));
    std::size_t high = low + 1;
    double x = 1 / df, x0 = 1.0 / static_cast<double>(low), x1 = 1.0 / static_cast<double>(high);
    return kTable[low] + (kTable[high] - kTable[low]) * (x - x0) / (x1 - x0);
  }
  // Cornish-Fisher expansion around the normal quantile; accurate to 1e-4 from df = 30.
  double z = 1.959963984540054;
  double z3 = z * z * z, z5 = z3 * z * z, z7 = z5 * z * z;
  return z + (z3 + z) / (4 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96 * df * df) +
         (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df * df * df);
}

std::vector<bool> mark_outliers(const std::vector<double>& values, int window) {
  std::vector<bool> outlier(values.size(), false);
  auto n = static_cast<long>(values.size());
  long half = std::max(1, window / 2);
  for (long i = 0; i < n; ++i) {
    long from = std::max(0L, std::min(i - half, n - 2 * half));
    long to = std::min(n, from + 2 * half);
    std::vector<double> slice(values.begin() + from, values.begin() + to);
    double m = median(slice);
    double spread = quantile(slice, 0.9) - quantile(slice, 0.1);
    outlier[static_cast<std::size_t>(i)] =
        std::abs(values[static_cast<std::size_t>(i)] - m) > 3 * spread && spread > 0;
  }
  return outlier;
}

}  // namespace pypyready::bench::stats
