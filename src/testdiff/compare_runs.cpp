#include <algorithm>
#include <map>

#include "testdiff/run_suites.h"

namespace pypyready::testdiff {
namespace {

std::string group_of(Outcome baseline, Outcome candidate) {
  bool baseline_fails = is_failing(baseline), candidate_fails = is_failing(candidate);
  if (candidate_fails && !baseline_fails) return std::string(kPypyOnlyFailure);
  if (candidate_fails && baseline_fails) return std::string(kBothFailure);
  if (baseline_fails && candidate == Outcome::kPassed) return std::string(kPypyOnlyPass);
  if (baseline == Outcome::kPassed && candidate == Outcome::kPassed) return std::string(kBothPass);
  return std::string(kOtherGroup);
}

int group_rank(const std::string& group) {
  if (group == kPypyOnlyFailure) return 0;
  if (group == kBothFailure) return 1;
  if (group == kPypyOnlyPass) return 2;
  if (group == kOtherGroup) return 3;
  return 4;
}

}  // namespace

std::vector<TestRow> compare_runs(const SuiteRun& baseline, const SuiteRun& candidate) {
  std::map<std::string, TestRow> rows;
  std::vector<std::string> order;
  auto add = [&](const SuiteRun& run) {
    for (const TestCase& test : run.tests) {
      auto [row, inserted] = rows.try_emplace(test.id);
      if (inserted) {
        row->second.id = test.id;
        order.push_back(test.id);
      }
      row->second.outcomes[run.interpreter_id] = test.outcome;
      row->second.durations_s[run.interpreter_id] = test.duration_s;
    }
  };
  add(baseline);
  add(candidate);
  std::vector<TestRow> result;
  for (const std::string& id : order) {
    TestRow row = std::move(rows[id]);
    for (const SuiteRun* run : {&baseline, &candidate})
      row.outcomes.try_emplace(run->interpreter_id, Outcome::kMissing);
    Outcome base = row.outcomes[baseline.interpreter_id];
    Outcome cand = row.outcomes[candidate.interpreter_id];
    row.group = group_of(base, cand);
    auto base_time = row.durations_s.find(baseline.interpreter_id);
    auto cand_time = row.durations_s.find(candidate.interpreter_id);
    if (base_time != row.durations_s.end() && cand_time != row.durations_s.end() && base_time->second > 0 &&
        cand_time->second > 0)
      row.duration_ratio = cand_time->second / base_time->second;
    result.push_back(std::move(row));
  }
  std::stable_sort(result.begin(), result.end(), [](const TestRow& a, const TestRow& b) {
    return group_rank(a.group) < group_rank(b.group);
  });
  return result;
}

}  // namespace pypyready::testdiff
