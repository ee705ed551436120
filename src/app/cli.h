#pragma once

#include "app/exit_code.h"

namespace pypyready::app {

/// Parses the command line, runs the chosen command and returns its exit code.
ExitCode run_cli(int argc, char** argv);

}  // namespace pypyready::app
