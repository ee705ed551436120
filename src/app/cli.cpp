#include "app/cli.h"

#include <fmt/format.h>

#include <array>
#include <iostream>

#include "app/command.h"
#include "app/commands/commands.h"
#include "core/version.h"

namespace pypyready::app {
namespace {

// The command table, sorted by name: the whole product on one screen.
constexpr std::array kCommands{
    CommandSpec{"bench",
                "Measure CPython and PyPy on your workload: start-up, warmup, steady speedup with 95% CI",
                add_bench_command},
    CommandSpec{"check",
                "Everything on a project, then the verdict: migrate, migrate after fixes, stay, inconclusive",
                add_check_command},
    CommandSpec{"debug", "Developer views of the Python front end: tokens and syntax tree",
                add_debug_command},
    CommandSpec{"deps",
                "Which dependencies block PyPy, with evidence: declarations, installed files, C-API check",
                add_deps_command},
    CommandSpec{"generate", "The man page and shell completions (hidden; used by the build)",
                add_generate_command},
    CommandSpec{
        "profile",
        "Where a Python program's time goes under CPython, its hotspots, and the predicted PyPy speedup",
        add_profile_command},
    CommandSpec{"report", "Re-render a saved report.json as text, JSON, Markdown or HTML",
                add_report_command},
    CommandSpec{"rule",
                "One rule's documentation: what it finds, why it matters on PyPy, what to use instead",
                add_rule_command},
    CommandSpec{"rules", "The catalogue of scan rules", add_rules_command},
    CommandSpec{"scan", "Find code that behaves differently or breaks on PyPy", add_scan_command},
    CommandSpec{"test",
                "The test suite under CPython and PyPy: per-test outcomes, PyPy-only failures, likely causes",
                add_test_command},
    CommandSpec{"interpreters",
                "Every Python found (PATH, pyenv, conda, virtual environments), probed for version and ABI",
                add_interpreters_command},
};

}  // namespace

ExitCode run_cli(int argc, char** argv) {
  CLI::App app{
      "pypyready: should this Python project move from CPython to PyPy, what will break, "
      "and what will it gain?",
      "pypyready"};
  app.set_version_flag("--version", fmt::format("pypyready {}", core::kVersion));
  app.require_subcommand(1);
  app.fallthrough();

  CommandRunner chosen;
  std::vector<std::pair<CLI::App*, CommandRunner>> runners;
  for (const CommandSpec& spec : kCommands) {
    CLI::App* subcommand = app.add_subcommand(std::string(spec.name), std::string(spec.summary));
    runners.emplace_back(subcommand, spec.add(*subcommand));
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    int code = app.exit(error);
    return code == 0 ? ExitCode::kSuccess : ExitCode::kUsageError;
  }
  for (auto& [subcommand, runner] : runners) {
    if (subcommand->parsed()) return runner();
  }
  return ExitCode::kUsageError;
}

}  // namespace pypyready::app
