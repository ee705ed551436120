#pragma once
// Robust summaries of timing samples: mean, median, quantiles, standard deviation, Student t.

#include <vector>

namespace pypyready::bench::stats {

/// Arithmetic mean; 0 for no samples.
double mean(const std::vector<double>& values);

/// Sample standard deviation (n - 1); 0 for fewer than two samples.
double stddev(const std::vector<double>& values);

/// The lag-1 autocorrelation of a series in time order, corrected for the shortfall of short
/// series (the plain estimate falls short by about (1 + 3 r) / n) and held within [0, 0.9]: how
/// much each value still carries of the one before it. 0 for fewer than eight values (too few to
/// tell) or none that differ.
double serial_correlation(const std::vector<double>& values);

/// Pearson's correlation of paired values; 0 for fewer than three pairs, unequal lengths or a side
/// whose values are all equal.
double correlation(const std::vector<double>& x, const std::vector<double>& y);

/// Linear-interpolation quantile, q in [0, 1]; 0 for no samples.
double quantile(std::vector<double> values, double q);

/// The median (quantile 0.5).
double median(const std::vector<double>& values);

/// The 97.5 % quantile of Student's t with `df` degrees of freedom (df may be fractional, > 0).
double t_quantile_975(double df);

/// Marks outliers as warmup_stats does: outside median +- 3 x (p90 - p10) of a sliding window
/// of `window` samples centred on each one.
std::vector<bool> mark_outliers(const std::vector<double>& values, int window = 200);

}  // namespace pypyready::bench::stats
