// Each criterion at its boundaries, on hand-made results.

#include <gtest/gtest.h>

#include "decide/criteria.h"
#include "decide/testing.h"

namespace pypyready::decide {
namespace {

using testing::benchmark;
using testing::with_bench;

DecideConfig config_with(std::optional<double> lifetime = std::nullopt,
                         std::optional<double> budget = std::nullopt) {
  DecideConfig config;
  config.expected_lifetime_s = lifetime;
  config.memory_budget_mib = budget;
  return config;
}

// ---- 1. CPU-bound pure Python ----

TEST(CpuBound, UnknownWithoutBenchOrProfile) {
  auto c = judge_cpu_bound(testing::two_interpreters(), config_with());
  EXPECT_EQ(c.state, "unknown");
  EXPECT_NE(c.evidence.find("nothing measured"), std::string::npos);
}

TEST(CpuBound, MetWhenTheWholeIntervalReachesTheMinimum) {
  auto c = judge_cpu_bound(with_bench(benchmark("function", 1.2, 1.5, 1.8)), config_with());
  EXPECT_EQ(c.state, "met");
  EXPECT_DOUBLE_EQ(c.numbers.at("speedup"), 1.5);
  EXPECT_DOUBLE_EQ(c.numbers.at("min_speedup"), 1.2);
}

TEST(CpuBound, UnknownWhenTheIntervalStraddlesTheMinimum) {
  EXPECT_EQ(judge_cpu_bound(with_bench(benchmark("function", 1.19, 1.5, 1.8)), config_with()).state,
            "unknown");
  EXPECT_EQ(judge_cpu_bound(with_bench(benchmark("function", 1.0, 1.1, 1.2)), config_with()).state,
            "unknown");
}

TEST(CpuBound, NotMetWhenTheWholeIntervalIsBelowTheMinimum) {
  auto c = judge_cpu_bound(with_bench(benchmark("process", 0.4, 0.45, 1.19)), config_with());
  EXPECT_EQ(c.state, "not-met");
  EXPECT_NE(c.evidence.find("work 0.45x"), std::string::npos);
}

TEST(CpuBound, AnySlowerBenchmarkIsNotMet) {
  auto results = with_bench(benchmark("function", 3, 4, 5));
  results.bench->benchmarks.push_back(benchmark("function", 0.5, 0.6, 0.7));
  EXPECT_EQ(judge_cpu_bound(results, config_with()).state, "not-met");
}

TEST(CpuBound, ProfileShareDecidesWithoutBench) {
  auto results = testing::two_interpreters();
  results.profile = results::ProfileSection{};
  results.profile->shares["python"] = 0.5;
  EXPECT_EQ(judge_cpu_bound(results, config_with()).state, "met");
  results.profile->shares["python"] = 0.49;
  EXPECT_EQ(judge_cpu_bound(results, config_with()).state, "not-met");
}

TEST(CpuBound, MeasurementWinsOverProfile) {
  auto results = with_bench(benchmark("function", 0.5, 0.6, 0.7));
  results.profile = results::ProfileSection{};
  results.profile->shares["python"] = 0.9;
  auto c = judge_cpu_bound(results, config_with());
  EXPECT_EQ(c.state, "not-met");
  EXPECT_NE(c.evidence.find("90% of time in Python code"), std::string::npos);
}

TEST(CpuBound, CannotRunIsUnknownWithTheReason) {
  results::Benchmark b = benchmark("function", 1, 1, 1);
  b.speedup.reset();
  b.per_interpreter["pypy-3.9"].status = "cannot-run";
  b.per_interpreter["pypy-3.9"].reason = "No module named 'numpy'";
  auto c = judge_cpu_bound(with_bench(b), config_with());
  EXPECT_EQ(c.state, "unknown");
  EXPECT_NE(c.evidence.find("No module named 'numpy'"), std::string::npos);
}

// ---- 2. Dependencies compatible ----

TEST(Dependencies, UnknownWhenNotChecked) {
  EXPECT_EQ(judge_dependencies(testing::two_interpreters(), config_with()).state, "unknown");
}

TEST(Dependencies, MetWithSlowerAndUnknownListed) {
  auto results = testing::two_interpreters();
  results.deps = results::DepsSection{};
  results.deps->dependencies = {testing::dependency("pyyaml", "cython", "slower"),
                                testing::dependency("attrs", "pure", "works"),
                                testing::dependency("oddlib", "unknown", "unknown")};
  auto c = judge_dependencies(results, config_with());
  EXPECT_EQ(c.state, "met");
  EXPECT_NE(c.evidence.find("pyyaml slower on PyPy"), std::string::npos);
  EXPECT_NE(c.evidence.find("oddlib unknown"), std::string::npos);
  EXPECT_DOUBLE_EQ(c.numbers.at("slower"), 1);
}

TEST(Dependencies, ReplaceOrBlockedIsNotMet) {
  auto results = testing::two_interpreters();
  results.deps = results::DepsSection{};
  results.deps->dependencies = {testing::dependency("psycopg2", "c-api", "replace", "psycopg2cffi")};
  auto c = judge_dependencies(results, config_with());
  EXPECT_EQ(c.state, "not-met");
  EXPECT_NE(c.evidence.find("psycopg2 -> psycopg2cffi"), std::string::npos);
  results.deps->dependencies = {testing::dependency("fastlib", "pyo3", "blocked")};
  EXPECT_EQ(judge_dependencies(results, config_with()).state, "not-met");
}

TEST(Dependencies, NoDependenciesIsMet) {
  auto results = testing::two_interpreters();
  results.deps = results::DepsSection{};
  auto c = judge_dependencies(results, config_with());
  EXPECT_EQ(c.state, "met");
  EXPECT_EQ(c.evidence, "no third-party dependencies");
}

// ---- 3. Runs long enough ----

TEST(RunsLongEnough, UnknownWithoutBench) {
  EXPECT_EQ(judge_runs_long_enough(testing::two_interpreters(), config_with(60)).state, "unknown");
}

TEST(RunsLongEnough, FunctionBreakEvenAtTheLifetimeIsMet) {
  auto c = judge_runs_long_enough(with_bench(benchmark("function", 2, 3, 4, 0.9)), config_with(0.9));
  EXPECT_EQ(c.state, "met");
  EXPECT_DOUBLE_EQ(c.numbers.at("break_even_s"), 0.9);
  EXPECT_DOUBLE_EQ(c.numbers.at("lifetime_s"), 0.9);
}

TEST(RunsLongEnough, FunctionBreakEvenPastTheLifetimeIsNotMet) {
  EXPECT_EQ(judge_runs_long_enough(with_bench(benchmark("function", 2, 3, 4, 0.91)), config_with(0.9)).state,
            "not-met");
}

TEST(RunsLongEnough, FunctionBreakEvenWithoutLifetimeIsUnknown) {
  auto c = judge_runs_long_enough(with_bench(benchmark("function", 2, 3, 4, 0.9)), config_with());
  EXPECT_EQ(c.state, "unknown");
  EXPECT_NE(c.evidence.find("expected lifetime not set"), std::string::npos);
}

TEST(RunsLongEnough, ServiceBreakEvenIsJudgedAgainstTheTimeBetweenRestarts) {
  auto service = with_bench(benchmark("service", 2, 3, 4, 12));
  EXPECT_EQ(judge_runs_long_enough(service, config_with(3600)).state, "met");
  EXPECT_EQ(judge_runs_long_enough(service, config_with(10)).state, "not-met");
  EXPECT_DOUBLE_EQ(judge_runs_long_enough(service, config_with(10)).numbers.at("break_even_s"), 12);
}

TEST(RunsLongEnough, NoBreakEvenWhenPyPyStaysSlower) {
  EXPECT_EQ(
      judge_runs_long_enough(with_bench(benchmark("function", 0.5, 0.6, 0.99)), config_with(3600)).state,
      "not-met");
}

TEST(RunsLongEnough, WholeRunPyPyAheadIsMetAtTheMeasuredLength) {
  auto c = judge_runs_long_enough(with_bench(benchmark("process", 1.01, 1.5, 2)), config_with());
  EXPECT_EQ(c.state, "met");
  EXPECT_DOUBLE_EQ(c.numbers.at("run_length_s"), 0.05);
}

TEST(RunsLongEnough, WholeRunPyPyBehindWithinTheLifetimeIsNotMet) {
  auto results = with_bench(benchmark("process", 0.4, 0.5, 0.99, -1, 50, 80, 0.2));
  EXPECT_EQ(judge_runs_long_enough(results, config_with()).state, "not-met");
  EXPECT_EQ(judge_runs_long_enough(results, config_with(0.2)).state, "not-met");
  // A lifetime longer than the measured run: the break-even may lie in between.
  EXPECT_EQ(judge_runs_long_enough(results, config_with(0.21)).state, "unknown");
}

TEST(RunsLongEnough, WholeRunAboutEqualIsUnknown) {
  EXPECT_EQ(judge_runs_long_enough(with_bench(benchmark("process", 0.9, 1.0, 1.1)), config_with()).state,
            "unknown");
}

// ---- 4. Memory acceptable ----

TEST(Memory, UnknownWithoutMeasurement) {
  EXPECT_EQ(judge_memory(testing::two_interpreters(), config_with(std::nullopt, 512)).state, "unknown");
}

TEST(Memory, PeakAtTheBudgetIsMet) {
  auto c =
      judge_memory(with_bench(benchmark("function", 2, 3, 4, -1, 52, 512)), config_with(std::nullopt, 512));
  EXPECT_EQ(c.state, "met");
  EXPECT_NEAR(c.numbers.at("memory_ratio"), 512.0 / 52, 1e-9);
}

TEST(Memory, PeakAboveTheBudgetIsNotMet) {
  auto c =
      judge_memory(with_bench(benchmark("function", 2, 3, 4, -1, 52, 513)), config_with(std::nullopt, 512));
  EXPECT_EQ(c.state, "not-met");
  EXPECT_NE(c.evidence.find("513 MiB > budget 512 MiB"), std::string::npos);
}

TEST(Memory, NoBudgetIsUnknownWithThePeak) {
  auto c = judge_memory(with_bench(benchmark("function", 2, 3, 4, -1, 52, 161)), config_with());
  EXPECT_EQ(c.state, "unknown");
  EXPECT_NEAR(c.numbers.at("peak_candidate_mib"), 161, 1e-9);
}

TEST(Memory, CandidateThatCannotRunIsUnknown) {
  auto b = benchmark("function", 2, 3, 4);
  b.per_interpreter["pypy-3.9"].status = "cannot-run";
  EXPECT_EQ(judge_memory(with_bench(b), config_with(std::nullopt, 512)).state, "unknown");
}

// ---- 5. Language level ----

results::Results scanned(std::optional<results::LanguageLevel> level,
                         std::vector<results::Finding> findings = {}) {
  auto results = testing::two_interpreters();
  results.scan = results::ScanSection{};
  results.scan->language_level = level;
  results.scan->findings = std::move(findings);
  return results;
}

TEST(LanguageLevel, UnknownWithoutScanOrLevel) {
  EXPECT_EQ(judge_language_level(testing::two_interpreters(), config_with()).state, "unknown");
  EXPECT_EQ(judge_language_level(scanned(std::nullopt), config_with()).state, "unknown");
}

TEST(LanguageLevel, SameLevelIsMet) {
  auto c = judge_language_level(scanned(results::LanguageLevel{"3.9", "3.9"}), config_with());
  EXPECT_EQ(c.state, "met");
  EXPECT_EQ(c.evidence, "needs 3.9, target PyPy speaks 3.9");
}

TEST(LanguageLevel, ComparesVersionsAsNumbers) {
  EXPECT_EQ(judge_language_level(scanned(results::LanguageLevel{"3.10", "3.9"}), config_with()).state,
            "not-met");
  EXPECT_EQ(judge_language_level(scanned(results::LanguageLevel{"3.9", "3.10"}), config_with()).state, "met");
}

TEST(LanguageLevel, NothingNewerThanTheTargetIsMet) {
  auto c = judge_language_level(scanned(results::LanguageLevel{"", "3.9"}), config_with());
  EXPECT_EQ(c.state, "met");
  EXPECT_EQ(c.evidence, "nothing newer than Python 3.9 found");
}

TEST(LanguageLevel, NewerSyntaxFindingsAreNotMet) {
  auto c = judge_language_level(scanned(std::nullopt, {testing::finding("PPY040", "error", false)}),
                                config_with());
  EXPECT_EQ(c.state, "not-met");
  EXPECT_NE(c.evidence.find("src/a.py:3 PPY040"), std::string::npos);
}

// ---- 6. Native share ----

TEST(NativeShare, ProfileShareAtTheThresholdDominates) {
  auto results = testing::two_interpreters();
  results.profile = results::ProfileSection{};
  results.profile->shares["native_extensions"] = 0.5;
  EXPECT_EQ(judge_native_share(results, config_with()).state, "not-met");
  results.profile->shares["native_extensions"] = 0.49;
  EXPECT_EQ(judge_native_share(results, config_with()).state, "met");
}

TEST(NativeShare, WithoutProfileCapiDependenciesLeaveItUnknown) {
  auto results = testing::two_interpreters();
  EXPECT_EQ(judge_native_share(results, config_with()).state, "unknown");
  results.deps = results::DepsSection{};
  results.deps->dependencies = {testing::dependency("attrs", "pure", "works")};
  EXPECT_EQ(judge_native_share(results, config_with()).state, "met");
  results.deps->dependencies.push_back(testing::dependency("pyyaml", "cython", "slower"));
  auto c = judge_native_share(results, config_with());
  EXPECT_EQ(c.state, "unknown");
  EXPECT_NE(c.evidence.find("pyyaml (cython)"), std::string::npos);
  EXPECT_DOUBLE_EQ(c.numbers.at("capi_dependencies"), 1);
}

// ---- 7. Tests pass ----

results::Results tested(std::vector<results::TestCase> tests) {
  auto results = testing::two_interpreters();
  results.test = results::TestSection{};
  results.test->tests = std::move(tests);
  return results;
}

TEST(TestsPass, UnknownWithoutTestRun) {
  EXPECT_EQ(judge_tests_pass(testing::two_interpreters(), config_with()).state, "unknown");
}

TEST(TestsPass, NoPyPyOnlyFailureIsMet) {
  auto c = judge_tests_pass(tested({testing::test_case("t::a", "pass-both"),
                                    testing::test_case("t::b", "pypy-only-failure", {}, true)}),
                            config_with());
  EXPECT_EQ(c.state, "met");
  EXPECT_DOUBLE_EQ(c.numbers.at("flaky"), 1);
}

TEST(TestsPass, ExplainedFailuresAreMetUnexplainedAreNot) {
  EXPECT_EQ(
      judge_tests_pass(tested({testing::test_case("t::a", "pypy-only-failure", {"PPY002"})}), config_with())
          .state,
      "met");
  auto c = judge_tests_pass(tested({testing::test_case("t::a", "pypy-only-failure", {"PPY002"}),
                                    testing::test_case("t::b", "pypy-only-failure")}),
                            config_with());
  EXPECT_EQ(c.state, "not-met");
  EXPECT_DOUBLE_EQ(c.numbers.at("unexplained"), 1);
  EXPECT_NE(c.evidence.find("t::b"), std::string::npos);
}

}  // namespace
}  // namespace pypyready::decide
