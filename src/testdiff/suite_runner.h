#pragma once
// One run of the test suite under one interpreter, in a child process group with a timeout:
// JUnit XML to a private temporary folder, the event plugin on the data pipe, and the results
// that finished kept when the run is killed.

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "testdiff/test_environment.h"
#include "testdiff/test_results.h"

namespace pypyready::testdiff {

/// What to run.
struct SuiteSpec {
  TestInterpreter interpreter;
  std::vector<std::string> command;   ///< the configured words ("python -m pytest ..."), not yet substituted
  std::vector<std::string> only_ids;  ///< when set, rerun just these tests
  bool collect_only = false;          ///< only collect them (to rerun collection errors)
  std::filesystem::path root;         ///< working directory: the project root
  std::chrono::milliseconds timeout{0};
};

/// Runs the suite once. Never throws; a run that cannot start or produce a result has
/// `ran == false` and says why in `problem` (and how to fix it in `how_to_fix` when known).
SuiteRun run_suite(const SuiteSpec& spec);

}  // namespace pypyready::testdiff
