#pragma once
// `pypyready bench --pytest-benchmark [PATH] [-- PYTEST ARGS]` and `pypyready bench --import A.json
// --import B.json`: the project's pytest-benchmark suite under both interpreters, or two runs it
// saved, through the bench statistics and renderers. bench.cpp parses the shared options (budget,
// runs, format) and hands over here.

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "app/exit_code.h"
#include "bench/harness.h"

namespace pypyready::app {

struct PytestBenchmarkOptions {
  bool run = false;                  ///< --pytest-benchmark
  std::vector<std::string> imports;  ///< two saved pytest-benchmark files instead of a run
  /// The positional that keeps `--` in the bench command (see add_pytest_benchmark_options); the
  /// words normally land in the targets list before it.
  std::vector<std::string> after_path;
  /// Either mode was asked for.
  bool wanted() const { return run || !imports.empty(); }
};

/// Declares --pytest-benchmark and --import on the bench subcommand.
void add_pytest_benchmark_options(CLI::App& subcommand, PytestBenchmarkOptions& options);

/// Everything bench.cpp already parsed, for this mode.
struct PytestBenchmarkRequest {
  bench::BenchConfig limits;         ///< time budget, runs, CI width, minimum speedup, timeout, memory limit
  std::vector<std::string> words;    ///< the positional words: [PATH] then pytest's arguments
  std::vector<std::string> pythons;  ///< --python (at most one here; empty: as `pypyready test` chooses)
  std::vector<std::string> pypys;
  std::string format;
  std::string output;
  bool quiet = false;
};

ExitCode run_pytest_benchmark(const PytestBenchmarkOptions& options, const PytestBenchmarkRequest& request);

}  // namespace pypyready::app
