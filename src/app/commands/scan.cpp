// `pypyready scan [PATHS...]`: find code that behaves differently or breaks on PyPy.
// Pipeline: configuration -> discover files -> check in parallel -> render -> exit code.

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "app/commands/commands.h"
#include "app/commands/scan_baseline.h"
#include "app/commands/scan_target.h"
#include "scan/checker.h"
#include "scan/config.h"
#include "scan/discovery.h"
#include "scan/render/render.h"
#include "scan/runner.h"
#include "scan/selection.h"

namespace pypyready::app {
namespace {

struct ScanOptions {
  std::vector<std::string> paths;
  std::vector<std::string> select;
  std::vector<std::string> ignore;
  std::vector<std::string> exclude;
  std::string format = "text";
  std::string fail_on = "error";
  std::string target_pypy;
  std::string output;
  std::string baseline;
  bool statistics = false;
  bool exit_zero = false;
  bool include_pyi = false;
  bool no_gitignore = false;
  bool fix = false;
  bool diff = false;
  unsigned threads = 0;
};

// Codes given as "PPY001,PPY002" or repeated flags.
std::vector<std::string> split_codes(const std::vector<std::string>& values) {
  std::vector<std::string> codes;
  for (const std::string& value : values) {
    std::stringstream stream(value);
    std::string code;
    while (std::getline(stream, code, ',')) {
      if (!code.empty()) codes.push_back(code);
    }
  }
  return codes;
}

// --diff: the diffs on `out`, problems and a count on stderr; exit 1 when there is something
// to fix, like a check that fails until the fixes are applied.
ExitCode print_diffs(const scan::ScanReport& report, std::ostream& out, bool exit_zero) {
  std::size_t fixes = 0, files = 0;
  for (const scan::FileResult& file : report.files) {
    out << file.diff;
    if (file.fixed != 0) ++files;
    fixes += file.fixed;
    if (file.read_error) std::cerr << "error: " << *file.read_error << '\n';
    if (file.fix_error) std::cerr << "error: " << *file.fix_error << '\n';
  }
  for (const std::string& error : report.errors)
    std::cerr << "error: " << error << '\n';
  out.flush();
  std::cerr << fmt::format("Would fix {} finding{} in {} file{}.\n", fixes, fixes == 1 ? "" : "s", files,
                           files == 1 ? "" : "s");
  return fixes != 0 && !exit_zero ? ExitCode::kFindings : ExitCode::kSuccess;
}

ExitCode run_scan_command(const ScanOptions& options) {
  std::vector<std::filesystem::path> roots;
  for (const std::string& path : options.paths)
    roots.emplace_back(path);
  if (roots.empty()) roots.emplace_back(".");

  core::Result<scan::ScanConfig> config = scan::find_config(roots.front());
  if (!config) {
    std::cerr << "error: " << config.error().message << '\n';
    return ExitCode::kUsageError;
  }
  // Flags win over the configuration.
  scan::Selection selection;
  selection.select = options.select.empty() ? config->select : split_codes(options.select);
  selection.ignore = options.ignore.empty() ? config->ignore : split_codes(options.ignore);
  core::Result<std::vector<const scan::RuleEntry*>> rules = scan::select_rules(selection);
  if (!rules) {
    std::cerr << "error: " << rules.error().message << '\n';
    return ExitCode::kUsageError;
  }
  std::optional<scan::Severity> fail_on = scan::parse_severity(options.fail_on);
  if (!fail_on) {
    std::cerr << "error: --fail-on expects error, warning or info, not '" << options.fail_on << "'\n";
    return ExitCode::kUsageError;
  }

  core::Result<TargetPython> target = resolve_target_python(
      options.target_pypy, config->target_pypy, config->file ? config->file->string() : std::string(),
      rules_use_target_python(*rules));
  if (!target) {
    std::cerr << "error: " << target.error().message << '\n';
    return ExitCode::kUsageError;
  }
  scan::ScanSettings settings;
  settings.target_python = target->version;
  scan::Checker checker(*rules, settings);

  scan::DiscoveryOptions discovery;
  discovery.include_pyi = options.include_pyi;
  discovery.also_wanted = [&checker](std::string_view name) { return checker.wants_file(name); };
  discovery.respect_gitignore = !options.no_gitignore;
  discovery.exclude = config->exclude;
  discovery.exclude.insert(discovery.exclude.end(), options.exclude.begin(), options.exclude.end());
  scan::Discovered found = scan::discover_files(roots, discovery);

  scan::RunOptions run;
  run.threads = options.threads;
  run.per_file_ignores = config->per_file_ignores;
  if (config->file) run.root = config->file->parent_path();
  run.fix = options.diff ? scan::FixMode::kDiff : options.fix ? scan::FixMode::kApply : scan::FixMode::kOff;
  scan::ScanReport report;
  report.files = scan::run_scan(found.files, checker, run, found.sizes);
  if (std::any_of(rules->begin(), rules->end(),
                  [](const scan::RuleEntry* entry) { return entry->info->code == "PPY040"; })) {
    report.language_level = scan::language_level(report.files, target->version);
  }
  report.errors = std::move(found.errors);
  for (const scan::FileResult& file : report.files) {
    if (!file.read_error) ++report.files_scanned;
  }

  std::ofstream file_out;
  if (!options.output.empty()) {
    file_out.open(options.output);
    if (!file_out) {
      std::cerr << "error: " << options.output << ": cannot open for writing\n";
      return ExitCode::kUsageError;
    }
  }
  std::ostream& out = options.output.empty() ? std::cout : file_out;
  if (options.diff) return print_diffs(report, out, options.exit_zero);
  if (!options.baseline.empty()) {
    std::string note;
    if (auto applied = apply_scan_baseline(options.baseline, report, note); !applied) {
      std::cerr << "error: " << applied.error().message << '\n';
      return ExitCode::kUsageError;
    }
    std::cerr << note << '\n';
  }
  if (options.format == "json") {
    scan::render_json(report, out);
  } else if (options.format == "sarif") {
    scan::render_sarif(report, out);
  } else if (options.format == "github") {
    scan::render_github(report, out);
  } else if (options.format == "markdown") {
    scan::render_markdown(report, out);
  } else if (options.statistics) {
    scan::render_statistics(report, out);
  } else {
    scan::render_text(report, out);
  }
  if (options.statistics && options.format != "text") scan::render_statistics(report, std::cerr);
  // Formats without a place for them still get fix problems, on stderr.
  if (options.format != "text" && options.format != "json") {
    for (const scan::FileResult& file : report.files) {
      if (file.fix_error) std::cerr << "error: " << *file.fix_error << '\n';
    }
  }
  out.flush();

  if (options.exit_zero) return ExitCode::kSuccess;
  // A file that could not be read, parsed or fixed is an input error: the scan is incomplete.
  bool incomplete = !report.errors.empty();
  for (const scan::FileResult& result : report.files)
    incomplete = incomplete || result.read_error || result.syntax_error || result.fix_error;
  if (incomplete) return ExitCode::kUsageError;
  for (const scan::FileResult& result : report.files) {
    for (const scan::Finding& finding : result.findings) {
      if (finding.severity >= *fail_on) return ExitCode::kFindings;
    }
  }
  return ExitCode::kSuccess;
}

}  // namespace

CommandRunner add_scan_command(CLI::App& command) {
  auto options = std::make_shared<ScanOptions>();
  command.add_option("PATHS", options->paths, "Files or folders to scan (default: .)");
  command.add_option("--select", options->select, "Only these rule codes or prefixes (PPY001,PPY01)");
  command.add_option("--ignore", options->ignore, "Skip these rule codes or prefixes");
  command.add_option("--exclude", options->exclude, "Glob of files or folders to skip (repeatable)");
  command.add_option("--format", options->format, "Output format")
      ->check(CLI::IsMember({"text", "json", "sarif", "github", "markdown"}));
  command.add_option("--output", options->output, "Write the report to this file");
  command.add_option(
      "--baseline", options->baseline,
      "Report only findings not in FILE; when FILE does not exist, record today's findings in it");
  command.add_option("--fail-on", options->fail_on, "Exit 1 when findings at or above this severity remain")
      ->check(CLI::IsMember({"error", "warning", "info"}));
  command.add_option("--target-pypy", options->target_pypy, "Python version of the target PyPy (e.g. 3.10)");
  command.add_option("--threads", options->threads, "Worker threads (default: one per core)");
  command.add_flag("--fix", options->fix, "Apply the safe fixes to the files, then report what remains");
  command.add_flag(
      "--diff", options->diff,
      "Print the safe fixes as a unified diff without writing files (exit 1 when there are any)");
  command.add_flag("--statistics", options->statistics, "Count findings per rule");
  command.add_flag("--exit-zero", options->exit_zero,
                   "Exit 0 even when findings remain or files could not be read or parsed (exit 2)");
  command.add_flag("--pyi", options->include_pyi, "Also scan *.pyi stub files");
  command.add_flag("--no-gitignore", options->no_gitignore, "Do not honour .gitignore files");
  return [options] { return run_scan_command(*options); };
}

}  // namespace pypyready::app
