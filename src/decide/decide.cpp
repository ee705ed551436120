#include "decide/decide.h"

#include "decide/criteria.h"
#include "decide/verdict.h"

namespace pypyready::decide {

results::Decision decide(const results::Results& results, const DecideConfig& config) {
  results::Decision decision;
  // design.md's order.
  for (auto judge : {judge_cpu_bound, judge_dependencies, judge_runs_long_enough, judge_memory,
                     judge_language_level, judge_native_share, judge_tests_pass}) {
    decision.criteria.push_back(judge(results, config));
  }
  decision.blockers = find_blockers(results, decision.criteria);
  choose_verdict(results, decision);
  decision.next_steps = plan_next_steps(results, decision);
  return decision;
}

}  // namespace pypyready::decide
