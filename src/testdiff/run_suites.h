#pragma once
// `pypyready test` as a library call: the suite under CPython and PyPy, the outcome matrix, and
// for each PyPy-only failure its message, traceback lines, reruns (flaky or real), likely cause
// and the scan findings linked to it. `pypyready check` calls this too.

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/result.h"
#include "testdiff/test_results.h"

namespace pypyready::testdiff {

/// What to run and how. Unset fields come from `[tool.pypyready.test]`, then the defaults.
struct TestOptions {
  std::filesystem::path project = ".";
  std::string python;                ///< baseline CPython; empty: project .venv, else python3
  std::string pypy;                  ///< candidate PyPy; empty: project .venv/.venv-pypy, else pypy3
  std::vector<std::string> command;  ///< empty: configuration, else `python -m pytest`
  double timeout_s = 0;              ///< per run; 0: configuration, else 600
  int reruns = -1;                   ///< per PyPy-only failure; -1: configuration, else 3
  bool link_findings = true;         ///< scan the project to link failures to findings
  std::function<void(const std::string&)> progress;  ///< one line per step, for a terminal
};

/// Runs everything. An error only for bad input (configuration, command); interpreters that are
/// missing or cannot run the suite are reported in the result (TestResults::could_not_run()).
core::Result<TestResults> run_suites(const TestOptions& options);

/// Builds the per-test matrix of two runs (exposed for tests): outcomes, durations, ratio, group.
std::vector<TestRow> compare_runs(const SuiteRun& baseline, const SuiteRun& candidate);

}  // namespace pypyready::testdiff
