#include "testdiff/test_results.h"

#include <algorithm>

namespace pypyready::testdiff {

std::string_view outcome_name(Outcome outcome) {
  switch (outcome) {
    case Outcome::kPassed:
      return "passed";
    case Outcome::kFailed:
      return "failed";
    case Outcome::kError:
      return "error";
    case Outcome::kSkipped:
      return "skipped";
    case Outcome::kXfail:
      return "xfail";
    case Outcome::kTimeout:
      return "timeout";
    case Outcome::kCrashed:
      return "crashed";
    case Outcome::kMissing:
      return "missing";
  }
  return "missing";
}

bool is_failing(Outcome outcome) {
  return outcome == Outcome::kFailed || outcome == Outcome::kError || outcome == Outcome::kTimeout ||
         outcome == Outcome::kCrashed;
}

bool TestResults::could_not_run() const {
  return runs.size() < 2 ||
         std::any_of(runs.begin(), runs.end(), [](const SuiteRun& run) { return !run.ran; });
}

int TestResults::count(std::string_view group) const {
  return static_cast<int>(
      std::count_if(tests.begin(), tests.end(), [group](const TestRow& row) { return row.group == group; }));
}

int TestResults::real_pypy_only_failures() const {
  return static_cast<int>(std::count_if(tests.begin(), tests.end(), [](const TestRow& row) {
    return row.group == kPypyOnlyFailure && !row.flaky;
  }));
}

}  // namespace pypyready::testdiff
