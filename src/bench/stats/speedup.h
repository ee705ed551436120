#pragma once
// Across-process comparison: the speedup of a candidate over a baseline as a ratio with a 95 %
// interval (paired t on the log ratio of each round's processes when the runs were interleaved
// round by round, Welch t on log per-process means otherwise; hierarchical bootstrap as a
// cross-check), the adaptive stopping rule, and the break-even run length.

#include <cstdint>
#include <optional>
#include <vector>

namespace pypyready::bench::stats {

/// A ratio (baseline time / candidate time: > 1 means the candidate is faster) and its 95 % interval.
struct Ratio {
  double estimate = 0;
  double low = 0;
  double high = 0;
  int processes = 0;  ///< the smaller of the two process counts
};

/// The standard error of a ratio's logarithm recovered from its 95 % interval (the log width over
/// 2 x 1.96; a t interval of few processes gives a larger one than its own); 0 without a positive
/// interval.
double log_standard_error(const Ratio& ratio);

/// Welch interval on the log of per-process means; nullopt with fewer than 2 processes a side.
std::optional<Ratio> welch_speedup(const std::vector<double>& baseline_means,
                                   const std::vector<double>& candidate_means);

/// Paired interval: element k of both sides ran in the same round, next to each other, so a
/// change of the machine's speed between rounds (which is common: adjacent processes' log times
/// correlate 0.6-0.8 on a shared VM even on one CPU) cancels in their ratio. Student t with n-1
/// degrees of freedom on the per-round log ratios, their variance widened for the serial
/// correlation that remains between rounds (`serial_correlation`); nullopt unless both sides
/// have the same number (at least 2). The elements are in the order the rounds ran.
std::optional<Ratio> paired_speedup(const std::vector<double>& baseline_means,
                                    const std::vector<double>& candidate_means);

/// The interval for interleaved rounds: paired when the sides have one process per round each,
/// Welch otherwise.
std::optional<Ratio> blocked_speedup(const std::vector<double>& baseline_means,
                                     const std::vector<double>& candidate_means);

/// Percentile interval from resampling processes, then iterations within each process.
std::optional<Ratio> bootstrap_speedup(const std::vector<std::vector<double>>& baseline,
                                       const std::vector<std::vector<double>>& candidate,
                                       int resamples = 2000, std::uint64_t seed = 1);

/// Why to stop adding process pairs, or not.
enum class StopReason { kContinue, kPrecise, kDecided };

/// kPrecise when the half-width is at most `ci_width` of the estimate; kDecided when the whole
/// interval lies above `min_speedup`, or below it (including "candidate slower"); with
/// `min_speedup` <= 0 only precision stops the run.
StopReason stopping_decision(const Ratio& ratio, double ci_width, double min_speedup);

/// When the candidate's cumulative time (start-up included) stays below the baseline's.
struct BreakEven {
  std::size_t iterations = 0;  ///< iterations after which it stays below
  double seconds = 0;          ///< the baseline's cumulative time at that point (the run length)
};

/// Both series are extended past their end with their last values' mean (the steady state).
/// nullopt: never (the candidate is not faster in the steady state and has not already won).
std::optional<BreakEven> break_even(double baseline_startup_s,
                                    const std::vector<double>& baseline_iterations_s,
                                    double candidate_startup_s,
                                    const std::vector<double>& candidate_iterations_s,
                                    double baseline_steady_s, double candidate_steady_s);

}  // namespace pypyready::bench::stats
