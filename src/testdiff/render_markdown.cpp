#include <fmt/format.h>

#include "core/text.h"
#include "testdiff/render.h"

namespace pypyready::testdiff {

std::string render_markdown(const TestResults& results) {
  std::string out =
      "## Tests under CPython and PyPy\n\n| interpreter | environment | tests | failed | errors | status "
      "|\n|---|---|---|---|---|---|\n";
  for (const SuiteRun& run : results.runs) {
    int failed = 0, errors = 0;
    for (const TestCase& test : run.tests) {
      failed += test.outcome == Outcome::kFailed ? 1 : 0;
      errors += test.outcome == Outcome::kError ? 1 : 0;
    }
    out += fmt::format(
        "| {} | {} | {} | {} | {} | {} |\n", run.interpreter_id, core::markdown_table_cell(run.environment),
        run.tests.size(), failed, errors,
        core::markdown_table_cell(
            run.problem.empty() ? "ok"
                                : run.problem + (run.how_to_fix.empty() ? "" : " — fix: " + run.how_to_fix)));
  }
  for (const SuiteRun& run : results.runs)
    for (const std::string& test : run.crashed_tests)
      out += fmt::format("\n{} crashed ({}) in `{}`; the other tests ran on.\n", run.interpreter_id,
                         run.crash, core::markdown_table_cell(test));
  if (results.could_not_run()) return out;
  out += fmt::format(
      "\n{} tests: {} pass on both, {} fail only on PyPy, {} fail on both, {} pass only on PyPy.\n",
      results.tests.size(), results.count(kBothPass), results.count(kPypyOnlyFailure),
      results.count(kBothFailure), results.count(kPypyOnlyPass));
  out +=
      "\n| test | group | CPython | PyPy | duration ratio | flaky | likely cause | findings "
      "|\n|---|---|---|---|---|---|---|---|\n";
  for (const TestRow& row : results.tests) {
    if (row.group == kBothPass) continue;
    auto outcome = [&](const std::string& id) {
      auto found = row.outcomes.find(id);
      return std::string(found == row.outcomes.end() ? "missing" : outcome_name(found->second));
    };
    std::string findings;
    for (const RelatedFinding& finding : row.related_findings)
      findings +=
          (findings.empty() ? "" : ", ") + fmt::format("{} {}:{}", finding.code, finding.path, finding.line);
    out += fmt::format("| `{}` | {} | {} | {} | {} | {} | {} | {} |\n", core::markdown_table_cell(row.id),
                       row.group, outcome(results.baseline_id), outcome(results.candidate_id),
                       row.duration_ratio ? fmt::format("{:.2f}x", *row.duration_ratio) : "-",
                       row.group == kPypyOnlyFailure ? (row.flaky ? "yes" : "no") : "-",
                       core::markdown_table_cell(row.likely_cause ? row.likely_cause->explanation : ""),
                       core::markdown_table_cell(findings));
  }
  return out;
}

}  // namespace pypyready::testdiff
