#pragma once
// `--try-install`: a temporary PyPy virtual environment, `pip install` of each requirement there
// (pip options such as --no-index/--find-links pass through, so it works offline), each failure
// parsed into a reason, then an import of every top-level and extension module it installed,
// because a C extension calling a function PyPy lacks installs fine and fails only at import.

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "deps/pip_log.h"
#include "deps/report.h"

namespace pypyready::deps {

/// How to run the trial.
struct TrialOptions {
  std::string pypy = "pypy3";
  std::vector<std::string> pip_args;  ///< e.g. {"--no-index", "--find-links", "/wheels"}
  std::chrono::seconds venv_timeout{300};
  std::chrono::seconds install_timeout{600};
};

/// The outcome for one requirement.
struct TrialResult {
  std::string requirement;  ///< as passed to pip
  std::string key;          ///< PEP 503 name
  bool installed = false;
  std::optional<PipFailure> failure;
  std::vector<ImportCheck> imports;
};

/// Runs the trial for `requirements` (PEP 508 strings); an error when the environment cannot be made.
core::Result<std::vector<TrialResult>> run_install_trial(const std::vector<std::string>& requirements,
                                                         const TrialOptions& options);

/// Adds the trial's evidence to the report and lets failures decide verdicts.
void apply_trial(DepsReport& report, const std::vector<TrialResult>& results);

}  // namespace pypyready::deps
