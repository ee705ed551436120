// `pypyready check [PROJECT]`: one command from a project to a decision. Pipeline: configuration
// -> interpreters -> stages (scan, deps, test, bench, profile) -> decide -> write
// pypyready-report/ (report.json, report.md, index.html) -> the terminal summary.

#include <unistd.h>

#include <fmt/format.h>

#include <cstdlib>
#include <ctime>
#include <iostream>

#include "app/check/stages.h"
#include "app/commands/commands.h"
#include "app/commands/output.h"
#include "core/file_io.h"
#include "core/version.h"
#include "decide/decide.h"
#include "report/render.h"
#include "run/interrupt.h"

namespace pypyready::app {
namespace {

struct CheckOptions {
  std::string project = ".";
  std::string python;
  std::string pypy;
  std::vector<std::string> bench;
  bool test = false;
  std::string budget = "10m";
  std::string bench_budget;
  std::string report_dir = "pypyready-report";
  bool no_report = false;
  std::string format = "text";
  std::string output;
  bool quiet = false;
  bool no_color = false;
  std::vector<std::string> command_line;
};

std::string iso_now() {
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

// "90", "90s", "5m", "1h" -> seconds.
core::Result<double> parse_duration(const std::string& flag, const std::string& text) {
  char* end = nullptr;
  double value = std::strtod(text.c_str(), &end);
  std::string unit(end);
  double scale = unit.empty() || unit == "s" ? 1 : unit == "m" ? 60 : unit == "h" ? 3600 : -1;
  if (end == text.c_str() || scale < 0 || value <= 0)
    return core::Error{
        fmt::format("{} {}: expected seconds, or a number with s, m or h (90s, 5m)", flag, text)};
  return value * scale;
}

// A project needs Python files or dependency declarations for anything to be judged.
bool looks_like_python_project(const std::filesystem::path& root) {
  std::error_code error;
  int visited = 0;
  for (auto it = std::filesystem::recursive_directory_iterator(
           root, std::filesystem::directory_options::skip_permission_denied, error);
       !error && it != std::filesystem::recursive_directory_iterator() && visited < 20000;
       it.increment(error)) {
    ++visited;
    std::string name = it->path().filename().string();
    if (it->is_directory(error) && (name == ".git" || name == "node_modules" || name == ".venv")) {
      it.disable_recursion_pending();
      continue;
    }
    if (name.ends_with(".py") || name == "pyproject.toml" || name == "setup.cfg" || name == "Pipfile" ||
        (name.starts_with("requirements") && name.ends_with(".txt")))
      return true;
  }
  return false;
}

// --python, then the configuration, then the project's .venv, then python3 on PATH.
void choose_interpreters(const CheckOptions& options, check::CheckContext& context) {
  std::string python = !options.python.empty() ? options.python : context.config.python;
  context.interpreters_named = !python.empty() || !options.pypy.empty() || !context.config.pypy.empty();
  if (python.empty()) {
    std::filesystem::path venv = context.project / ".venv" / "bin" / "python";
    std::error_code error;
    python = std::filesystem::exists(venv, error) ? venv.string() : "python3";
  }
  std::string pypy = !options.pypy.empty()          ? options.pypy
                     : !context.config.pypy.empty() ? context.config.pypy
                                                    : "pypy3";
  auto selected = run::select_interpreters({{python, "cpython"}, {pypy, "pypy"}});
  auto& baseline = selected[0];
  auto& candidate = selected[1];
  std::vector<run::Interpreter> found;
  if (baseline) {
    found.push_back(*baseline);
  } else {
    context.baseline_problem = baseline.error().message;
  }
  if (candidate) {
    found.push_back(*candidate);
  } else {
    context.candidate_problem = candidate.error().message;
  }
  run::assign_ids(found);
  std::size_t next = 0;
  if (baseline) context.baseline = found[next++];
  if (candidate) context.candidate = found[next++];
  for (auto [interpreter, role] :
       {std::pair{&context.baseline, "baseline"}, std::pair{&context.candidate, "candidate"}}) {
    if (!*interpreter) continue;
    const run::Interpreter& i = **interpreter;
    context.results.interpreters.push_back(
        {i.id, i.implementation, i.version, i.implementation_version, i.executable, i.ext_suffix, role});
  }
}

ExitCode run_check(const CheckOptions& options) {
  std::string started_at = iso_now();
  auto budget = parse_duration("--budget", options.budget);
  if (!budget) {
    std::cerr << "pypyready check: " << budget.error().message << "\n";
    return ExitCode::kUsageError;
  }
  std::error_code error;
  if (!std::filesystem::is_directory(options.project, error)) {
    std::cerr << fmt::format("pypyready check: {}: not a folder; expected the project's root folder\n",
                             options.project);
    return ExitCode::kUsageError;
  }
  if (!looks_like_python_project(options.project)) {
    std::cerr << fmt::format(
        "pypyready check: {}: no Python files and no pyproject.toml, setup.cfg, Pipfile or "
        "requirements*.txt; "
        "expected a Python project folder (give its path: pypyready check PATH)\n",
        options.project);
    return ExitCode::kUsageError;
  }
  auto config = check::load_project_config(options.project);
  if (!config) {
    std::cerr << "pypyready check: " << config.error().message << "\n";
    return ExitCode::kUsageError;
  }

  check::CheckContext context;
  context.project = options.project;
  context.config = std::move(*config);
  context.deadline =
      std::chrono::steady_clock::now() +
      std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(*budget));
  context.bench_targets = options.bench.empty() ? context.config.bench.targets : options.bench;
  context.run_tests = options.test || context.config.test_declared;
  if (context.config.bench.time_budget_s) context.bench_budget_s = *context.config.bench.time_budget_s;
  if (!options.bench_budget.empty()) {
    auto per_target = parse_duration("--bench-budget", options.bench_budget);
    if (!per_target) {
      std::cerr << "pypyready check: " << per_target.error().message << "\n";
      return ExitCode::kUsageError;
    }
    context.bench_budget_s = *per_target;
  }
  bool live = !options.quiet && ::isatty(STDERR_FILENO) != 0;
  if (live) context.progress = [](const std::string& line) { std::cerr << "\r\033[K" << line << std::flush; };

  results::Results& results = context.results;
  results.tool = {core::kVersion, started_at, "", ""};
  for (const std::string& arg : options.command_line)
    results.tool.command_line += (results.tool.command_line.empty() ? "" : " ") + arg;
  std::filesystem::path absolute = std::filesystem::absolute(options.project, error).lexically_normal();
  std::string folder_name =
      (absolute.filename().empty() ? absolute.parent_path() : absolute).filename().string();
  results.project.root = options.project;
  results.project.name = context.config.project_name.empty() ? folder_name : context.config.project_name;
  if (context.config.file) {
    auto relative = std::filesystem::relative(*context.config.file, options.project, error);
    results.project.config_file = error ? context.config.file->string() : relative.generic_string();
  }

  run::install_interrupt_handler();
  choose_interpreters(options, context);
  check::run_stages(context);
  if (live) std::cerr << "\r\033[K" << std::flush;
  results.decision = decide::decide(results, context.config.decide);
  results.tool.finished_at = iso_now();

  std::string report_path;
  if (!options.no_report) {
    std::filesystem::path dir = options.report_dir;
    std::filesystem::create_directories(dir, error);
    auto json = core::write_file_atomically(dir / "report.json", report::render_json(results));
    auto markdown = core::write_file_atomically(dir / "report.md", report::render_markdown(results));
    auto html = core::write_file_atomically(dir / "index.html", report::render_html(results));
    for (const core::Status* written : {&json, &markdown, &html}) {
      if (!*written) {
        std::cerr << "pypyready check: " << written->error().message << "\n";
        return ExitCode::kUsageError;
      }
    }
    report_path = (dir / "index.html").string();
  }

  std::string text;
  if (options.format == "json") {
    text = report::render_json(results);
  } else if (options.format == "markdown") {
    text = report::render_markdown(results);
  } else {
    const char* no_color = std::getenv("NO_COLOR");
    report::TextOptions render;
    render.color = !options.no_color && options.output.empty() && ::isatty(STDOUT_FILENO) &&
                   (no_color == nullptr || *no_color == '\0');
    render.report_path = report_path;
    text = report::render_text(results, render);
  }
  if (!emit_report("check", options.output, text)) return ExitCode::kUsageError;
  if (run::interrupted())
    std::cerr << "pypyready check: interrupted; the report covers the stages that finished\n";
  // Blockers to fix are the failure threshold; stay and inconclusive are answers, not failures.
  return results.decision->verdict == "migrate-after-fixes" ? ExitCode::kFindings : ExitCode::kSuccess;
}

}  // namespace

CommandRunner add_check_command(CLI::App& subcommand) {
  auto options = std::make_shared<CheckOptions>();
  subcommand.add_option("project", options->project, "The project's root folder (default: .)");
  subcommand.add_option("--python", options->python,
                        "Baseline CPython (default: [tool.pypyready] python, the project's .venv, python3)");
  subcommand.add_option("--pypy", options->pypy, "Candidate PyPy (default: [tool.pypyready] pypy, pypy3)");
  subcommand.add_option(
      "--bench", options->bench,
      "Benchmark this FILE.py or FILE.py:FUNC (repeatable; default: [tool.pypyready.bench] targets)");
  subcommand.add_flag(
      "--test", options->test,
      "Run the test suite under both interpreters (default: when [tool.pypyready.test] exists)");
  subcommand.add_option("--budget", options->budget, "Total time for all stages: 90s, 10m")
      ->capture_default_str();
  subcommand.add_option("--bench-budget", options->bench_budget,
                        "Time per benchmark target (default: [tool.pypyready.bench] time-budget, 60s)");
  subcommand.add_option("--report-dir", options->report_dir, "Where report.json, .md and index.html go")
      ->capture_default_str();
  subcommand.add_flag("--no-report", options->no_report, "Do not write the report folder");
  subcommand.add_option("--format", options->format, "Output format on stdout")
      ->check(CLI::IsMember({"text", "json", "markdown"}))
      ->capture_default_str();
  subcommand.add_option("--output,-o", options->output, "Write the output to FILE (atomically)");
  subcommand.add_flag("--quiet,-q", options->quiet, "No progress on stderr");
  subcommand.add_flag("--no-color", options->no_color, "Never colour the output");
  return [options, &subcommand] {
    options->command_line = {"pypyready", "check"};
    for (const std::string& arg : subcommand.remaining())
      options->command_line.push_back(arg);
    return run_check(*options);
  };
}

}  // namespace pypyready::app
