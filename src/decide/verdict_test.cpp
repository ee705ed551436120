// The verdict, blockers and next steps over whole hand-made results.

#include <gtest/gtest.h>

#include <stdexcept>

#include "decide/decide.h"
#include "decide/testing.h"

namespace pypyready::decide {
namespace {

// Everything measured and fine: a fast function benchmark, no dependencies, clean scan and tests.
results::Results all_good() {
  auto results = testing::with_bench(testing::benchmark("function", 3, 4, 5, 0.5, 50, 150));
  results.deps = results::DepsSection{};
  results.scan = results::ScanSection{};
  results.scan->language_level = results::LanguageLevel{"3.8", "3.9"};
  results.test = results::TestSection{};
  results.test->tests = {testing::test_case("t::a", "pass-both")};
  return results;
}

DecideConfig configured() {
  DecideConfig config;
  config.expected_lifetime_s = 3600;
  config.memory_budget_mib = 512;
  return config;
}

const results::Criterion& criterion(const results::Decision& d, const std::string& id) {
  for (const auto& c : d.criteria)
    if (c.id == id) return c;
  throw std::runtime_error("no criterion " + id);
}

TEST(Verdict, AllMetIsMigrate) {
  auto d = decide(all_good(), configured());
  EXPECT_EQ(d.verdict, "migrate");
  ASSERT_EQ(d.criteria.size(), 7u);
  for (const auto& c : d.criteria)
    EXPECT_EQ(c.state, "met") << c.id << ": " << c.evidence;
  EXPECT_TRUE(d.blockers.empty());
}

TEST(Verdict, ErrorFindingsMakeItMigrateAfterFixes) {
  auto results = all_good();
  results.scan->findings = {testing::finding("PPY001", "error", true),
                            testing::finding("PPY010", "warning", false)};
  auto d = decide(results, configured());
  EXPECT_EQ(d.verdict, "migrate-after-fixes");
  ASSERT_EQ(d.blockers.size(), 1u);
  EXPECT_EQ(d.blockers[0].kind, "finding");
  ASSERT_FALSE(d.next_steps.empty());
  EXPECT_EQ(d.next_steps[0].action, "pypyready scan --fix");
  EXPECT_NE(d.next_steps[0].detail.find("1 finding(s)"), std::string::npos);
}

TEST(Verdict, ReplaceableDependencyIsAFixNotAStay) {
  auto results = all_good();
  results.deps->dependencies = {testing::dependency("psycopg2", "c-api", "replace", "psycopg2cffi")};
  auto d = decide(results, configured());
  EXPECT_EQ(d.verdict, "migrate-after-fixes");
  EXPECT_EQ(d.next_steps[0].action, "replace psycopg2 with psycopg2cffi");
}

TEST(Verdict, BlockedDependencyWithoutAlternativeIsStay) {
  auto results = all_good();
  results.deps->dependencies = {testing::dependency("fastlib", "pyo3", "blocked")};
  auto d = decide(results, configured());
  EXPECT_EQ(d.verdict, "stay");
  EXPECT_NE(d.reason.find("dependencies compatible"), std::string::npos);
}

TEST(Verdict, SlowerOnPyPyIsStayNamingTheCriteria) {
  auto results = all_good();
  results.bench->benchmarks = {testing::benchmark("process", 0.4, 0.5, 0.6, -1, 20, 60, 0.08)};
  DecideConfig config = configured();
  config.expected_lifetime_s = 0.08;
  auto d = decide(results, config);
  EXPECT_EQ(d.verdict, "stay");
  EXPECT_EQ(criterion(d, "cpu-bound").state, "not-met");
  EXPECT_EQ(criterion(d, "runs-long-enough").state, "not-met");
  EXPECT_NE(d.reason.find("CPU-bound pure Python"), std::string::npos);
  EXPECT_NE(d.reason.find("runs long enough"), std::string::npos);
  EXPECT_EQ(d.next_steps.at(0).action, "stay on CPython");
}

TEST(Verdict, OverBudgetMemoryIsStay) {
  DecideConfig config = configured();
  config.memory_budget_mib = 100;
  EXPECT_EQ(decide(all_good(), config).verdict, "stay");
}

TEST(Verdict, NoMeasurementIsInconclusiveWithWhatToMeasure) {
  auto results = all_good();
  results.bench.reset();
  auto d = decide(results, configured());
  EXPECT_EQ(d.verdict, "inconclusive");
  EXPECT_NE(d.reason.find("CPU-bound pure Python"), std::string::npos);
  bool asks_for_bench = false;
  for (const auto& step : d.next_steps)
    asks_for_bench |= step.action == "measure an entry point";
  EXPECT_TRUE(asks_for_bench);
}

TEST(Verdict, StayWinsOverInconclusive) {
  auto results = all_good();
  results.bench->benchmarks[0].break_even.reset();
  results.bench->benchmarks[0].speedup = results::Speedup{0.6, 0.5, 0.7, 3};
  DecideConfig config = configured();
  config.expected_lifetime_s.reset();
  EXPECT_EQ(decide(results, config).verdict, "stay");
}

TEST(Verdict, UnknownLifetimeIsInconclusiveAndAsksForIt) {
  DecideConfig config = configured();
  config.expected_lifetime_s.reset();
  auto d = decide(all_good(), config);
  EXPECT_EQ(d.verdict, "inconclusive");
  bool asks = false;
  for (const auto& step : d.next_steps)
    asks |= step.action.find("expected-lifetime-s") != std::string::npos;
  EXPECT_TRUE(asks);
}

TEST(NextSteps, UnsafeFixesAreHandFixes) {
  auto results = all_good();
  results.scan->findings = {testing::finding("PPY006", "error", true, "src/a.py", "cleanup-relies-on-del")};
  results.scan->findings[0].fix->applicability = "unsafe";
  auto d = decide(results, configured());
  ASSERT_FALSE(d.next_steps.empty());
  EXPECT_EQ(d.next_steps[0].action, "fix PPY006 cleanup-relies-on-del in src/a.py");
}

TEST(NextSteps, FixesComeBeforeMeasurementsAndHandFixesNameFiles) {
  auto results = all_good();
  results.test.reset();
  results.scan->findings = {
      testing::finding("PPY001", "error", true),
      testing::finding("PPY002", "error", false, "src/io.py", "read-on-unclosed-temporary-file"),
      testing::finding("PPY002", "error", false, "src/cli.py", "read-on-unclosed-temporary-file")};
  auto d = decide(results, configured());
  ASSERT_GE(d.next_steps.size(), 3u);
  EXPECT_EQ(d.next_steps[0].action, "pypyready scan --fix");
  EXPECT_EQ(d.next_steps[1].action, "close files with `with` in src/cli.py, src/io.py");
  EXPECT_EQ(d.next_steps[2].action, "pypyready test");
}

}  // namespace
}  // namespace pypyready::decide
