#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "bench/stats/changepoints.h"
#include "bench/stats/speedup.h"
#include "bench/stats/summary.h"

namespace pypyready::bench::stats {
namespace {

// Simulated iteration times: `count` normal samples around `level` with relative noise `noise`.
void append(std::vector<double>& out, std::mt19937_64& rng, std::size_t count, double level, double noise) {
  std::normal_distribution<double> dist(level, level * noise);
  for (std::size_t i = 0; i < count; ++i)
    out.push_back(std::max(1e-6, dist(rng)));
}

TEST(Summary, QuantilesAndMoments) {
  std::vector<double> values{4, 1, 3, 2, 5};
  EXPECT_DOUBLE_EQ(mean(values), 3);
  EXPECT_DOUBLE_EQ(median(values), 3);
  EXPECT_DOUBLE_EQ(quantile(values, 0.25), 2);
  EXPECT_NEAR(stddev(values), std::sqrt(2.5), 1e-12);
}

// A stationary AR(1) series: each value keeps `rho` of the one before, plus fresh noise; sd `sd`.
std::vector<double> autoregressive(std::mt19937_64& rng, std::size_t count, double rho, double sd) {
  std::normal_distribution<double> fresh(0, sd * std::sqrt(1 - rho * rho));
  std::normal_distribution<double> first(0, sd);
  std::vector<double> out{first(rng)};
  while (out.size() < count)
    out.push_back(rho * out.back() + fresh(rng));
  return out;
}

TEST(Summary, SerialCorrelationOfASeries) {
  std::mt19937_64 rng(5);
  EXPECT_LT(serial_correlation(autoregressive(rng, 4000, 0.0, 1.0)), 0.05);
  EXPECT_NEAR(serial_correlation(autoregressive(rng, 4000, 0.5, 1.0)), 0.5, 0.05);
  // Short series are corrected for the estimate's shortfall: over many series of 10 with 0.5,
  // the estimates average about 0.4, where the plain lag-1 estimate (held at 0 and above)
  // averages about 0.25.
  std::vector<double> estimates;
  estimates.reserve(2000);
  for (int run = 0; run < 2000; ++run)
    estimates.push_back(serial_correlation(autoregressive(rng, 10, 0.5, 1.0)));
  EXPECT_GT(mean(estimates), 0.33);
  EXPECT_LT(mean(estimates), 0.55);
  EXPECT_EQ(serial_correlation({1, 2, 3, 4, 5, 6, 7}), 0);  // too few to tell
  EXPECT_EQ(serial_correlation({3, 3, 3, 3, 3, 3, 3, 3}), 0);
  EXPECT_EQ(serial_correlation({1, -1, 1, -1, 1, -1, 1, -1}), 0);  // alternating: never below 0
  EXPECT_GT(serial_correlation({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}), 0.5);
  EXPECT_LE(serial_correlation({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}), 0.9);
}

TEST(Summary, CorrelationOfPairs) {
  EXPECT_NEAR(correlation({1, 2, 3, 4}, {2, 4, 6, 8}), 1.0, 1e-12);
  EXPECT_NEAR(correlation({1, 2, 3, 4}, {8, 6, 4, 2}), -1.0, 1e-12);
  EXPECT_NEAR(correlation({1, 2, 3, 4}, {1, 3, 2, 4}), 0.8, 1e-12);
  EXPECT_EQ(correlation({1, 2}, {1, 2}), 0);           // too few
  EXPECT_EQ(correlation({1, 2, 3}, {5, 5, 5}), 0);     // one side constant
  EXPECT_EQ(correlation({1, 2, 3}, {1, 2, 3, 4}), 0);  // not paired
}

TEST(Summary, StudentTQuantiles) {
  EXPECT_NEAR(t_quantile_975(1), 12.706, 1e-3);
  EXPECT_NEAR(t_quantile_975(10), 2.228, 1e-3);
  EXPECT_NEAR(t_quantile_975(40), 2.021, 2e-3);
  EXPECT_NEAR(t_quantile_975(1e6), 1.960, 1e-3);
  EXPECT_GT(t_quantile_975(4.5), t_quantile_975(5));
  EXPECT_LT(t_quantile_975(4.5), t_quantile_975(4));
}

TEST(Outliers, MarksFarPointsOnly) {
  std::mt19937_64 rng(7);
  std::vector<double> values;
  append(values, rng, 50, 1.0, 0.02);
  values[20] = 5.0;
  auto marked = mark_outliers(values);
  EXPECT_TRUE(marked[20]);
  EXPECT_EQ(std::count(marked.begin(), marked.end(), true), 1);
}

TEST(Changepoints, FoundWherePlanted) {
  int exact = 0;
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    std::mt19937_64 rng(seed);
    std::vector<double> values;
    append(values, rng, 20, 1.0, 0.03);
    append(values, rng, 60, 0.4, 0.03);
    append(values, rng, 40, 0.6, 0.03);
    auto found = find_changepoints(values);
    ASSERT_EQ(found.size(), 2u) << "seed " << seed;
    EXPECT_NEAR(static_cast<double>(found[0]), 20, 2);
    EXPECT_NEAR(static_cast<double>(found[1]), 80, 2);
    exact += found[0] == 20 && found[1] == 80;
  }
  EXPECT_GE(exact, 15);
}

TEST(Changepoints, NoneInStationaryNoise) {
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    std::mt19937_64 rng(seed);
    std::vector<double> values;
    append(values, rng, 200, 0.05, 0.2);
    EXPECT_TRUE(find_changepoints(values).empty()) << "seed " << seed;
  }
  EXPECT_TRUE(find_changepoints(std::vector<double>(50, 1.0)).empty());
}

TEST(Classification, FlatWarmupSlowdownAndNoSteadyState) {
  std::mt19937_64 rng(3);
  std::vector<double> flat, warmup, slowdown, unsteady;
  append(flat, rng, 60, 0.1, 0.03);
  append(warmup, rng, 10, 0.5, 0.03);
  append(warmup, rng, 50, 0.1, 0.03);
  append(slowdown, rng, 30, 0.1, 0.03);
  append(slowdown, rng, 30, 0.2, 0.03);
  // Still changing when the run ended: the last level lasted only 10 of 60 iterations.
  append(unsteady, rng, 50, 0.1, 0.03);
  append(unsteady, rng, 10, 0.3, 0.03);

  EXPECT_EQ(analyse_process(flat).classification, "flat");
  auto warm = analyse_process(warmup);
  EXPECT_EQ(warm.classification, "warmup");
  EXPECT_EQ(warm.steady_start, 10u);
  EXPECT_NEAR(warm.steady_mean_s, 0.1, 0.005);
  EXPECT_NEAR(warm.seconds_to_steady, 5.0, 0.2);
  EXPECT_EQ(analyse_process(slowdown).classification, "slowdown");
  EXPECT_EQ(analyse_process(unsteady).classification, "no-steady-state");
}

TEST(Classification, ShortWarmupIsMeasuredNotDiscardedAsOutliers) {
  // One or two slow first iterations (a JIT compiling the hot loop) are too few for a PELT segment
  // and far outside the sliding-window band: they must stay in the data as the warmup segment.
  for (std::size_t slow : {1u, 2u}) {
    std::mt19937_64 rng(17 + slow);
    std::vector<double> values;
    append(values, rng, slow, 0.8, 0.01);
    append(values, rng, 60, 0.1, 0.03);
    auto analysis = analyse_process(values);
    EXPECT_EQ(analysis.classification, "warmup") << slow;
    EXPECT_EQ(analysis.steady_start, slow);
    EXPECT_FALSE(analysis.outliers[0]);
    EXPECT_NEAR(analysis.seconds_to_steady, 0.8 * static_cast<double>(slow), 0.05);
    EXPECT_NEAR(analysis.steady_mean_s, 0.1, 0.005);
  }
  // A later spike of the same size is still an outlier, and the process stays flat.
  std::mt19937_64 rng(23);
  std::vector<double> values;
  append(values, rng, 60, 0.1, 0.03);
  values[30] = 0.8;
  auto analysis = analyse_process(values);
  EXPECT_EQ(analysis.classification, "flat");
  EXPECT_TRUE(analysis.outliers[30]);
  EXPECT_EQ(analysis.steady_start, 0u);
}

TEST(Classification, PlantedWarmupFoundOverManySimulatedProcesses) {
  // 200 processes with a warmup of 1-15 iterations at 2-10x the steady time, 3-8 % noise: the
  // steady start is found within one iteration nearly always.
  std::mt19937_64 rng(29);
  std::uniform_int_distribution<std::size_t> length(1, 15);
  std::uniform_real_distribution<double> factor(2, 10), noise(0.03, 0.08);
  int found = 0;
  const int runs = 200;
  for (int run = 0; run < runs; ++run) {
    std::size_t warm = length(rng);
    double sigma = noise(rng);
    std::vector<double> values;
    append(values, rng, warm, 0.02 * factor(rng), sigma);
    append(values, rng, 80, 0.02, sigma);
    auto analysis = analyse_process(values);
    bool ok = analysis.classification == "warmup" &&
              std::abs(static_cast<double>(analysis.steady_start) - static_cast<double>(warm)) <= 1;
    found += ok;
  }
  EXPECT_GE(found, runs * 95 / 100);
}

TEST(Classification, AProcessStoppedInsideItsWarmupHasNoSteadyState) {
  // A PyPy process given 0.9 s of a function whose warmup takes 2 s (measured in the confcheck
  // example): too short for PELT to leave a steady segment of its own.
  auto pilot = analyse_process({0.450, 0.152, 0.091, 0.092, 0.123, 0.078});
  EXPECT_EQ(pilot.classification, "no-steady-state");
  // Falling all the way to the end: every tail long enough to stand for the process still moves.
  std::vector<double> falling;
  falling.reserve(40);
  for (int i = 0; i < 40; ++i)
    falling.push_back(0.10 - 0.07 * i / 40.0);
  EXPECT_EQ(analyse_process(falling).classification, "no-steady-state");
}

TEST(Classification, TheSlowTailOfAWarmupIsNotTheSteadyState) {
  // A PyPy process of the confcheck example's check (ms per iteration): three compiling
  // iterations, then a tail that falls from about 45 to 31 ms over 30 iterations. PELT's penalty
  // keeps that tail in one segment with the steady part; the steady state starts after it.
  std::vector<double> values{500, 128, 148, 60, 56, 43, 42, 38, 42, 34, 42, 36, 39, 36, 45, 38,
                             36,  28,  34,  38, 34, 34, 28, 36, 35, 33, 33, 26, 33, 33, 34, 33,
                             26,  33,  34,  33, 33, 25, 37, 32, 31, 31, 24, 31, 31, 31, 32, 24,
                             31,  30,  31,  33, 24, 31, 31, 33, 32, 24, 31, 32, 33, 32};
  for (double& value : values)
    value /= 1000;
  auto analysis = analyse_process(values);
  EXPECT_EQ(analysis.classification, "warmup");
  EXPECT_GE(analysis.steady_start, 15u);
  EXPECT_NEAR(analysis.steady_mean_s, 0.0305, 0.001);
}

TEST(Classification, ASteadyProcessThatAlternatesStaysSteady) {
  // PyPy's steady state is often two levels interleaved (a collection every third call): 18 and
  // 27 ms, with noise, over 120 iterations. Neither half of it is faster.
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    std::mt19937_64 rng(seed);
    std::vector<double> values;
    for (int i = 0; i < 40; ++i) {
      append(values, rng, 2, 0.018, 0.05);
      append(values, rng, 1, 0.027, 0.05);
    }
    EXPECT_EQ(analyse_process(values).classification, "flat") << "seed " << seed;
  }
}

TEST(Classification, EquivalentSegmentsAreMerged) {
  // A 1 % step is below the 2 % equivalence tolerance: one steady state.
  std::vector<double> values(40, 0.100);
  values.insert(values.end(), 40, 0.101);
  auto analysis = analyse_process(values);
  EXPECT_EQ(analysis.classification, "flat");
  EXPECT_TRUE(analysis.changepoints.empty());
}

TEST(Speedup, WelchIntervalCoversTheTrueRatioAtTheStatedRate) {
  // 2000 simulated experiments: 5 and 7 processes with log-normal per-process means and
  // unequal spreads; the true speedup is 3.
  std::mt19937_64 rng(11);
  std::normal_distribution<double> baseline_noise(0, 0.20), candidate_noise(0, 0.35);
  int covered = 0;
  const int runs = 2000;
  for (int run = 0; run < runs; ++run) {
    std::vector<double> a, b;
    for (int i = 0; i < 5; ++i)
      a.push_back(0.9 * std::exp(baseline_noise(rng)));
    for (int i = 0; i < 7; ++i)
      b.push_back(0.3 * std::exp(candidate_noise(rng)));
    auto ratio = welch_speedup(a, b);
    ASSERT_TRUE(ratio.has_value());
    covered += ratio->low <= 3.0 && 3.0 <= ratio->high;
  }
  double coverage = static_cast<double>(covered) / runs;
  EXPECT_GT(coverage, 0.93);
  EXPECT_LT(coverage, 0.97);
}

// Rounds on a machine whose speed drifts: each round's two processes share a slowdown (sd
// `drift` on the log scale), each process adds its own noise (sd 0.04). True speedup 2.5.
struct DriftedRounds {
  std::vector<double> baseline, candidate;
};
DriftedRounds drifted_rounds(std::mt19937_64& rng, int rounds, double drift) {
  std::normal_distribution<double> machine(0, drift), own(0, 0.04);
  DriftedRounds out;
  for (int r = 0; r < rounds; ++r) {
    double speed = std::exp(machine(rng));
    out.baseline.push_back(1.0 * speed * std::exp(own(rng)));
    out.candidate.push_back(0.4 * speed * std::exp(own(rng)));
  }
  return out;
}

TEST(Speedup, PairedIntervalCoversTheTrueRatioWithAndWithoutDrift) {
  for (double drift : {0.0, 0.15}) {
    std::mt19937_64 rng(drift > 0 ? 17 : 19);
    int covered = 0;
    const int runs = 2000;
    for (int run = 0; run < runs; ++run) {
      DriftedRounds rounds = drifted_rounds(rng, 5, drift);
      auto ratio = paired_speedup(rounds.baseline, rounds.candidate);
      ASSERT_TRUE(ratio.has_value());
      covered += ratio->low <= 2.5 && 2.5 <= ratio->high;
    }
    double coverage = static_cast<double>(covered) / runs;
    EXPECT_GT(coverage, 0.93) << "drift " << drift;
    EXPECT_LT(coverage, 0.97) << "drift " << drift;
  }
}

TEST(Speedup, PairedIntervalLeavesTheMachinesDriftOut) {
  // With drift, Welch's interval carries it and the paired one does not: several times narrower
  // in the median, the same estimate.
  std::mt19937_64 rng(23);
  std::vector<double> paired_widths, welch_widths;
  for (int run = 0; run < 500; ++run) {
    DriftedRounds rounds = drifted_rounds(rng, 8, 0.15);
    auto paired = paired_speedup(rounds.baseline, rounds.candidate);
    auto welch = welch_speedup(rounds.baseline, rounds.candidate);
    ASSERT_TRUE(paired && welch);
    EXPECT_NEAR(paired->estimate, welch->estimate, 1e-9);
    paired_widths.push_back(std::log(paired->high / paired->low));
    welch_widths.push_back(std::log(welch->high / welch->low));
  }
  EXPECT_LT(median(paired_widths) * 2.5, median(welch_widths));
}

// Rounds whose ratio itself wanders: the interpreters' speeds drift apart and back over several
// rounds (AR(1) with `rho` on the log ratio, sd 0.05); true speedup 2.5.
DriftedRounds wandering_rounds(std::mt19937_64& rng, int rounds, double rho) {
  std::vector<double> apart = autoregressive(rng, static_cast<std::size_t>(rounds), rho, 0.05);
  std::normal_distribution<double> machine(0, 0.15);
  DriftedRounds out;
  for (double gap : apart) {
    double speed = std::exp(machine(rng));
    out.baseline.push_back(1.0 * speed);
    out.candidate.push_back(0.4 * speed * std::exp(-gap));
  }
  return out;
}

TEST(Speedup, PairedIntervalCoversWhenTheRatioWandersBetweenRounds) {
  // Independent rounds would give a plain t interval 95 %; with rho 0.5 it covers about 76 %.
  std::mt19937_64 rng(29);
  int covered = 0;
  const int runs = 2000;
  for (int run = 0; run < runs; ++run) {
    DriftedRounds rounds = wandering_rounds(rng, 20, 0.5);
    auto ratio = paired_speedup(rounds.baseline, rounds.candidate);
    ASSERT_TRUE(ratio.has_value());
    covered += ratio->low <= 2.5 && 2.5 <= ratio->high;
  }
  EXPECT_GT(static_cast<double>(covered) / runs, 0.89);
}

TEST(Speedup, PairedIntervalPaysLittleForTheCorrelationWhenRoundsAreIndependent) {
  // Against the plain t interval on the same independent rounds: at most 20 % wider in the median.
  std::mt19937_64 rng(31);
  std::vector<double> ratios;
  for (int run = 0; run < 1000; ++run) {
    DriftedRounds rounds = wandering_rounds(rng, 8, 0.0);
    std::vector<double> differences;
    for (std::size_t k = 0; k < rounds.baseline.size(); ++k)
      differences.push_back(std::log(rounds.baseline[k] / rounds.candidate[k]));
    double plain = 2 * t_quantile_975(7) * stddev(differences) / std::sqrt(8.0);
    auto ratio = paired_speedup(rounds.baseline, rounds.candidate);
    ASSERT_TRUE(ratio.has_value());
    double width = std::log(ratio->high / ratio->low);
    EXPECT_GE(width, plain - 1e-12);
    ratios.push_back(width / plain);
  }
  EXPECT_LT(median(ratios), 1.2);
}

TEST(Speedup, BlockedFallsBackToWelchWhenRoundsAreIncomplete) {
  std::vector<double> baseline{1.0, 1.1, 0.9, 1.05}, candidate{0.5, 0.52, 0.47};
  EXPECT_FALSE(paired_speedup(baseline, candidate).has_value());
  EXPECT_FALSE(paired_speedup({1.0}, {0.5}).has_value());
  auto blocked = blocked_speedup(baseline, candidate);
  auto welch = welch_speedup(baseline, candidate);
  ASSERT_TRUE(blocked && welch);
  EXPECT_DOUBLE_EQ(blocked->low, welch->low);
  EXPECT_DOUBLE_EQ(blocked->high, welch->high);
  candidate.push_back(0.5);
  auto paired = blocked_speedup(baseline, candidate);
  ASSERT_TRUE(paired.has_value());
  EXPECT_DOUBLE_EQ(paired->high, paired_speedup(baseline, candidate)->high);
  EXPECT_NE(paired->high, welch_speedup(baseline, candidate)->high);
}

TEST(Speedup, HierarchicalBootstrapCoversTheTrueRatio) {
  // 300 simulated experiments of 8 processes x 15 iterations per side; between-process noise
  // dominates, as measured on shared machines. The percentile bootstrap is known to be somewhat
  // liberal with few processes, so the bar is 88 % for a nominal 95 %.
  std::mt19937_64 rng(31);
  std::normal_distribution<double> between(0, 0.15);
  int covered = 0;
  const int runs = 300;
  for (int run = 0; run < runs; ++run) {
    std::vector<std::vector<double>> a(8), b(8);
    for (int p = 0; p < 8; ++p) {
      append(a[p], rng, 15, 1.0 * std::exp(between(rng)), 0.05);
      append(b[p], rng, 15, 0.25 * std::exp(between(rng)), 0.05);
    }
    auto ratio = bootstrap_speedup(a, b, 400, static_cast<std::uint64_t>(run) + 1);
    ASSERT_TRUE(ratio.has_value());
    covered += ratio->low <= 4.0 && 4.0 <= ratio->high;
  }
  EXPECT_GE(covered, runs * 88 / 100);
  EXPECT_LE(covered, runs * 99 / 100);
}

TEST(Speedup, BootstrapAgreesWithWelch) {
  std::mt19937_64 rng(5);
  std::normal_distribution<double> noise(0, 0.1);
  std::vector<std::vector<double>> a(10), b(10);
  std::vector<double> a_means, b_means;
  for (int p = 0; p < 10; ++p) {
    double level_a = 1.0 * std::exp(noise(rng)), level_b = 0.25 * std::exp(noise(rng));
    append(a[p], rng, 20, level_a, 0.05);
    append(b[p], rng, 20, level_b, 0.05);
    a_means.push_back(mean(a[p]));
    b_means.push_back(mean(b[p]));
  }
  auto welch = welch_speedup(a_means, b_means);
  auto boot = bootstrap_speedup(a, b);
  ASSERT_TRUE(welch && boot);
  EXPECT_NEAR(boot->estimate, welch->estimate, 1e-9);
  EXPECT_NEAR(welch->estimate, 4.0, 0.5);
  EXPECT_NEAR(std::log(boot->low), std::log(welch->low), 0.05);
  EXPECT_NEAR(std::log(boot->high), std::log(welch->high), 0.05);
  EXPECT_FALSE(welch_speedup({1.0}, {1.0, 2.0}).has_value());
}

TEST(Speedup, StoppingRule) {
  EXPECT_EQ(stopping_decision({2.0, 1.96, 2.04, 5}, 0.05, 1.2), StopReason::kPrecise);
  EXPECT_EQ(stopping_decision({3.0, 1.5, 6.0, 5}, 0.05, 1.2), StopReason::kDecided);
  EXPECT_EQ(stopping_decision({0.5, 0.3, 0.9, 5}, 0.05, 1.2), StopReason::kDecided);
  EXPECT_EQ(stopping_decision({1.3, 0.9, 1.8, 5}, 0.05, 1.2), StopReason::kContinue);
  EXPECT_EQ(stopping_decision({3.0, 1.5, 6.0, 5}, 0.05, 0), StopReason::kContinue);
  EXPECT_EQ(stopping_decision({3.0, 2.9, 3.1, 5}, 0.05, 0), StopReason::kPrecise);
}

TEST(BreakEven, CrossingInsideTheMeasuredRun) {
  // Baseline: 0.01 s start-up, 1 s iterations. Candidate: 0.05 s start-up, slow first
  // iterations (3 s, 2 s), then 0.2 s: cumulative 5.85 s < 6.01 s from iteration 6 on.
  std::vector<double> baseline(10, 1.0);
  std::vector<double> candidate{3.0, 2.0};
  candidate.insert(candidate.end(), 8, 0.2);
  auto point = break_even(0.01, baseline, 0.05, candidate, 1.0, 0.2);
  ASSERT_TRUE(point.has_value());
  EXPECT_EQ(point->iterations, 6u);
  EXPECT_NEAR(point->seconds, 6.01, 1e-9);
}

TEST(BreakEven, ExtrapolatedPastTheRunAndNever) {
  // Candidate behind by 4 s after 2 iterations but 0.5 s faster per iteration afterwards.
  auto later = break_even(0.0, {1.0, 1.0}, 4.0, {1.0, 1.0}, 1.0, 0.5);
  ASSERT_TRUE(later.has_value());
  EXPECT_EQ(later->iterations, 11u);
  EXPECT_NEAR(later->seconds, 11.0, 1e-9);
  EXPECT_FALSE(break_even(0.015, {0.01, 0.01}, 0.05, {0.02, 0.02}, 0.01, 0.02).has_value());
  auto immediately = break_even(0.05, {1.0, 1.0}, 0.01, {0.5, 0.5}, 1.0, 0.5);
  ASSERT_TRUE(immediately.has_value());
  EXPECT_EQ(immediately->iterations, 0u);
}

}  // namespace
}  // namespace pypyready::bench::stats
