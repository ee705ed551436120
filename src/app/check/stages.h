#pragma once
// The stages of `pypyready check` and what they share. Each stage runs one analysis on the
// project, fills only its own section of the Results and reports ok / failed / not-run with the
// reason; a failing stage never stops the others. Adding an analysis is one row in kStages
// (pipeline.cpp) and one run function here.

#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/check/project_config.h"
#include "results/results.h"
#include "run/interpreters.h"

namespace pypyready::app::check {

/// Everything the stages read, and the Results they fill.
struct CheckContext {
  std::filesystem::path project;  ///< as given on the command line
  ProjectConfig config;
  std::optional<run::Interpreter> baseline;   ///< CPython (--python, config, .venv, python3)
  std::optional<run::Interpreter> candidate;  ///< PyPy (--pypy, config, pypy3)
  bool interpreters_named =
      false;  ///< --python/--pypy or the configuration named them (tests use exactly those)
  std::string baseline_problem;            ///< why there is no baseline
  std::string candidate_problem;           ///< why there is no candidate
  std::vector<std::string> bench_targets;  ///< flags win over [tool.pypyready.bench]
  double bench_budget_s = 60;              ///< per target, before the total budget caps it
  bool run_tests = false;                  ///< [tool.pypyready.test] declared, or --test
  std::chrono::steady_clock::time_point deadline;
  std::function<void(const std::string&)> progress;  ///< one status line; empty when not on a terminal
  results::Results results;

  /// Seconds left of the total --budget.
  double remaining_s() const;
};

/// What a stage reports besides its section: "ok", "failed" or "not-run", and why.
struct StageReport {
  std::string status;
  std::string reason;
};

using StageRunner = StageReport (*)(CheckContext& context);

/// One row of the stage table.
struct Stage {
  const char* name;
  StageRunner run;
};

StageReport run_scan_stage(CheckContext& context);
StageReport run_deps_stage(CheckContext& context);
StageReport run_test_stage(CheckContext& context);
StageReport run_bench_stage(CheckContext& context);
StageReport run_profile_stage(CheckContext& context);

/// Runs every stage in order, timing each; an exception in one is recorded as its failure.
void run_stages(CheckContext& context);

}  // namespace pypyready::app::check
