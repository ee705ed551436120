#include "app/commands/bench_pytest_benchmark.h"

#include <unistd.h>

#include <filesystem>
#include <iostream>

#include "bench/pytest_benchmark/import.h"
#include "bench/pytest_benchmark/report.h"
#include "bench/pytest_benchmark/runner.h"
#include "bench/render.h"
#include "core/file_io.h"
#include "run/interrupt.h"
#include "testdiff/test_environment.h"

namespace pypyready::app {
namespace {

namespace pb = bench::pytest_benchmark;

core::Result<pb::SuiteResult> import_runs(const std::vector<std::string>& files) {
  if (files.size() != 2)
    return core::Error{
        "--import: expected exactly two pytest-benchmark files (--import A.json --import B.json), "
        "one saved under each interpreter"};
  auto first = pb::read_saved_run(files[0]);
  if (!first) return first.error();
  auto second = pb::read_saved_run(files[1]);
  if (!second) return second.error();
  return pb::compare_saved_runs(*first, *second);
}

core::Result<pb::SuiteConfig> suite_config(const PytestBenchmarkRequest& request) {
  if (request.pythons.size() > 1 || request.pypys.size() > 1)
    return core::Error{
        "--pytest-benchmark compares one CPython with one PyPy: give --python and --pypy once"};
  std::error_code error;
  bool has_path = !request.words.empty() && std::filesystem::is_directory(request.words[0], error);
  std::string project = has_path ? request.words[0] : ".";
  std::filesystem::path root = std::filesystem::absolute(project, error).lexically_normal();
  pb::SuiteConfig config;
  config.project = root;
  config.pytest_args.assign(request.words.begin() + (has_path ? 1 : 0), request.words.end());
  config.time_budget_s = request.limits.time_budget_s;
  config.min_runs = request.limits.min_runs;
  config.max_runs = request.limits.max_runs;
  config.ci_width = request.limits.ci_width;
  config.min_speedup = request.limits.min_speedup;
  config.timeout_s = request.limits.timeout_s;
  config.memory_limit_bytes = request.limits.memory_limit_bytes;
  config.cpu = request.limits.cpu;
  return config;
}

// The interpreters and their environments, chosen exactly as `pypyready test` chooses them.
core::Status choose_interpreters(const PytestBenchmarkRequest& request, pb::SuiteConfig& config) {
  auto first = [](const std::vector<std::string>& given) { return given.empty() ? std::string() : given[0]; };
  for (auto [given, implementation] :
       {std::pair{first(request.pythons), "cpython"}, std::pair{first(request.pypys), "pypy"}}) {
    auto chosen = testdiff::choose_test_interpreter(given, implementation, config.project);
    if (!chosen) return chosen.error();
    config.interpreters.push_back(chosen->interpreter);
    config.environments.push_back(chosen->environment);
  }
  run::assign_ids(config.interpreters);
  return core::ok_status();
}

// True when an interpreter could run none of the benchmarks.
bool side_cannot_run(const pb::SuiteResult& suite) {
  for (std::size_t s = 0; s < suite.interpreters.size(); ++s) {
    bool none = !suite.benchmarks.empty();
    for (const auto& result : suite.benchmarks)
      none = none && s < result.per_interpreter.size() && !result.per_interpreter[s].ok;
    if (none) return true;
  }
  return false;
}

}  // namespace

void add_pytest_benchmark_options(CLI::App& subcommand, PytestBenchmarkOptions& options) {
  // A flag, not an option with an optional value: CLI11 would take a following `--` as the end of
  // that value and read pytest's arguments as pypyready's. PATH is the first word when it is a folder.
  subcommand.add_flag("--pytest-benchmark", options.run,
                      "Run the pytest-benchmark suite of PATH (the first word when it is a folder, else .) "
                      "under each interpreter; pytest arguments after --");
  // CLI11 hands a `--` back to the main command once every positional has its minimum, which
  // would make pytest's arguments after `--pytest-benchmark PATH --` pypyready's. A positional that
  // still wants a value keeps `--` here; the words after it still go to the targets list first.
  subcommand
      .add_option("pytest_args", options.after_path,
                  "With --pytest-benchmark PATH: pytest arguments after --")
      ->expected(1, 1000)
      ->group("");  // not a real option: hidden from --help
  subcommand
      .add_option(
          "--import", options.imports,
          "Compare two saved pytest-benchmark JSON files (give it twice: --import A.json --import B.json)")
      ->allow_extra_args(false);
}

ExitCode run_pytest_benchmark(const PytestBenchmarkOptions& options, const PytestBenchmarkRequest& request) {
  core::Result<pb::SuiteResult> suite = core::Error{""};
  if (!options.imports.empty()) {
    if (options.run) {
      std::cerr << "error: --import compares saved files; it does not run --pytest-benchmark too\n";
      return ExitCode::kUsageError;
    }
    suite = import_runs(options.imports);
    if (!suite) {
      std::cerr << "error: " << suite.error().message << "\n";
      return ExitCode::kUsageError;
    }
  } else {
    PytestBenchmarkRequest all = request;
    all.words.insert(all.words.end(), options.after_path.begin(), options.after_path.end());
    auto config = suite_config(all);
    if (config) {
      if (auto checked = pb::check_user_args(config->pytest_args); !checked) config = checked.error();
    }
    if (!config) {
      std::cerr << "error: " << config.error().message << "\n";
      return ExitCode::kUsageError;
    }
    if (auto chosen = choose_interpreters(request, *config); !chosen) {
      std::cerr << "error: " << chosen.error().message << "\n";
      return ExitCode::kInterpreterFailed;
    }
    if (!request.quiet && ::isatty(STDERR_FILENO) != 0)
      config->progress = [](const std::string& line) { std::cerr << "\r\033[K" << line << std::flush; };
    run::install_interrupt_handler();
    suite = pb::run_suite(*config);
    if (config->progress) std::cerr << "\r\033[K" << std::flush;
    if (!suite) {
      std::cerr << "error: " << suite.error().message << "\n";
      return ExitCode::kInterpreterFailed;
    }
  }
  std::string text;
  if (request.format == "json") {
    nlohmann::json document{{"schema", "pypyready/1"}, {"bench", pb::suite_to_json(*suite)}};
    text = document.dump(2) + "\n";
  } else if (request.format == "markdown") {
    text = pb::render_suite_markdown(*suite);
  } else if (request.format == "csv") {
    text = bench::render_csv(suite->benchmarks);
  } else {
    text = pb::render_suite_text(*suite);
  }
  if (!request.output.empty()) {
    if (auto written = core::write_file_atomically(request.output, text); !written) {
      std::cerr << "error: " << written.error().message << "\n";
      return ExitCode::kUsageError;
    }
  } else {
    std::cout << text;
  }
  if (run::interrupted())
    std::cerr << "pypyready bench: interrupted; results above are from the processes that finished\n";
  return side_cannot_run(*suite) ? ExitCode::kInterpreterFailed : ExitCode::kSuccess;
}

}  // namespace pypyready::app
