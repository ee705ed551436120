// `pypyready profile -- CMD ARGS`: one run of a Python program under CPython with the sampler
// probe, then where its time went, the hotspots and the predicted PyPy speedup as a range;
// --verify also measures PyPy on the same command with the bench harness.
// Pipeline: understand CMD -> pick CPython -> sampled run -> analyse -> (verify) -> render.

#include <unistd.h>

#include <fmt/format.h>

#include <filesystem>
#include <iostream>

#include "app/commands/commands.h"
#include "app/commands/output.h"
#include "bench/harness.h"
#include "profile/analyze.h"
#include "run/interpreters.h"
#include "run/interrupt.h"

namespace pypyready::app {
namespace {

struct ProfileOptions {
  std::vector<std::string> command;
  std::string python;
  std::string pypy = "pypy3";
  bool verify = false;
  double verify_budget_s = 60;
  double interval_ms = 5;
  double timeout_s = 0;
  std::size_t top = 10;
  std::string format = "text";
  std::string output;
  bool quiet = false;
};

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& word : words)
    out += (out.empty() ? "" : " ") + (word.find(' ') != std::string::npos ? "'" + word + "'" : word);
  return out;
}

// Measures PyPy and CPython on the same command; fills the report's verification.
std::optional<std::string> verify(const ProfileOptions& options, const profile::Program& program,
                                  const run::Interpreter& cpython, const run::Interpreter& pypy,
                                  profile::ProfileReport& report, bool live) {
  bench::BenchConfig config;
  config.interpreters = {cpython, pypy};
  run::assign_ids(config.interpreters);
  config.command = profile::bench_command(program);
  config.time_budget_s = options.verify_budget_s;
  config.min_runs = 3;
  // PyPy may be many times slower than CPython here (C extensions): the harness's default
  // timeout (a third of the budget) would call that a failure.
  config.timeout_s = options.timeout_s > 0 ? options.timeout_s : std::max(60.0, options.verify_budget_s);
  if (live) config.progress = [](const std::string& line) { std::cerr << "\r\033[K" << line << std::flush; };
  bench::BenchmarkResult measured = bench::run_benchmark(config);
  if (live) std::cerr << "\r\033[K" << std::flush;
  for (const auto& side : measured.per_interpreter)
    if (!side.ok) return fmt::format("--verify: {} cannot run the command: {}", side.id, side.reason);
  if (measured.comparisons.empty() || !measured.comparisons[0].speedup)
    return std::string("--verify: too few runs to measure a speedup (raise --verify-budget)");
  const auto& s = *measured.comparisons[0].speedup;
  report.verification = profile::verify_prediction(report.prediction, s.estimate, s.low, s.high);
  if (const auto& cpu = measured.comparisons[0].speedup_cpu) {
    report.verification->measured_cpu = cpu->estimate;
    report.verification->cpu_ci_low = cpu->low;
    report.verification->cpu_ci_high = cpu->high;
  }
  return std::nullopt;
}

ExitCode run_profile_command(const ProfileOptions& options) {
  auto program = profile::parse_program(options.command, profile::find_python_script);
  if (!program) {
    std::cerr << "error: " << program.error().message << "\n";
    return ExitCode::kUsageError;
  }
  if (program->mode == "script" && !std::filesystem::is_regular_file(program->target)) {
    std::cerr << "error: " << program->target << ": no such file\n";
    return ExitCode::kUsageError;
  }
  std::string python = !options.python.empty()         ? options.python
                       : !program->interpreter.empty() ? program->interpreter
                                                       : std::string("python3");
  auto cpython = run::select_interpreter(python, "cpython");
  if (!cpython) {
    std::cerr << "error: " << cpython.error().message << "\n";
    return ExitCode::kUsageError;
  }
  if (cpython->implementation != "cpython") {
    std::cerr << "error: " << python << " is " << cpython->implementation
              << ": the profile is taken under CPython (give python3, or --python)\n";
    return ExitCode::kUsageError;
  }
  if (options.interval_ms < 0.5 || options.interval_ms > 1000) {
    std::cerr << "error: --interval " << options.interval_ms << ": expected 0.5 to 1000 ms\n";
    return ExitCode::kUsageError;
  }

  run::install_interrupt_handler();
  bool live = !options.quiet && ::isatty(STDERR_FILENO) != 0;
  if (live) std::cerr << "profiling under " << cpython->id << "..." << std::flush;
  profile::ProfileRequest request;
  request.program = *program;
  request.interpreter = cpython->path.string();
  request.interval_s = options.interval_ms / 1000;
  request.timeout_s = options.timeout_s;
  auto ran = profile::run_profile(request);
  if (live) std::cerr << "\r\033[K" << std::flush;
  if (!ran) {
    std::cerr << "error: " << joined(options.command) << ": " << ran.error().message << "\n";
    return ExitCode::kInterpreterFailed;
  }

  // PyPy's start-up, measured when there is a PyPy; the model's default otherwise.
  profile::ModelParameters parameters;
  std::optional<run::Interpreter> pypy;
  if (auto found = run::select_interpreter(options.pypy, "pypy"); found && found->implementation == "pypy") {
    pypy = *found;
    if (auto startup = profile::measure_startup(pypy->path.string())) parameters.pypy_startup_s = *startup;
  }
  profile::ProfileReport report = profile::analyze_run(*ran, joined(options.command), parameters);
  if (!pypy) report.warnings.push_back("no PyPy found (" + options.pypy + "): its start-up time is assumed");

  if (options.verify && !run::interrupted()) {
    if (!pypy) {
      std::cerr << "error: --verify needs a PyPy: " << options.pypy << " was not found (--pypy INTERP)\n";
      return ExitCode::kInterpreterFailed;
    }
    if (auto problem = verify(options, *program, *cpython, *pypy, report, live)) {
      std::cerr << "error: " << *problem << "\n";
      return ExitCode::kInterpreterFailed;
    }
  }
  if (run::interrupted()) {
    std::cerr << "pypyready profile: interrupted\n";
    return ExitCode::kInterpreterFailed;
  }

  std::string text;
  if (options.format == "json") {
    text = nlohmann::json{{"schema", "pypyready/1"}, {"profile", profile::to_json(report)}}.dump(2) + "\n";
  } else if (options.format == "markdown") {
    text = profile::render_markdown(report, options.top);
  } else {
    text = profile::render_text(report, options.top);
  }
  if (!emit_report("profile", options.output, text)) return ExitCode::kUsageError;
  return ExitCode::kSuccess;
}

}  // namespace

CommandRunner add_profile_command(CLI::App& subcommand) {
  auto options = std::make_shared<ProfileOptions>();
  subcommand.add_option(
      "command", options->command,
      "-- python3 SCRIPT.py ARGS, -- python3 -m MODULE, -- SCRIPT.py, or a Python console script");
  subcommand.add_option("--python", options->python,
                        "The CPython to profile under (default: CMD's, or python3)");
  subcommand.add_option("--pypy", options->pypy, "The PyPy to predict for and --verify with")
      ->capture_default_str();
  subcommand.add_flag("--verify", options->verify, "Also measure the real PyPy speedup (bench harness)");
  subcommand.add_option("--verify-budget", options->verify_budget_s, "Seconds for --verify's measurements")
      ->capture_default_str();
  subcommand.add_option("--interval", options->interval_ms, "Sampling interval in milliseconds")
      ->capture_default_str();
  subcommand.add_option("--timeout", options->timeout_s, "Seconds the program may run (0: no limit)")
      ->capture_default_str();
  subcommand.add_option("--top", options->top, "Hotspot rows")->capture_default_str();
  subcommand.add_option("--format", options->format, "Output format")
      ->check(CLI::IsMember({"text", "json", "markdown"}))
      ->capture_default_str();
  subcommand.add_option("--output,-o", options->output, "Write to FILE instead of stdout");
  subcommand.add_flag("--quiet,-q", options->quiet, "No progress on stderr");
  return [options] { return run_profile_command(*options); };
}

}  // namespace pypyready::app
