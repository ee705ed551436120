// The deps stage: the project's declarations, judged with the installed distributions of its
// environment (the baseline interpreter: --python, the project's .venv, or the system python3)
// and PyPy's C-API emulation library.

#include <fmt/format.h>

#include <thread>

#include "app/check/stages.h"
#include "deps/analyze.h"
#include "deps/interpreter_paths.h"
#include "deps/project_declarations.h"
#include "deps/pypy_capi.h"
#include "deps/render.h"
#include "deps/requirements_txt.h"
#include "results/json.h"

namespace pypyready::app::check {

StageReport run_deps_stage(CheckContext& context) {
  std::vector<std::string> notes;
  deps::PyPyCapi capi;
  std::string pypy = context.candidate ? context.candidate->path.string() : "pypy3";
  auto installation = deps::locate_pypy(pypy);
  if (installation) {
    if (auto loaded = deps::load_pypy_capi(*installation)) {
      capi = std::move(*loaded);
    } else {
      notes.push_back(loaded.error().message);
    }
  }
  std::string python_version = context.config.target_pypy;
  if (python_version.empty()) python_version = installation ? installation->python_version : "3.9";

  std::optional<deps::Declarations> declarations;
  if (!deps::find_declaration_files(context.project).empty())
    declarations = deps::read_project(context.project, deps::disk_loader(), deps::process_environment());

  std::optional<deps::InstalledEnvironment> installed;
  if (context.baseline) {
    auto sites = deps::query_interpreter_sites(context.baseline->path.string(), std::chrono::seconds(20));
    if (!sites) return {"failed", sites.error().message};
    deps::ScanOptions scan;
    scan.threads = std::max(1u, std::min(2u, std::thread::hardware_concurrency()));
    scan.kind_known = [](const std::string& key) { return deps::embedded_knowledge().find(key) != nullptr; };
    auto scanned = deps::scan_installed(sites->sites, capi, scan);
    if (!scanned) return {"failed", scanned.error().message};
    installed = std::move(*scanned);
  }
  if (!declarations) {
    // Without declarations every installed distribution of a shared interpreter would be judged,
    // which says nothing about this project.
    return {"not-run", "no requirements*.txt, pyproject.toml dependencies, setup.cfg, Pipfile or lock file"};
  }

  deps::DepsInput input;
  input.declarations = &*declarations;
  input.installed = installed ? &*installed : nullptr;
  input.knowledge = &deps::embedded_knowledge();
  input.target = deps::pypy_target(python_version);
  input.pypy_library = capi.installation.library.string();
  input.pypy_exported_symbols = capi.exported_symbols;
  deps::DepsReport report = deps::analyze_dependencies(input);
  auto section = results::deps_from_json(deps::deps_to_json(report), "deps");
  if (!section) return {"failed", section.error().message};
  context.results.deps = std::move(*section);
  if (!report.errors.empty()) {
    std::string more =
        report.errors.size() > 1 ? fmt::format(" (and {} more)", report.errors.size() - 1) : "";
    return {"failed", report.errors.front() + more};
  }
  return {"ok", notes.empty() ? "" : notes.front()};
}

}  // namespace pypyready::app::check
