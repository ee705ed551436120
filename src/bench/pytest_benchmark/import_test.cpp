#include "bench/pytest_benchmark/import.h"

#include <gtest/gtest.h>

#include <cmath>

#include "bench/pytest_benchmark/rounds.h"

namespace pypyready::bench::pytest_benchmark {
namespace {

// Rounds that start slow (a JIT compiling) and settle at `steady` seconds per call.
SavedBenchmark with_warmup(const std::string& fullname, double steady, double first, std::int64_t warmup) {
  SavedBenchmark benchmark;
  benchmark.fullname = benchmark.name = fullname;
  benchmark.calls_per_round = 10;
  benchmark.warmup_calls = warmup;
  benchmark.max_time_s = 1.0;
  for (int i = 0; i < 60; ++i)
    benchmark.rounds_s.push_back(i < 8 ? first : steady * (1 + 0.01 * (i % 3)));
  benchmark.summary.mean_s = steady;
  benchmark.summary.rounds = 60;
  return benchmark;
}

SavedRun run(const std::string& implementation, const std::string& version, const std::string& source) {
  SavedRun saved;
  saved.implementation = implementation;
  saved.python_version = version;
  saved.source = source;
  return saved;
}

TEST(PytestBenchmarkImport, CPythonIsTheBaselineInEitherOrder) {
  SavedRun pypy = run("pypy", "3.9.16", "0002_pypy.json");
  pypy.benchmarks = {with_warmup("t.py::test_loop", 1e-6, 2e-5, 0),
                     with_warmup("t.py::test_only_pypy", 1e-6, 1e-6, 0)};
  SavedRun cpython = run("cpython", "3.11.2", "0001_cpython.json");
  cpython.benchmarks = {with_warmup("t.py::test_loop", 2e-5, 2e-5, 0)};
  SuiteResult suite = compare_saved_runs(pypy, cpython);
  ASSERT_EQ(suite.interpreters.size(), 2u);
  EXPECT_EQ(suite.interpreters[0].id, "cpython-3.11");
  EXPECT_EQ(suite.interpreters[1].id, "pypy-3.9");
  ASSERT_EQ(suite.benchmarks.size(), 2u);
  const BenchmarkResult& loop = suite.benchmarks[0];
  ASSERT_TRUE(loop.comparisons[0].speedup);
  EXPECT_NEAR(loop.comparisons[0].speedup->estimate, 20, 1);
  EXPECT_EQ(loop.comparisons[0].speedup->processes, 1);
  // PyPy's slow first rounds are its warmup, seen by the shared analysis.
  EXPECT_EQ(loop.per_interpreter[1].classification, "warmup");
  EXPECT_NEAR(loop.per_interpreter[1].first_iteration_s, 2e-5, 1e-12);
  // Seconds to steady count every call of the rounds before it: 8 rounds x 10 calls x 20 us.
  EXPECT_NEAR(loop.per_interpreter[1].seconds_to_steady, 8 * 10 * 2e-5, 1e-9);
  const BenchmarkResult& only = suite.benchmarks[1];
  EXPECT_FALSE(only.per_interpreter[0].ok);
  EXPECT_EQ(only.per_interpreter[0].reason, "not in 0001_cpython.json");
  EXPECT_EQ(suite.summary.excluded, std::vector<std::string>{"t.py::test_only_pypy"});
  ASSERT_FALSE(suite.warnings.empty());
  EXPECT_NE(suite.warnings[0].find("one pytest process per interpreter"), std::string::npos);
}

TEST(PytestBenchmarkImport, SaysWhenItsWarmupDiscardedRounds) {
  SavedRun pypy = run("pypy", "3.9.16", "pypy.json");
  pypy.benchmarks = {with_warmup("t.py::test_loop", 1e-6, 1e-6, 100000)};
  SavedRun cpython = run("cpython", "3.11.2", "cpython.json");
  cpython.benchmarks = {with_warmup("t.py::test_loop", 2e-5, 2e-5, 0)};
  SuiteResult suite = compare_saved_runs(cpython, pypy);
  const auto& warnings = suite.benchmarks[0].warnings;
  ASSERT_EQ(warnings.size(), 1u);
  // min(60 rounds, 100000 / 10 calls per round) rounds ran unrecorded.
  EXPECT_NE(
      warnings[0].find("pypy-3.9: pytest-benchmark's warmup was on, so it discarded 60 rounds (600 calls)"),
      std::string::npos)
      << warnings[0];
}

TEST(PytestBenchmarkImport, SummaryOnlyIsUnclassified) {
  SavedBenchmark summary_only;
  summary_only.fullname = "t.py::test_x";
  summary_only.summary = {1e-6, 3e-6, 2e-6, 2e-7, 2e-6, 50};
  SavedRun pypy = run("pypy", "3.9.16", "pypy.json");
  pypy.benchmarks = {summary_only};
  SavedRun cpython = run("cpython", "3.11.2", "cpython.json");
  summary_only.summary.mean_s = 4e-6;
  cpython.benchmarks = {summary_only};
  SuiteResult suite = compare_saved_runs(cpython, pypy);
  const BenchmarkResult& result = suite.benchmarks[0];
  EXPECT_EQ(result.per_interpreter[1].classification, "unknown");
  ASSERT_TRUE(result.comparisons[0].speedup);
  EXPECT_NEAR(result.comparisons[0].speedup->estimate, 2.0, 1e-9);
  // One "summary statistics only" note per interpreter.
  EXPECT_EQ(result.warnings.size(), 2u);
}

TEST(PytestBenchmarkRounds, ManyRoundsAreGrouped) {
  SavedBenchmark benchmark;
  benchmark.calls_per_round = 3;
  benchmark.rounds_s.assign(kMaxValues * 2 + 1, 1e-6);
  ProcessRecord record = to_process(benchmark);
  // Groups of ceil(20001 / 10000) = 3 rounds.
  EXPECT_EQ(record.iterations_s.size(), (kMaxValues * 2 + 1 + 2) / 3);
  EXPECT_DOUBLE_EQ(record.calls_per_iteration, 9);  // groups of 3 rounds x 3 calls
  RoundsInfo info = rounds_info(benchmark);
  EXPECT_EQ(info.rounds_per_value, 3);
  EXPECT_EQ(rounds_notes("pypy-3.9", info, 1.0).size(), 1u);
}

}  // namespace
}  // namespace pypyready::bench::pytest_benchmark
