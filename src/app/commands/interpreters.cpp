// `pypyready interpreters`: every Python found (PATH, pyenv, conda, virtual environments), each
// probed in a child for implementation, version, ABI tag and venv/pip availability.
// Pipeline: find candidates -> probe each -> deduplicate -> render.

#include <fmt/format.h>

#include <iostream>
#include <set>

#include "app/commands/commands.h"
#include "app/commands/output.h"
#include "run/interpreters.h"
#include "run/interpreters_render.h"

namespace pypyready::app {
namespace {

struct InterpretersOptions {
  std::string project = ".";
  std::vector<std::string> pythons;
  std::vector<std::string> pypys;
  std::string format = "text";
  std::string output;
  double timeout_s = 15;
};

ExitCode run_interpreters(const InterpretersOptions& options) {
  std::vector<run::Interpreter> found;
  std::vector<std::string> problems;
  bool explicit_failed = false;
  auto timeout = std::chrono::milliseconds(static_cast<long long>(options.timeout_s * 1000));

  for (const auto& [names, kind] :
       {std::pair{&options.pythons, "cpython"}, std::pair{&options.pypys, "pypy"}}) {
    for (const std::string& name : *names) {
      auto interpreter = run::select_interpreter(name, kind);
      if (interpreter) {
        found.push_back(std::move(*interpreter));
      } else {
        problems.push_back(interpreter.error().message);
        explicit_failed = true;
      }
    }
  }
  if (options.pythons.empty() && options.pypys.empty()) {
    for (const auto& candidate :
         run::find_candidates(run::DiscoveryEnvironment::from_process(options.project))) {
      auto interpreter = run::probe_interpreter(candidate.path, timeout);
      if (!interpreter) {
        problems.push_back(interpreter.error().message);
        continue;
      }
      interpreter->found_by.push_back(candidate.found_by);
      // Two names for one installation (python3 and python3.11 in different folders) merge here.
      bool merged = false;
      for (auto& known : found) {
        if (known.executable == interpreter->executable && known.prefix == interpreter->prefix &&
            known.in_venv == interpreter->in_venv) {
          if (std::find(known.found_by.begin(), known.found_by.end(), candidate.found_by) ==
              known.found_by.end())
            known.found_by.push_back(candidate.found_by);
          merged = true;
        }
      }
      if (!merged) found.push_back(std::move(*interpreter));
    }
    bool has_pypy =
        std::any_of(found.begin(), found.end(), [](const auto& i) { return i.implementation == "pypy"; });
    if (!has_pypy) problems.push_back("no PyPy found; " + run::install_hint("pypy"));
  }
  run::assign_ids(found);

  std::string text;
  if (options.format == "json") {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& interpreter : found)
      list.push_back(run::interpreter_to_json(interpreter));
    nlohmann::json document{{"schema", "pypyready/1"}, {"interpreters", list}, {"problems", problems}};
    text = document.dump(2) + "\n";
  } else {
    text = run::render_interpreters_text(found, problems);
  }
  if (!emit_report("interpreters", options.output, text)) return ExitCode::kUsageError;
  if (explicit_failed) {
    for (const auto& problem : problems)
      std::cerr << "error: " << problem << "\n";
    return ExitCode::kInterpreterFailed;
  }
  return found.empty() ? ExitCode::kInterpreterFailed : ExitCode::kSuccess;
}

}  // namespace

CommandRunner add_interpreters_command(CLI::App& subcommand) {
  auto options = std::make_shared<InterpretersOptions>();
  subcommand.add_option("--project", options->project, "Project folder whose .venv is included")
      ->capture_default_str();
  subcommand
      .add_option("--python", options->pythons, "Probe only this CPython (path or name on PATH; repeatable)")
      ->allow_extra_args(false);
  subcommand.add_option("--pypy", options->pypys, "Probe only this PyPy (path or name on PATH; repeatable)")
      ->allow_extra_args(false);
  subcommand.add_option("--format", options->format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  subcommand.add_option("--output", options->output, "Write to FILE instead of stdout");
  subcommand.add_option("--timeout", options->timeout_s, "Seconds each probe may take")
      ->capture_default_str();
  return [options] { return run_interpreters(*options); };
}

}  // namespace pypyready::app
