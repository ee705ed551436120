// 7. Tests pass: no test fails only on PyPy, or each such failure is explained by a finding
// (which then has to be fixed, and is listed among the blockers).

#include <fmt/format.h>

#include "decide/criteria.h"
#include "decide/format.h"

namespace pypyready::decide {

results::Criterion judge_tests_pass(const results::Results& results, const DecideConfig&) {
  results::Criterion criterion{kTestsPass, "tests pass", "unknown", "", {}};
  if (!results.test) {
    criterion.evidence = "test suite not run on both interpreters";
    return criterion;
  }
  std::vector<std::string> unexplained, explained;
  int flaky = 0;
  for (const results::TestCase& test : results.test->tests) {
    if (test.flaky) ++flaky;
    if (test.group != "pypy-only-failure" || test.flaky) continue;
    if (test.related_findings.empty()) {
      unexplained.push_back(test.id);
    } else {
      explained.push_back(fmt::format("{} ({})", test.id, join(test.related_findings, "/")));
    }
  }
  std::size_t failures = unexplained.size() + explained.size();
  criterion.numbers = {{"tests", static_cast<double>(results.test->tests.size())},
                       {"pypy_only_failures", static_cast<double>(failures)},
                       {"unexplained", static_cast<double>(unexplained.size())},
                       {"flaky", static_cast<double>(flaky)}};
  if (failures == 0) {
    criterion.state = "met";
    criterion.evidence = fmt::format("{} tests: none fails only on PyPy", results.test->tests.size());
  } else if (unexplained.empty()) {
    criterion.state = "met";
    criterion.evidence =
        fmt::format("{} PyPy-only failures, each explained by a finding: {}", failures, join(explained));
  } else {
    criterion.state = "not-met";
    criterion.evidence = fmt::format("{} PyPy-only failures, {} unexplained: {}", failures,
                                     unexplained.size(), join(unexplained));
  }
  return criterion;
}

}  // namespace pypyready::decide
