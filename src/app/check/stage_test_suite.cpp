// The test stage: the project's test suite under both interpreters (testdiff), when the project
// declares [tool.pypyready.test] or --test asks for it. (Not stage_test.cpp: the build takes
// *_test.cpp files for unit tests.)

#include <fmt/format.h>

#include <algorithm>

#include "app/check/stages.h"
#include "results/json.h"
#include "testdiff/render.h"
#include "testdiff/run_suites.h"

namespace pypyready::app::check {

StageReport run_test_stage(CheckContext& context) {
  if (!context.run_tests)
    return {"not-run",
            "no [tool.pypyready.test] table; add one (command = [\"python\", \"-m\", \"pytest\"]) or "
            "use --test"};
  if (!context.baseline) return {"failed", context.baseline_problem};
  if (!context.candidate) return {"failed", context.candidate_problem};
  testdiff::TestOptions options;
  options.project = context.project;
  // Interpreters found by default may lack pytest; the test stage then finds its own the same way
  // `pypyready test` does (project .venv, PATH, then any interpreter that has pytest).
  if (context.interpreters_named || context.baseline->has_pytest)
    options.python = context.baseline->path.string();
  if (context.interpreters_named || context.candidate->has_pytest)
    options.pypy = context.candidate->path.string();
  // Both runs and the reruns share what is left; each run may take at most a third of it.
  options.timeout_s = std::max(5.0, context.remaining_s() / 3);
  options.progress = context.progress;
  auto ran = testdiff::run_suites(options);
  if (!ran) return {"failed", ran.error().message};
  if (ran->could_not_run()) {
    std::string reason = "the test suite ran under neither interpreter";
    for (const testdiff::SuiteRun& run : ran->runs)
      if (!run.problem.empty()) reason = fmt::format("{}: {}", run.interpreter_id, run.problem);
    return {"failed", reason};
  }
  auto section = results::test_from_json(testdiff::to_json(*ran), "test");
  if (!section) return {"failed", section.error().message};
  context.results.test = std::move(*section);
  std::string problems;
  for (const testdiff::SuiteRun& run : ran->runs)
    if (!run.problem.empty())
      problems += (problems.empty() ? "" : "; ") + run.interpreter_id + ": " + run.problem;
  return {"ok", problems};
}

}  // namespace pypyready::app::check
