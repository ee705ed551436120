// `pypyready bench [TARGETS...]`: both interpreters on the same work. Pipeline: select
// interpreters -> run the harness per target -> render; --save/--compare keep runs in .pypyready/bench/;
// --merge pools saved runs (bench_merge.cpp).

#include <unistd.h>

#include <fmt/format.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <iostream>

#include "app/commands/bench_merge.h"
#include "app/commands/bench_pytest_benchmark.h"
#include "app/commands/bench_service.h"
#include "app/commands/commands.h"
#include "app/commands/output.h"
#include "bench/compare.h"
#include "bench/cpu_pinning.h"
#include "bench/harness.h"
#include "bench/render.h"
#include "core/file_io.h"
#include "run/interrupt.h"

namespace pypyready::app {
namespace {

struct BenchOptions {
  std::vector<std::string> targets;
  std::vector<std::string> pythons;
  std::vector<std::string> pypys;
  std::string time_budget = "90s";
  int min_runs = 5;
  int max_runs = 30;
  std::string ci_width = "0.05";
  double min_speedup = 1.2;
  std::string memory_limit;
  double timeout_s = 0;
  std::string cpu = "auto";
  std::string save;
  std::string compare;
  bool merge = false;  // the targets are saved runs to pool
  std::string format = "text";
  std::string output;
  bool quiet = false;
  ServiceOptions service;                   ///< --service and its options (bench_service.cpp)
  PytestBenchmarkOptions pytest_benchmark;  ///< --pytest-benchmark, --import (bench_pytest_benchmark.cpp)
};

// "90", "90s", "5m", "1h" -> seconds.
core::Result<double> parse_duration(const std::string& text) {
  char* end = nullptr;
  double value = std::strtod(text.c_str(), &end);
  std::string unit(end);
  double scale = unit.empty() || unit == "s" ? 1 : unit == "m" ? 60 : unit == "h" ? 3600 : -1;
  if (end == text.c_str() || scale < 0 || value <= 0)
    return core::Error{
        fmt::format("--time-budget {}: expected seconds, or a number with s, m or h (90s, 5m)", text)};
  return value * scale;
}

// "0.05" or "5%" -> 0.05.
core::Result<double> parse_fraction(const std::string& text) {
  char* end = nullptr;
  double value = std::strtod(text.c_str(), &end);
  std::string unit(end);
  double scale = unit.empty() ? 1 : unit == "%" ? 0.01 : -1;
  if (end == text.c_str() || scale < 0 || value <= 0 || value * scale >= 1)
    return core::Error{
        fmt::format("--ci-width {}: expected a fraction below 1 or a percentage (0.05, 5%)", text)};
  return value * scale;
}

// "512M", "2G", "100000000" -> bytes.
core::Result<std::uint64_t> parse_size(const std::string& text) {
  char* end = nullptr;
  double value = std::strtod(text.c_str(), &end);
  std::string unit(end);
  double scale = unit.empty() || unit == "B"      ? 1
                 : (unit == "K" || unit == "KiB") ? 1024
                 : (unit == "M" || unit == "MiB") ? 1048576
                 : (unit == "G" || unit == "GiB") ? 1073741824.0
                                                  : -1;
  if (end == text.c_str() || scale < 0 || value <= 0)
    return core::Error{
        fmt::format("--memory-limit {}: expected bytes or a number with K, M or G (512M)", text)};
  return static_cast<std::uint64_t>(value * scale);
}

ExitCode run_bench(const BenchOptions& options) {
  auto command_started = std::chrono::steady_clock::now();
  if (options.merge) {
    if (options.service.active() || options.pytest_benchmark.wanted() || !options.save.empty() ||
        !options.compare.empty()) {
      std::cerr << "error: --merge reads saved runs and measures nothing: give it no --service, "
                   "--pytest-benchmark, --save or --compare\n";
      return ExitCode::kUsageError;
    }
    if (options.targets.empty()) {
      std::cerr
          << "error: --merge needs the saved runs to pool: pypyready bench --merge RUN.json RUN.json...\n";
      return ExitCode::kUsageError;
    }
    return run_bench_merge(options.targets, options.format, options.output);
  }
  auto budget = parse_duration(options.time_budget);
  if (!budget) {
    std::cerr << "error: " << budget.error().message << "\n";
    return ExitCode::kUsageError;
  }
  auto ci_width = parse_fraction(options.ci_width);
  if (!ci_width) {
    std::cerr << "error: " << ci_width.error().message << "\n";
    return ExitCode::kUsageError;
  }
  bench::BenchConfig config;
  config.time_budget_s = *budget;
  config.min_runs = std::max(2, options.min_runs);
  config.max_runs = std::max(config.min_runs, options.max_runs);
  config.ci_width = *ci_width;
  config.min_speedup = options.min_speedup;
  config.timeout_s = options.timeout_s;
  // A service and wrk use several CPUs: no pinning, and no look at the CPUs' load for it.
  auto cpu = bench::choose_cpu(options.service.active() ? "any" : options.cpu);
  if (!cpu) {
    std::cerr << "error: " << cpu.error().message << "\n";
    return ExitCode::kUsageError;
  }
  config.cpu = *cpu;
  if (!options.memory_limit.empty()) {
    auto limit = parse_size(options.memory_limit);
    if (!limit) {
      std::cerr << "error: " << limit.error().message << "\n";
      return ExitCode::kUsageError;
    }
    config.memory_limit_bytes = *limit;
  }
  if (options.pytest_benchmark.wanted()) {
    if (!options.save.empty() || !options.compare.empty()) {
      std::cerr << "error: --save and --compare do not apply to --pytest-benchmark or --import\n";
      return ExitCode::kUsageError;
    }
    return run_pytest_benchmark(options.pytest_benchmark,
                                {config, options.targets, options.pythons, options.pypys, options.format,
                                 options.output, options.quiet});
  }
  std::vector<run::InterpreterRequest> wanted;
  for (const auto& p : options.pythons.empty() ? std::vector<std::string>{"python3"} : options.pythons)
    wanted.push_back({p, "cpython"});
  for (const auto& p : options.pypys.empty() ? std::vector<std::string>{"pypy3"} : options.pypys)
    wanted.push_back({p, "pypy"});
  for (auto& interpreter : run::select_interpreters(wanted)) {
    if (!interpreter) {
      std::cerr << "error: " << interpreter.error().message << "\n";
      return ExitCode::kInterpreterFailed;
    }
    config.interpreters.push_back(std::move(*interpreter));
  }
  run::assign_ids(config.interpreters);
  if (options.service.active())
    return run_service_bench(options.service, config.interpreters, options.format, options.output,
                             options.quiet);
  if (options.targets.empty()) {
    std::cerr << "error: no target: give FILE.py, FILE.py:FUNC, or -- CMD ARGS\n";
    return ExitCode::kUsageError;
  }

  // A first word that is not a Python file makes the whole list one command.
  std::vector<bench::BenchConfig> configs;
  const std::string& first = options.targets[0];
  bool command_mode = !first.ends_with(".py") && first.find(".py:") == std::string::npos;
  if (command_mode) {
    config.command = options.targets;
    configs.push_back(config);
  } else {
    for (const auto& target : options.targets) {
      bench::BenchConfig one = config;
      auto colon = target.rfind(':');
      one.file = colon != std::string::npos && target.substr(0, colon).ends_with(".py")
                     ? target.substr(0, colon)
                     : target;
      if (one.file.size() != target.size()) one.function = target.substr(colon + 1);
      if (!std::filesystem::is_regular_file(one.file)) {
        std::cerr << "error: " << one.file << ": no such file (expected FILE.py or FILE.py:FUNC)\n";
        return ExitCode::kUsageError;
      }
      one.file = std::filesystem::absolute(one.file).string();
      configs.push_back(one);
    }
  }

  run::install_interrupt_handler();
  bool live = !options.quiet && ::isatty(STDERR_FILENO) != 0;
  std::vector<bench::BenchmarkResult> results;
  configs.front().budget_started = command_started;
  for (auto& one : configs) {
    if (live) one.progress = [](const std::string& line) { std::cerr << "\r\033[K" << line << std::flush; };
    results.push_back(bench::run_benchmark(one));
    if (live) std::cerr << "\r\033[K" << std::flush;
    if (run::interrupted()) break;
  }

  nlohmann::json section = bench::to_json(results);
  nlohmann::json document{{"schema", "pypyready/1"}, {"bench", section}};
  std::vector<bench::Change> changes;
  ExitCode code = ExitCode::kSuccess;
  if (!options.compare.empty()) {
    auto path = std::filesystem::path(".pypyready/bench") / (options.compare + ".json");
    auto saved = core::read_file(path);
    if (!saved) {
      std::cerr << "error: --compare " << options.compare << ": " << saved.error().message << "\n";
      return ExitCode::kUsageError;
    }
    nlohmann::json old_document = nlohmann::json::parse(*saved, nullptr, false);
    if (old_document.is_discarded() || !old_document.contains("bench")) {
      std::cerr << "error: " << path.string() << ": expected a JSON document with a \"bench\" section "
                << "(written by pypyready bench --save)\n";
      return ExitCode::kUsageError;
    }
    changes = bench::compare_sections(old_document["bench"], section);
    if (bench::has_regression(changes)) code = ExitCode::kFindings;
    document["compare"] = bench::changes_json(changes);
    document["compare"]["with"] = options.compare;
  }
  std::string text;
  if (options.format == "json") {
    text = document.dump(2) + "\n";
  } else if (options.format == "markdown") {
    text = bench::render_markdown(results);
    if (!options.compare.empty())
      text += "\n## Compared with " + options.compare + "\n\n" + bench::render_changes_markdown(changes);
  } else if (options.format == "csv") {
    text = bench::render_csv(results);
  } else {
    text = bench::render_text(results);
    if (!options.compare.empty())
      text += "compared with " + options.compare + ":\n" + bench::render_changes_text(changes);
  }
  if (!options.save.empty()) {
    nlohmann::json saved_document{{"schema", "pypyready/1"}, {"bench", section}};
    std::error_code ec;
    std::filesystem::create_directories(".pypyready/bench", ec);
    auto written = core::write_file_atomically(
        std::filesystem::path(".pypyready/bench") / (options.save + ".json"), saved_document.dump(2) + "\n");
    if (!written) {
      std::cerr << "error: " << written.error().message << "\n";
      return ExitCode::kUsageError;
    }
  }
  if (!emit_report("bench", options.output, text)) return ExitCode::kUsageError;
  if (run::interrupted()) std::cerr << "pypyready bench: interrupted; results above are from finished runs\n";
  return code;
}

}  // namespace

CommandRunner add_bench_command(CLI::App& subcommand) {
  auto options = std::make_shared<BenchOptions>();
  subcommand.add_option("targets", options->targets,
                        "FILE.py, FILE.py:FUNC, or -- CMD ARGS; with --merge, the saved runs (RUN.json)");
  // One value per occurrence: `--pypy pypy3 prog.py` must leave prog.py to the targets.
  subcommand.add_option("--python", options->pythons, "Baseline CPython (repeatable; default python3)")
      ->allow_extra_args(false);
  subcommand.add_option("--pypy", options->pypys, "Candidate PyPy (repeatable; default pypy3)")
      ->allow_extra_args(false);
  subcommand
      .add_option("--time-budget", options->time_budget,
                  "Total time per target, the set-up before the first included: 90, 90s, 5m")
      ->capture_default_str();
  subcommand.add_option("--min-runs", options->min_runs, "Processes per interpreter at least")
      ->capture_default_str();
  subcommand.add_option("--max-runs", options->max_runs, "Processes per interpreter at most")
      ->capture_default_str();
  subcommand
      .add_option("--ci-width", options->ci_width,
                  "Stop when the 95% CI half-width is below this fraction of the estimate (0.05 or 5%)")
      ->capture_default_str();
  subcommand
      .add_option("--min-speedup", options->min_speedup,
                  "Speedup that makes PyPy worth it; the run stops once the CI is wholly above or below it "
                  "(0: never)")
      ->capture_default_str();
  subcommand.add_option("--memory-limit", options->memory_limit,
                        "Kill a run whose RSS exceeds this (512M, 2G)");
  subcommand.add_option("--timeout", options->timeout_s,
                        "Seconds a process may run (default: from the budget)");
  subcommand
      .add_option("--cpu", options->cpu,
                  "CPU every measured process runs on: auto (the least busy), a number, or any (no pinning, "
                  "for commands that use several CPUs)")
      ->capture_default_str();
  subcommand.add_option("--save", options->save, "Save results as .pypyready/bench/NAME.json");
  subcommand.add_option("--compare", options->compare, "Compare with .pypyready/bench/NAME.json");
  // A flag, with the runs as the targets: an option taking the files would also take whatever
  // option follows it (`--merge --format json *.json`).
  subcommand.add_flag("--merge", options->merge,
                      "Pool the saved runs given as targets (bench --format json or --save files, from other "
                      "machines or times) into one speedup per benchmark whose interval counts the spread "
                      "between runs");
  subcommand.add_option("--format", options->format, "Output format")
      ->check(CLI::IsMember({"text", "json", "markdown", "csv"}))
      ->capture_default_str();
  subcommand.add_option("--output", options->output, "Write to FILE instead of stdout");
  subcommand.add_flag("--quiet", options->quiet, "No progress line");
  add_service_options(subcommand, options->service);
  add_pytest_benchmark_options(subcommand, options->pytest_benchmark);
  return [options] { return run_bench(*options); };
}

}  // namespace pypyready::app
