#include "bench/pytest_benchmark/suite.h"

#include <gtest/gtest.h>

#include <cmath>

#include "bench/pytest_benchmark/import.h"

namespace pypyready::bench::pytest_benchmark {
namespace {

// A benchmark whose baseline processes have steady means `base` and candidate ones `cand`.
BenchmarkResult benchmark(const std::string& name, const std::vector<double>& base,
                          const std::vector<double>& cand) {
  BenchmarkResult result;
  result.name = name;
  result.mode = "pytest-benchmark";
  for (const auto* means : {&base, &cand}) {
    InterpreterResult side;
    side.id = means == &base ? "cpython-3.11" : "pypy-3.9";
    for (double mean : *means) {
      ProcessRecord process;
      process.iterations_s = {mean, mean, mean};
      process.analysis.steady_mean_s = mean;
      side.processes.push_back(process);
    }
    result.per_interpreter.push_back(side);
  }
  Comparison comparison;
  comparison.speedup = stats::welch_speedup(base, cand);
  result.comparisons.push_back(comparison);
  return result;
}

TEST(PytestBenchmarkSuite, ByExecutionIsTheGeometricMeanOfTheSpeedups) {
  std::vector<BenchmarkResult> results{benchmark("a", {4.0, 4.2, 3.9}, {1.0, 1.1, 0.95}),
                                       benchmark("b", {1.0, 1.05, 0.98}, {2.0, 2.1, 1.9})};
  std::vector<std::vector<std::vector<int>>> executions{{{0, 1, 2}, {0, 1, 2}}, {{0, 1, 2}, {0, 1, 2}}};
  SuiteSummary summary = summarise_by_execution(results, executions);
  ASSERT_TRUE(summary.speedup);
  EXPECT_EQ(summary.method, "executions");
  double expected =
      std::sqrt(results[0].comparisons[0].speedup->estimate * results[1].comparisons[0].speedup->estimate);
  EXPECT_NEAR(summary.speedup->estimate, expected, 1e-9);
  EXPECT_LT(summary.speedup->low, summary.speedup->estimate);
  EXPECT_GT(summary.speedup->high, summary.speedup->estimate);
  EXPECT_EQ(summary.included.size(), 2u);
}

TEST(PytestBenchmarkSuite, ExecutionsArePairedByRound) {
  // The machine ran 30 % slower during execution 1, for both interpreters: pairing by execution
  // leaves that out (the speedup is exactly 2 in every execution), Welch would not.
  std::vector<BenchmarkResult> results{benchmark("a", {2.0, 2.6, 2.0}, {1.0, 1.3, 1.0}),
                                       benchmark("b", {4.0, 5.2, 4.0}, {2.0, 2.6, 2.0})};
  std::vector<std::vector<std::vector<int>>> executions{{{0, 1, 2}, {0, 1, 2}}, {{0, 1, 2}, {0, 1, 2}}};
  SuiteSummary summary = summarise_by_execution(results, executions);
  ASSERT_TRUE(summary.speedup);
  EXPECT_NEAR(summary.speedup->low, 2.0, 1e-9);
  EXPECT_NEAR(summary.speedup->high, 2.0, 1e-9);
  // A process that reached no steady state is not counted: its execution leaves the suite figure.
  results[1].per_interpreter[1].processes[2].counted = false;
  results[1].per_interpreter[1].processes[2].analysis.steady_mean_s = 8.0;
  summary = summarise_by_execution(results, executions);
  ASSERT_TRUE(summary.speedup);
  EXPECT_NEAR(summary.speedup->estimate, 2.0, 1e-9);
  EXPECT_EQ(summary.speedup->processes, 2);
  // Unless that leaves fewer than two executions: then every process counts.
  results[0].per_interpreter[0].processes[1].counted = false;
  summary = summarise_by_execution(results, executions);
  ASSERT_TRUE(summary.speedup);
  EXPECT_EQ(summary.method, "executions");
  EXPECT_EQ(summary.speedup->processes, 3);
  EXPECT_LT(summary.speedup->estimate, 2.0);
}

TEST(PytestBenchmarkSuite, CannotRunBenchmarksAreLeftOutAndNamed) {
  std::vector<BenchmarkResult> results{benchmark("a", {4.0, 4.2, 3.9}, {1.0, 1.1, 0.95}),
                                       benchmark("broken", {1.0, 1.1}, {})};
  results[1].comparisons[0].speedup.reset();
  std::vector<std::vector<std::vector<int>>> executions{{{0, 1, 2}, {0, 1, 2}}, {{0, 1}, {}}};
  SuiteSummary summary = summarise_by_execution(results, executions);
  ASSERT_TRUE(summary.speedup);
  EXPECT_NEAR(summary.speedup->estimate, results[0].comparisons[0].speedup->estimate, 1e-9);
  EXPECT_EQ(summary.excluded, std::vector<std::string>{"broken"});
}

TEST(PytestBenchmarkSuite, OneProcessEachCombinesIntervals) {
  std::vector<BenchmarkResult> results{benchmark("a", {4.0}, {1.0}), benchmark("b", {1.0}, {2.0})};
  results[0].comparisons[0].speedup = stats::Ratio{4.0, 3.6, 4.4, 1};
  results[1].comparisons[0].speedup = stats::Ratio{0.5, 0.45, 0.55, 1};
  std::vector<std::vector<std::vector<int>>> executions{{{0}, {0}}, {{0}, {0}}};
  SuiteSummary summary = summarise_by_execution(results, executions);
  ASSERT_TRUE(summary.speedup);
  EXPECT_EQ(summary.method, "combined-intervals");
  EXPECT_NEAR(summary.speedup->estimate, std::sqrt(2.0), 1e-9);
  EXPECT_EQ(summary.speedup->processes, 1);
  // Narrower than either input on the log scale: two independent estimates averaged.
  EXPECT_LT(std::log(summary.speedup->high / summary.speedup->low), std::log(4.4 / 3.6));
}

TEST(PytestBenchmarkImport, WithinProcessSpeedup) {
  auto ratio = within_process_speedup({2e-6, 2e-7, 100}, {1e-6, 1e-7, 100});
  ASSERT_TRUE(ratio);
  EXPECT_DOUBLE_EQ(ratio->estimate, 2.0);
  EXPECT_LT(ratio->low, 2.0);
  EXPECT_GT(ratio->high, 2.0);
  EXPECT_EQ(ratio->processes, 1);
  EXPECT_FALSE(within_process_speedup({2e-6, 2e-7, 1}, {1e-6, 1e-7, 100}));
  // Two processes differing by 20 % each: about 1.74x either way can be chance.
  EXPECT_NEAR(chance_factor(0.20), 1.74, 0.01);
}

}  // namespace
}  // namespace pypyready::bench::pytest_benchmark
