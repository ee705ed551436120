#include "bench/stats/pooled.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

namespace pypyready::bench::stats {
namespace {

// One run's answer: its own true log speedup, measured with standard error `se` (a 95 % interval
// of +-1.96 se around the estimate).
Ratio run_answer(std::mt19937_64& rng, double true_log, double se) {
  std::normal_distribution<double> noise(0, se);
  double estimate = true_log + noise(rng);
  return Ratio{std::exp(estimate), std::exp(estimate - 1.959964 * se), std::exp(estimate + 1.959964 * se),
               10};
}

TEST(PoolRuns, CoversTheSpeedupAcrossRunsThatEachMissIt) {
  // Five runs a minute apart: the speedup itself moves between them (sd 5 %), each run measures
  // its own minute to +-2 %. Each run's interval holds the overall 2.0x about a third of the
  // time; the pooled one about 95 %.
  std::mt19937_64 rng(41);
  std::normal_distribution<double> between(0, 0.05);
  const int experiments = 2000;
  int pooled_covered = 0, single_covered = 0, singles = 0;
  for (int e = 0; e < experiments; ++e) {
    std::vector<Ratio> runs;
    for (int r = 0; r < 5; ++r) {
      runs.push_back(run_answer(rng, std::log(2.0) + between(rng), 0.01));
      single_covered += runs.back().low <= 2.0 && 2.0 <= runs.back().high;
      ++singles;
    }
    auto pooled = pool_runs(runs);
    ASSERT_TRUE(pooled.has_value());
    pooled_covered += pooled->ratio.low <= 2.0 && 2.0 <= pooled->ratio.high;
    EXPECT_EQ(pooled->runs, 5);
  }
  EXPECT_LT(static_cast<double>(single_covered) / singles, 0.5);
  EXPECT_GT(static_cast<double>(pooled_covered) / experiments, 0.93);
}

TEST(PoolRuns, ThePredictionHoldsAFurtherRun) {
  // Six runs, then a seventh at another time: its estimate lands inside the predicted range about
  // 95 % of the time, while the pooled interval (for the speedup over time) holds it far less.
  std::mt19937_64 rng(47);
  std::normal_distribution<double> between(0, 0.04);
  const int experiments = 2000;
  int predicted = 0, in_interval = 0;
  for (int e = 0; e < experiments; ++e) {
    std::vector<Ratio> runs;
    runs.reserve(6);
    for (int r = 0; r < 6; ++r)
      runs.push_back(run_answer(rng, std::log(1.5) + between(rng), 0.015));
    Ratio further = run_answer(rng, std::log(1.5) + between(rng), 0.015);
    auto pooled = pool_runs(runs);
    ASSERT_TRUE(pooled && pooled->next_run);
    predicted += pooled->next_run->first <= further.estimate && further.estimate <= pooled->next_run->second;
    in_interval += pooled->ratio.low <= further.estimate && further.estimate <= pooled->ratio.high;
  }
  EXPECT_GT(static_cast<double>(predicted) / experiments, 0.93);
  EXPECT_LT(static_cast<double>(in_interval) / experiments, 0.75);
  EXPECT_FALSE(pool_runs({{2.0, 1.9, 2.1, 5}, {2.1, 2.0, 2.2, 5}})->next_run.has_value());
}

TEST(PoolRuns, RunsThatAgreeNarrowTheInterval) {
  // No spread between runs: the pooled interval is narrower than a single run's, and the
  // between-run spread comes out near zero.
  std::mt19937_64 rng(43);
  int covered = 0, narrower = 0;
  double spread = 0;
  const int experiments = 1000;
  for (int e = 0; e < experiments; ++e) {
    std::vector<Ratio> runs;
    runs.reserve(8);
    for (int r = 0; r < 8; ++r)
      runs.push_back(run_answer(rng, std::log(0.5), 0.03));
    auto pooled = pool_runs(runs);
    ASSERT_TRUE(pooled.has_value());
    covered += pooled->ratio.low <= 0.5 && 0.5 <= pooled->ratio.high;
    narrower += std::log(pooled->ratio.high / pooled->ratio.low) < 2 * 1.959964 * 0.03;
    spread += pooled->between_runs_sd;
  }
  EXPECT_GT(static_cast<double>(covered) / experiments, 0.93);
  EXPECT_GT(static_cast<double>(narrower) / experiments, 0.95);
  EXPECT_LT(spread / experiments, 0.015);
}

TEST(PoolRuns, SpreadAndHeterogeneityFollowTheRuns) {
  // Three runs far apart with narrow intervals: nearly all of the scatter is between runs.
  auto pooled = pool_runs({{1.00, 0.99, 1.01, 10}, {1.10, 1.09, 1.11, 10}, {1.20, 1.19, 1.21, 10}});
  ASSERT_TRUE(pooled.has_value());
  EXPECT_NEAR(pooled->ratio.estimate, std::cbrt(1.00 * 1.10 * 1.20), 0.01);
  EXPECT_GT(pooled->heterogeneity, 0.95);
  EXPECT_NEAR(pooled->between_runs_sd, 0.09, 0.02);
  EXPECT_LT(pooled->ratio.low, 1.00);
  EXPECT_GT(pooled->ratio.high, 1.20);
}

TEST(PoolRuns, NeedsTwoRunsWithIntervals) {
  EXPECT_FALSE(pool_runs({}).has_value());
  EXPECT_FALSE(pool_runs({{2.0, 1.9, 2.1, 5}}).has_value());
  EXPECT_FALSE(pool_runs({{2.0, 1.9, 2.1, 5}, {2.0, 0, 0, 0}}).has_value());
  // A run whose interval has no width does not take all the weight.
  auto pooled = pool_runs({{2.0, 2.0, 2.0, 3}, {2.2, 2.1, 2.3, 5}, {2.1, 2.0, 2.2, 5}});
  ASSERT_TRUE(pooled.has_value());
  EXPECT_GT(pooled->ratio.high, 2.05);
}

TEST(PoolRuns, StandardErrorFromAnInterval) {
  EXPECT_NEAR(log_standard_error({1.0, std::exp(-0.196), std::exp(0.196), 10}), 0.1, 1e-4);
  EXPECT_EQ(log_standard_error({1.0, 0, 2.0, 10}), 0);
}

}  // namespace
}  // namespace pypyready::bench::stats
