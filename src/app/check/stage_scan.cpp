// The scan stage: the project's configured rules over its Python files, as `pypyready scan` does.

#include <sstream>

#include <algorithm>

#include "app/check/stages.h"
#include "app/commands/scan_target.h"
#include "results/json.h"
#include "scan/checker.h"
#include "scan/config.h"
#include "scan/discovery.h"
#include "scan/language_level.h"
#include "scan/render/render.h"
#include "scan/runner.h"
#include "scan/selection.h"

namespace pypyready::app::check {
namespace {

// Paths as the schema wants them: relative to the project root.
std::string relative_to(const std::string& path, const std::filesystem::path& root) {
  std::error_code error;
  std::filesystem::path relative = std::filesystem::relative(path, root, error);
  if (error || relative.empty() || relative.native().starts_with("..")) return path;
  return relative.generic_string();
}

}  // namespace

StageReport run_scan_stage(CheckContext& context) {
  auto config = scan::find_config(context.project);
  if (!config) return {"failed", config.error().message};
  scan::Selection selection{config->select, config->ignore};
  auto rules = scan::select_rules(selection);
  if (!rules) return {"failed", rules.error().message};

  // The target is the configured one, else the language version of the PyPy being compared.
  std::optional<std::string> target_version = config->target_pypy;
  if (!target_version && context.candidate) {
    const std::string& version = context.candidate->version;
    target_version = version.substr(0, version.find('.', version.find('.') + 1));
  }
  auto target =
      resolve_target_python("", target_version, config->file ? config->file->string() : std::string(),
                            rules_use_target_python(*rules));
  if (!target) return {"failed", target.error().message};
  scan::ScanSettings settings;
  settings.target_python = target->version;
  scan::Checker checker(*rules, settings);

  scan::DiscoveryOptions discovery;
  discovery.exclude = config->exclude;
  discovery.also_wanted = [&checker](std::string_view name) { return checker.wants_file(name); };
  scan::Discovered found = scan::discover_files({context.project}, discovery);
  scan::RunOptions run;
  run.per_file_ignores = config->per_file_ignores;
  if (config->file) run.root = config->file->parent_path();
  scan::ScanReport report;
  report.files = scan::run_scan(found.files, checker, run, found.sizes);
  if (std::any_of(rules->begin(), rules->end(),
                  [](const scan::RuleEntry* entry) { return entry->info->code == "PPY040"; })) {
    report.language_level = scan::language_level(report.files, target->version);
  }
  report.errors = std::move(found.errors);
  for (const scan::FileResult& file : report.files)
    if (!file.read_error) ++report.files_scanned;

  std::ostringstream json;
  scan::render_json(report, json);
  auto section = results::scan_from_json(nlohmann::json::parse(json.str()), "scan");
  if (!section) return {"failed", section.error().message};
  for (results::Finding& finding : section->findings)
    finding.path = relative_to(finding.path, context.project);
  for (results::SyntaxError& error : section->syntax_errors)
    error.path = relative_to(error.path, context.project);
  context.results.scan = std::move(*section);
  return {"ok", ""};
}

}  // namespace pypyready::app::check
