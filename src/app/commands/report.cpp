// `pypyready report RESULTS.json`: re-render saved results (report.json) in another format.

#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "app/commands/commands.h"
#include "app/commands/output.h"
#include "core/file_io.h"
#include "report/render.h"
#include "results/json.h"

namespace pypyready::app {
namespace {

struct ReportOptions {
  std::string results_file;
  std::string format = "text";
  std::string output;
  bool no_color = false;
};

ExitCode run_report(const ReportOptions& options) {
  auto text = core::read_file(options.results_file);
  if (!text) {
    std::cerr << "pypyready report: " << text.error().message << "\n";
    return ExitCode::kUsageError;
  }
  auto results = results::from_json_text(*text, options.results_file);
  if (!results) {
    std::cerr << "pypyready report: " << results.error().message << "\n";
    return ExitCode::kUsageError;
  }
  std::string rendered;
  if (options.format == "json") {
    rendered = report::render_json(*results);
  } else if (options.format == "markdown") {
    rendered = report::render_markdown(*results);
  } else if (options.format == "html") {
    rendered = report::render_html(*results);
  } else {
    const char* no_color = std::getenv("NO_COLOR");
    report::TextOptions render;
    render.color = !options.no_color && options.output.empty() && ::isatty(STDOUT_FILENO) &&
                   (no_color == nullptr || *no_color == '\0');
    rendered = report::render_text(*results, render);
  }
  if (!emit_report("report", options.output, rendered)) return ExitCode::kUsageError;
  return ExitCode::kSuccess;
}

}  // namespace

CommandRunner add_report_command(CLI::App& subcommand) {
  auto options = std::make_shared<ReportOptions>();
  subcommand.add_option("results", options->results_file, "A report.json written by `pypyready check`")
      ->required();
  subcommand.add_option("--format", options->format, "Output format")
      ->check(CLI::IsMember({"text", "json", "markdown", "html"}))
      ->capture_default_str();
  subcommand.add_option("--output,-o", options->output, "Write to FILE (atomically) instead of stdout");
  subcommand.add_flag("--no-color", options->no_color, "Never colour the output");
  return [options] { return run_report(*options); };
}

}  // namespace pypyready::app
