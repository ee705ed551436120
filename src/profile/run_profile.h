#pragma once
// Runs a Python program once under the sampler probe: the interpreter starts the embedded
// probe with `-c`, the probe starts its timer and runs the program in the same process, and its
// report comes back over the data pipe. Timeouts, crashes and Ctrl-C end the whole process group
// (the process runner kills and reaps it) and come back as errors that say what happened.

#include <filesystem>
#include <string>

#include "core/result.h"
#include "profile/probe_report.h"
#include "profile/program.h"
#include "run/process.h"

namespace pypyready::profile {

struct ProfileRequest {
  Program program;
  std::string interpreter;  ///< the CPython to run (a path or a name on PATH)
  double interval_s = 0.005;
  double timeout_s = 0;                     ///< 0: none
  std::filesystem::path working_directory;  ///< empty: ours
};

struct ProfileRun {
  run::ProcessResult process;
  ProbeReport probe;
};

/// The interpreter's argv for `request` (the probe's source included).
std::vector<std::string> profile_argv(const ProfileRequest& request);

/// Runs the program; an error when it cannot start, fails, times out or is interrupted, with
/// the end of its stderr.
core::Result<ProfileRun> run_profile(const ProfileRequest& request);

}  // namespace pypyready::profile
