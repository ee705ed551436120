#include <gtest/gtest.h>

#include "testdiff/run_suites.h"

namespace pypyready::testdiff {
namespace {

SuiteRun run_of(std::string id, std::vector<std::pair<std::string, Outcome>> outcomes, double seconds) {
  SuiteRun run;
  run.interpreter_id = std::move(id);
  run.ran = true;
  for (auto& [test, outcome] : outcomes)
    run.tests.push_back(TestCase{test, outcome, seconds, "", ""});
  return run;
}

TEST(CompareRuns, GroupsRatiosAndOrder) {
  SuiteRun cpython = run_of("cpython-3.11",
                            {{"t::same", Outcome::kPassed},
                             {"t::blocker", Outcome::kPassed},
                             {"t::old", Outcome::kFailed},
                             {"t::fixed", Outcome::kError},
                             {"t::skip", Outcome::kSkipped}},
                            0.5);
  SuiteRun pypy = run_of("pypy-3.9",
                         {{"t::same", Outcome::kPassed},
                          {"t::blocker", Outcome::kFailed},
                          {"t::old", Outcome::kFailed},
                          {"t::fixed", Outcome::kPassed},
                          {"t::skip", Outcome::kSkipped},
                          {"t::collect", Outcome::kError}},
                         1.0);
  std::vector<TestRow> rows = compare_runs(cpython, pypy);
  ASSERT_EQ(rows.size(), 6u);
  EXPECT_EQ(rows[0].id, "t::blocker");
  EXPECT_EQ(rows[0].group, kPypyOnlyFailure);
  EXPECT_EQ(rows[1].id, "t::collect");  // only PyPy has it, and it fails there
  EXPECT_EQ(rows[1].group, kPypyOnlyFailure);
  EXPECT_EQ(rows[1].outcomes.at("cpython-3.11"), Outcome::kMissing);
  EXPECT_FALSE(rows[1].duration_ratio);
  EXPECT_EQ(rows[2].group, kBothFailure);
  EXPECT_EQ(rows[3].group, kPypyOnlyPass);
  EXPECT_EQ(rows[4].group, kOtherGroup);
  EXPECT_EQ(rows[5].group, kBothPass);
  ASSERT_TRUE(rows[5].duration_ratio);
  EXPECT_DOUBLE_EQ(*rows[5].duration_ratio, 2.0);
}

TEST(CompareRuns, TimeoutCountsAsFailing) {
  SuiteRun cpython = run_of("c", {{"t::hang", Outcome::kPassed}}, 0.1);
  SuiteRun pypy = run_of("p", {{"t::hang", Outcome::kTimeout}}, 0.0);
  EXPECT_EQ(compare_runs(cpython, pypy)[0].group, kPypyOnlyFailure);
}

}  // namespace
}  // namespace pypyready::testdiff
