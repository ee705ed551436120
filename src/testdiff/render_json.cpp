#include <set>

#include "testdiff/render.h"

namespace pypyready::testdiff {
namespace {

nlohmann::json totals(const SuiteRun& run) {
  nlohmann::json counts = nlohmann::json::object();
  double duration = 0;
  for (std::string_view name : {"passed", "failed", "error", "skipped", "xfail", "timeout", "crashed"})
    counts[std::string(name)] = 0;
  for (const TestCase& test : run.tests) {
    counts[std::string(outcome_name(test.outcome))] =
        counts.value(std::string(outcome_name(test.outcome)), 0) + 1;
    duration += test.duration_s;
  }
  nlohmann::json out{{"status", run.ran ? "ok" : "cannot-run"},
                     {"implementation", run.implementation},
                     {"executable", run.executable},
                     {"environment", run.environment},
                     {"command", run.command},
                     {"tests", run.tests.size()},
                     {"counts", counts},
                     {"duration_s", duration},
                     {"wall_s", run.wall_s},
                     {"exit_code", run.exit_code},
                     {"timed_out", run.timed_out},
                     {"interrupted", run.interrupted}};
  out["reason"] = run.problem.empty() ? nlohmann::json(nullptr) : nlohmann::json(run.problem);
  out["how_to_fix"] = run.how_to_fix.empty() ? nlohmann::json(nullptr) : nlohmann::json(run.how_to_fix);
  out["unfinished_test"] =
      run.unfinished_test.empty() ? nlohmann::json(nullptr) : nlohmann::json(run.unfinished_test);
  out["crashed_tests"] = run.crashed_tests;
  out["crash"] = run.crash.empty() ? nlohmann::json(nullptr) : nlohmann::json(run.crash);
  return out;
}

nlohmann::json row_json(const TestRow& row) {
  nlohmann::json outcomes = nlohmann::json::object(), durations = nlohmann::json::object();
  for (const auto& [id, outcome] : row.outcomes)
    outcomes[id] = outcome_name(outcome);
  for (const auto& [id, seconds] : row.durations_s)
    durations[id] = seconds;
  // related_findings holds rule codes (what the decision reads); the details follow separately.
  std::vector<std::string> codes;
  std::set<std::string> seen;
  nlohmann::json details = nlohmann::json::array();
  for (const RelatedFinding& finding : row.related_findings) {
    if (seen.insert(finding.code).second) codes.push_back(finding.code);
    details.push_back({{"code", finding.code},
                       {"name", finding.name},
                       {"path", finding.path},
                       {"line", finding.line},
                       {"function", finding.function},
                       {"message", finding.message},
                       {"link", finding.link},
                       {"matches_cause", finding.matches_cause}});
  }
  nlohmann::json reruns = nlohmann::json::object();
  for (const auto& [id, tally] : row.reruns)
    reruns[id] = {{"passed", tally.passed}, {"failed", tally.failed}};
  nlohmann::json out{
      {"id", row.id},       {"outcomes", outcomes},      {"durations_s", durations},   {"group", row.group},
      {"flaky", row.flaky}, {"related_findings", codes}, {"finding_details", details}, {"reruns", reruns}};
  out["duration_ratio"] = row.duration_ratio ? nlohmann::json(*row.duration_ratio) : nlohmann::json(nullptr);
  out["likely_cause"] = row.likely_cause ? row.likely_cause->explanation : std::string();
  out["likely_cause_kind"] =
      row.likely_cause ? nlohmann::json(row.likely_cause->kind) : nlohmann::json(nullptr);
  if (!row.message.empty()) out["message"] = row.message;
  if (!row.traceback.empty()) out["traceback"] = row.traceback;
  return out;
}

}  // namespace

nlohmann::json to_json(const TestResults& results) {
  nlohmann::json per_interpreter = nlohmann::json::object();
  for (const SuiteRun& run : results.runs)
    per_interpreter[run.interpreter_id] = totals(run);
  nlohmann::json tests = nlohmann::json::array();
  for (const TestRow& row : results.tests)
    tests.push_back(row_json(row));
  int flaky = 0;
  for (const TestRow& row : results.tests)
    flaky += row.flaky ? 1 : 0;
  return {{"per_interpreter", per_interpreter},
          {"baseline", results.baseline_id},
          {"candidate", results.candidate_id},
          {"reruns_per_test", results.reruns_per_test},
          {"summary",
           {{"tests", results.tests.size()},
            {"pass_both", results.count(kBothPass)},
            {"pypy_only_failures", results.count(kPypyOnlyFailure)},
            {"pypy_only_failures_not_flaky", results.real_pypy_only_failures()},
            {"fail_both", results.count(kBothFailure)},
            {"pypy_only_passes", results.count(kPypyOnlyPass)},
            {"flaky", flaky}}},
          {"tests", tests},
          {"warnings", results.warnings}};
}

}  // namespace pypyready::testdiff
