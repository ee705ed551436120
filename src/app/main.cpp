// pypyready: the command-line entry point. Builds the CLI, runs the chosen command, and turns
// an unexpected internal error into one message and exit code 2.

#include <cstdio>
#include <exception>

#include "app/cli.h"

int main(int argc, char** argv) {
  try {
    return static_cast<int>(pypyready::app::run_cli(argc, argv));
  } catch (const std::exception& error) {
    std::fprintf(stderr, "pypyready: internal error: %s\n", error.what());
    return static_cast<int>(pypyready::app::ExitCode::kUsageError);
  }
}
