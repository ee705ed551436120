// Next steps, in the order to take them: safe automatic fixes, dependency changes, hand fixes
// grouped by rule, tests, then the measurements that would settle what is still unknown.

#include <fmt/format.h>

#include <map>
#include <set>

#include "decide/criteria.h"
#include "decide/format.h"
#include "decide/verdict.h"

namespace pypyready::decide {
namespace {

const results::Criterion* find(const results::Decision& decision, const char* id) {
  for (const results::Criterion& criterion : decision.criteria)
    if (criterion.id == id) return &criterion;
  return nullptr;
}

bool is(const results::Decision& decision, const char* id, const char* state) {
  const results::Criterion* criterion = find(decision, id);
  return criterion != nullptr && criterion->state == state;
}

void fix_steps(const results::Results& results, std::vector<results::NextStep>& steps) {
  if (!results.scan) return;
  std::map<std::string, int> fixable_by_code;
  int fixable = 0;
  // Hand fixes: error-level findings without a safe fix, per rule, with their files.
  std::map<std::string, std::pair<std::string, std::set<std::string>>> by_code;
  for (const results::Finding& finding : results.scan->findings) {
    if (finding.fix && finding.fix->applicability == "safe") {
      ++fixable;
      ++fixable_by_code[finding.code];
    } else if (finding.severity == "error" && finding.code != "PPY040" && finding.code != "PPY041") {
      by_code[finding.code].first = finding.name;
      by_code[finding.code].second.insert(finding.path);
    }
  }
  if (fixable > 0) {
    std::vector<std::string> codes;
    for (const auto& [code, count] : fixable_by_code)
      codes.push_back(fmt::format("{} x{}", code, count));
    steps.push_back(
        {"pypyready scan --fix", fmt::format("{} finding(s) have a safe fix ({})", fixable, join(codes))});
  }
  for (const auto& [code, named] : by_code) {
    std::vector<std::string> files(named.second.begin(), named.second.end());
    bool unclosed = named.first.find("unclosed") != std::string::npos;
    steps.push_back({unclosed ? fmt::format("close files with `with` in {}", join(files))
                              : fmt::format("fix {} {} in {}", code, named.first, join(files)),
                     fmt::format("see `pypyready rule {}`", code)});
  }
}

void dependency_steps(const results::Results& results, std::vector<results::NextStep>& steps) {
  if (!results.deps) return;
  for (const results::Dependency& dep : results.deps->dependencies) {
    if (dep.verdict == "replace" || (dep.verdict == "blocked" && !dep.alternative.empty())) {
      steps.push_back({fmt::format("replace {} with {}", dep.name, dep.alternative),
                       dep.evidence.empty() ? "" : dep.evidence.front().detail});
    } else if (dep.verdict == "blocked") {
      steps.push_back({fmt::format("drop or port {}", dep.name), dep.evidence.empty()
                                                                     ? "no PyPy-compatible alternative known"
                                                                     : dep.evidence.front().detail});
    }
  }
}

void measurement_steps(const results::Results& results, const results::Decision& decision,
                       std::vector<results::NextStep>& steps) {
  bool benchmarked = results.bench && !results.bench->benchmarks.empty();
  if (is(decision, kCpuBound, "unknown")) {
    if (!benchmarked) {
      steps.push_back({"measure an entry point",
                       "add targets = [\"FILE.py:FUNC\"] to [tool.pypyready.bench], or run "
                       "`pypyready bench FILE.py:FUNC`"});
    } else {
      steps.push_back({"measure longer",
                       "raise time-budget in [tool.pypyready.bench] (or --budget) until the "
                       "speedup interval is decisive"});
    }
  }
  const results::Criterion* runs = find(decision, kRunsLongEnough);
  if (runs != nullptr && runs->state == "unknown" && benchmarked && !runs->numbers.count("lifetime_s"))
    steps.push_back({"set expected-lifetime-s in [tool.pypyready.decide]",
                     "how long one process runs in production decides whether the JIT warms up in time"});
  const results::Criterion* memory = find(decision, kMemory);
  if (memory != nullptr && memory->state == "unknown" && memory->numbers.count("peak_candidate_mib"))
    steps.push_back({"set memory-budget-mib in [tool.pypyready.decide]",
                     fmt::format("PyPy peaked at {}", mib_text(memory->numbers.at("peak_candidate_mib")))});
  if (is(decision, kTestsPass, "unknown"))
    steps.push_back({"pypyready test", "run the test suite under both interpreters"});
  if (is(decision, kNativeShare, "unknown"))
    steps.push_back({"pypyready profile -- CMD", "measure how much time the C-API dependencies take"});
  if (results.deps) {
    for (const results::Dependency& dep : results.deps->dependencies) {
      if (dep.verdict == "unknown") {
        steps.push_back({"pypyready deps --try-install", "settle the dependencies with an unknown verdict"});
        break;
      }
    }
  }
}

}  // namespace

std::vector<results::NextStep> plan_next_steps(const results::Results& results,
                                               const results::Decision& decision) {
  std::vector<results::NextStep> steps;
  if (decision.verdict == "stay") {
    const results::Criterion* runs = find(decision, kRunsLongEnough);
    if (runs != nullptr && runs->state == "not-met" && runs->numbers.count("break_even_s"))
      steps.push_back(
          {"stay on CPython", fmt::format("revisit if processes come to run longer than the break-even {}",
                                          seconds_text(runs->numbers.at("break_even_s")))});
    else
      steps.push_back({"stay on CPython", "revisit when the deciding criteria change"});
    return steps;
  }
  fix_steps(results, steps);
  dependency_steps(results, steps);
  if (is(decision, kLanguageLevel, "not-met"))
    steps.push_back({"rewrite code newer than the target PyPy", find(decision, kLanguageLevel)->evidence});
  if (is(decision, kTestsPass, "not-met"))
    steps.push_back({"fix the tests that fail only on PyPy", find(decision, kTestsPass)->evidence});
  measurement_steps(results, decision, steps);
  if (decision.verdict == "migrate-after-fixes")
    steps.push_back({"rerun pypyready check", "confirm the verdict after the changes"});
  if (decision.verdict == "migrate")
    steps.push_back({"run the project on PyPy",
                     "create a PyPy virtual environment, install the project, run "
                     "its test suite there, then switch the deployment"});
  return steps;
}

}  // namespace pypyready::decide
