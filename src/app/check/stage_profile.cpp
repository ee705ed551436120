// The profile stage: time attribution under CPython of the project's first bench target (the
// workload the project declared), and the predicted PyPy speedup. A FILE.py target runs as a
// script; a FILE.py:FUNC target calls FUNC repeatedly for about two seconds, as the bench does.
// The decision reads the shares (pure Python, native extensions).

#include <fmt/format.h>

#include <algorithm>

#include "app/check/stages.h"
#include "profile/analyze.h"
#include "results/json.h"

namespace pypyready::app::check {
namespace {

// Below this many seconds of budget the profile is not worth starting.
constexpr double kSmallestUsefulBudgetS = 5;

// Calls FUNC of FILE (its __main__ block not run) until about two seconds have passed.
constexpr const char* kRepeatCall =
    "import runpy, sys, time\n"
    "function = runpy.run_path(sys.argv[1])[sys.argv[2]]\n"
    "start = time.perf_counter()\n"
    "while True:\n"
    "    function()\n"
    "    if time.perf_counter() - start > 2:\n"
    "        break\n";

core::Result<profile::Program> target_program(const CheckContext& context, const std::string& target) {
  std::string file = target;
  std::string function;
  auto colon = target.rfind(':');
  if (colon != std::string::npos && target.substr(0, colon).ends_with(".py")) {
    file = target.substr(0, colon);
    function = target.substr(colon + 1);
  }
  std::filesystem::path path = context.project / file;
  std::error_code error;
  if (!file.ends_with(".py") || !std::filesystem::is_regular_file(path, error))
    return core::Error{fmt::format("target `{}`: expected an existing FILE.py or FILE.py:FUNC", target)};
  std::string absolute = std::filesystem::absolute(path).string();
  profile::Program program;
  if (function.empty()) {
    program.mode = "script";
    program.target = absolute;
  } else {
    program.mode = "code";
    program.target = kRepeatCall;
    program.args = {absolute, function};
  }
  return program;
}

}  // namespace

StageReport run_profile_stage(CheckContext& context) {
  if (context.bench_targets.empty())
    return {
        "not-run",
        "no workload: the profile runs the first bench target ([tool.pypyready.bench] targets or --bench)"};
  if (!context.baseline) return {"failed", context.baseline_problem};
  if (context.remaining_s() < kSmallestUsefulBudgetS) return {"not-run", "the --budget is spent"};
  const std::string& target = context.bench_targets.front();
  auto program = target_program(context, target);
  if (!program) return {"failed", program.error().message};
  if (context.progress) context.progress("profile " + target);

  profile::ProfileRequest request;
  request.program = *program;
  request.interpreter = context.baseline->path.string();
  request.timeout_s = std::max(kSmallestUsefulBudgetS, context.remaining_s() / 2);
  request.working_directory = context.project;
  auto ran = profile::run_profile(request);
  if (!ran) return {"failed", fmt::format("{}: {}", target, ran.error().message)};

  profile::ModelParameters parameters;
  if (context.candidate)
    if (auto startup = profile::measure_startup(context.candidate->path.string()))
      parameters.pypy_startup_s = *startup;
  profile::ProfileReport report = profile::analyze_run(*ran, target, parameters);
  auto section = results::profile_from_json(profile::to_json(report), "profile");
  if (!section) return {"failed", section.error().message};
  context.results.profile = std::move(*section);
  return {"ok", ""};
}

}  // namespace pypyready::app::check
