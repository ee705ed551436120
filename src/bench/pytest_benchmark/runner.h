#pragma once
// Runs a project's pytest-benchmark suite under each interpreter in interleaved process
// executions (ABBA order, so drift of the machine hits every interpreter alike), reads each
// process's --benchmark-json report, and stops adding executions when every speedup is precise or
// decided, the time budget is spent, or Ctrl-C arrives (what finished is kept).

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "bench/pytest_benchmark/command.h"
#include "bench/pytest_benchmark/suite_result.h"
#include "core/result.h"
#include "run/interpreters.h"

namespace pypyready::bench::pytest_benchmark {

struct SuiteConfig {
  std::vector<run::Interpreter> interpreters;  ///< the baseline first
  std::vector<std::string> environments;       ///< per interpreter, as `pypyready test` describes it
  std::filesystem::path project;               ///< where pytest runs
  std::vector<std::string> pytest_args;        ///< after the options pypyready sets; they win
  RunSettings settings;
  double time_budget_s = 90;
  int min_runs = 3;
  int max_runs = 30;
  double ci_width = 0.05;
  double min_speedup = 1.2;
  double timeout_s = 0;  ///< per process; 0: the larger of 300 s and the budget
  std::uint64_t memory_limit_bytes = 0;
  int cpu = -1;  ///< the one CPU every pytest process runs on (bench/cpu_pinning.h); -1: any
  std::function<void(const std::string&)> progress;  ///< one status line; may be empty
};

/// Runs the suite. An error when an interpreter lacks pytest-benchmark (saying how to provide
/// it) or no interpreter could run a single benchmark (with pytest's reason).
core::Result<SuiteResult> run_suite(const SuiteConfig& config);

}  // namespace pypyready::bench::pytest_benchmark
