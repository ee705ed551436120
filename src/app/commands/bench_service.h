#pragma once
// `pypyready bench --service "CMD" --url URL`: the options of the service mode and its run;
// bench.cpp declares them on its subcommand and hands over once the interpreters are chosen.

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "app/exit_code.h"
#include "run/interpreters.h"

namespace pypyready::app {

struct ServiceOptions {
  std::string command;  ///< empty: not the service mode
  std::vector<std::string> urls;
  std::string requests_file;
  std::string ready_url;
  double ready_timeout_s = 30;
  int duration_s = 20;
  int connections = 8;
  double rate_rps = 0;
  int starts = 3;
  double stop_grace_s = 5;
  bool no_ceiling = false;
  bool ceiling_only = false;  ///< only measure wrk's ceiling (bench/wrk-ceiling.sh)

  /// True when bench runs in the service mode.
  bool active() const { return !command.empty() || ceiling_only; }
};

/// Declares --service, --url, --requests, --ready-url, ... on the bench subcommand.
void add_service_options(CLI::App& subcommand, ServiceOptions& options);

/// Runs the service benchmark with the chosen interpreters and writes it in `format`.
ExitCode run_service_bench(const ServiceOptions& options, const std::vector<run::Interpreter>& interpreters,
                           const std::string& format, const std::string& output, bool quiet);

}  // namespace pypyready::app
