#include "bench/pytest_benchmark/collect.h"

#include <gtest/gtest.h>

namespace pypyready::bench::pytest_benchmark {
namespace {

// A recorded benchmark whose rounds all take `seconds` per call, slowed by `drift` (the machine).
SavedBenchmark recorded(double seconds, double drift) {
  SavedBenchmark benchmark;
  benchmark.name = "test_loop";
  benchmark.fullname = "tests/test_bench.py::test_loop";
  benchmark.rounds_s.assign(30, seconds * drift);
  return benchmark;
}

// Four executions on a machine whose speed changes from one to the next, PyPy 4x faster.
Collection four_executions(int pypy_failed_in) {
  Collection collection({"cpython-3.11", "pypy-3.9"}, {"absent", "absent"});
  const double drift[] = {1.0, 1.2, 0.9, 1.1};
  for (int execution = 0; execution < 4; ++execution) {
    collection.add_process(0, execution, recorded(0.004, drift[execution]), nullptr);
    if (execution == pypy_failed_in)
      collection.add_failure(1, "tests/test_bench.py::test_loop", "AssertionError");
    else
      collection.add_process(1, execution, recorded(0.001, drift[execution]), nullptr);
  }
  return collection;
}

TEST(PytestBenchmarkCollect, SpeedupPairedByExecution) {
  auto results = four_executions(-1).results();
  ASSERT_EQ(results.size(), 1u);
  EXPECT_TRUE(results[0].rounds_aligned);
  const auto& speedup = results[0].comparisons.at(0).speedup;
  ASSERT_TRUE(speedup.has_value());
  // The drift is common to both sides of an execution: paired, the ratio is exactly 4.
  EXPECT_NEAR(speedup->low, 4.0, 1e-6);
  EXPECT_NEAR(speedup->high, 4.0, 1e-6);
}

TEST(PytestBenchmarkCollect, NotPairedWhenATestFailedInOneExecution) {
  // PyPy failed in execution 1, CPython did not: process k is no longer from round k on both sides.
  auto results = four_executions(1).results();
  ASSERT_EQ(results.size(), 1u);
  EXPECT_FALSE(results[0].rounds_aligned);
  const auto& comparison = results[0].comparisons.at(0);
  ASSERT_TRUE(comparison.speedup && comparison.speedup_unpaired);
  EXPECT_DOUBLE_EQ(comparison.speedup->low, comparison.speedup_unpaired->low);
  EXPECT_LT(comparison.speedup->low, 3.9);  // the drift is in the interval
}

}  // namespace
}  // namespace pypyready::bench::pytest_benchmark
