#pragma once
// What a command file provides to the command table: a function that declares the command's
// options on its CLI11 subcommand and returns what to run once the arguments are parsed.

#include <CLI/CLI.hpp>

#include <functional>
#include <string_view>

#include "app/exit_code.h"

namespace pypyready::app {

/// Runs a command whose options CLI11 has already filled in.
using CommandRunner = std::function<ExitCode()>;

/// One row of the command table (ninja's kTools): name, one-line help, and the function that
/// adds the command's options to its subcommand and returns its runner.
struct CommandSpec {
  std::string_view name;
  std::string_view summary;
  CommandRunner (*add)(CLI::App& subcommand);
};

}  // namespace pypyready::app
