#pragma once
// The process exit codes of design.md, shared by every command.

namespace pypyready::app {

enum class ExitCode : int {
  kSuccess = 0,           ///< nothing at or above the failure threshold
  kFindings = 1,          ///< findings or blockers at or above the threshold
  kUsageError = 2,        ///< bad arguments, configuration or input (the message names the file)
  kInterpreterFailed = 3  ///< an interpreter or child process failed so no result could be made
};

}  // namespace pypyready::app
