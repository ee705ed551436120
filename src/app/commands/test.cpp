// `pypyready test [--project DIR] [-- PYTEST ARGS]`: the test suite under CPython and PyPy. Pipeline:
// run_suites (both runs, matrix, reruns, causes, findings) -> render -> exit code
// (1 while a PyPy-only failure remains, 3 when the suite could not run under both).

#include <unistd.h>

#include <iostream>

#include "app/commands/commands.h"
#include "app/commands/output.h"
#include "run/interrupt.h"
#include "testdiff/render.h"
#include "testdiff/run_suites.h"

namespace pypyready::app {
namespace {

struct TestCommandOptions {
  std::string project = ".";
  std::string python;
  std::string pypy;
  std::vector<std::string> pytest_args;
  double timeout_s = 0;
  int reruns = -1;
  bool no_findings = false;
  std::string format = "text";
  std::string output;
  bool quiet = false;
};

ExitCode run_test(const TestCommandOptions& options) {
  testdiff::TestOptions test;
  test.project = options.project;
  test.python = options.python;
  test.pypy = options.pypy;
  if (!options.pytest_args.empty()) {
    // Words after `--` are pytest's arguments, unless they spell out a whole command.
    const std::string& first = options.pytest_args.front();
    bool whole_command = first == "python" || first == "python3" || first == "pytest" || first == "{python}";
    test.command = whole_command ? options.pytest_args : std::vector<std::string>{"python", "-m", "pytest"};
    if (!whole_command)
      test.command.insert(test.command.end(), options.pytest_args.begin(), options.pytest_args.end());
  }
  test.timeout_s = options.timeout_s;
  test.reruns = options.reruns;
  test.link_findings = !options.no_findings;
  if (!options.quiet && ::isatty(STDERR_FILENO) != 0)
    test.progress = [](const std::string& line) { std::cerr << "\r\033[K" << line << std::flush; };
  else if (!options.quiet)
    test.progress = [](const std::string& line) { std::cerr << "pypyready test: " << line << "\n"; };

  run::install_interrupt_handler();
  auto results = testdiff::run_suites(test);
  if (test.progress && ::isatty(STDERR_FILENO) != 0) std::cerr << "\r\033[K" << std::flush;
  if (!results) {
    std::cerr << "error: " << results.error().message << "\n";
    return ExitCode::kUsageError;
  }
  std::string text;
  if (options.format == "json") {
    nlohmann::json document{{"schema", "pypyready/1"}, {"test", testdiff::to_json(*results)}};
    text = document.dump(2) + "\n";
  } else if (options.format == "markdown") {
    text = testdiff::render_markdown(*results);
  } else {
    text = testdiff::render_text(*results);
  }
  if (!emit_report("test", options.output, text)) return ExitCode::kUsageError;
  if (run::interrupted()) std::cerr << "pypyready test: interrupted; results above are from finished runs\n";
  if (results->could_not_run()) return ExitCode::kInterpreterFailed;
  return results->real_pypy_only_failures() > 0 ? ExitCode::kFindings : ExitCode::kSuccess;
}

}  // namespace

CommandRunner add_test_command(CLI::App& subcommand) {
  auto options = std::make_shared<TestCommandOptions>();
  subcommand.add_option("pytest_args", options->pytest_args,
                        "After --: pytest arguments, or a whole command");
  subcommand.add_option("--project", options->project, "Project root, where the tests run (default: .)");
  subcommand.add_option("--python", options->python,
                        "Baseline CPython (default: project .venv, else python3)");
  subcommand.add_option("--pypy", options->pypy,
                        "Candidate PyPy (default: project .venv/.venv-pypy, else pypy3)");
  subcommand.add_option("--timeout", options->timeout_s,
                        "Seconds one run of the suite may take (default 600)");
  subcommand.add_option("--reruns", options->reruns,
                        "Reruns of each PyPy-only failure to tell flaky from real (default 3)");
  subcommand.add_flag("--no-findings", options->no_findings,
                      "Do not scan the project to link failures to findings");
  subcommand.add_option("--format", options->format, "Output format")
      ->check(CLI::IsMember({"text", "json", "markdown"}))
      ->capture_default_str();
  subcommand.add_option("--output", options->output, "Write to FILE instead of stdout");
  subcommand.add_flag("--quiet", options->quiet, "No progress on stderr");
  return [options] { return run_test(*options); };
}

}  // namespace pypyready::app
