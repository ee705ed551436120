#pragma once
// The add-functions of every command, one per file in this folder.

#include "app/command.h"

namespace pypyready::app {

CommandRunner add_bench_command(CLI::App& subcommand);
CommandRunner add_check_command(CLI::App& subcommand);
CommandRunner add_debug_command(CLI::App& subcommand);
CommandRunner add_deps_command(CLI::App& subcommand);
CommandRunner add_generate_command(CLI::App& subcommand);
CommandRunner add_report_command(CLI::App& subcommand);
CommandRunner add_rule_command(CLI::App& subcommand);
CommandRunner add_rules_command(CLI::App& subcommand);
CommandRunner add_scan_command(CLI::App& subcommand);
CommandRunner add_test_command(CLI::App& subcommand);
CommandRunner add_interpreters_command(CLI::App& subcommand);
CommandRunner add_profile_command(CLI::App& subcommand);

}  // namespace pypyready::app
