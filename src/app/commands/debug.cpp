#include "app/commands/commands.h"

namespace pypyready::app {

CommandRunner add_debug_command(CLI::App& subcommand) {
  subcommand.require_subcommand(1);
  return [] { return ExitCode::kUsageError; };
}

}  // namespace pypyready::app
