#include "deps/install_trial.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <set>

#include "core/temporary_folder.h"
#include "deps/child_process.h"
#include "deps/installed.h"
#include "deps/name.h"
#include "deps/requirement.h"

namespace pypyready::deps {
namespace {

namespace fs = std::filesystem;

// Imports each module named on the command line; one `ok`/`fail` line per module.
constexpr const char* kImportProbe =
    "import importlib, sys\n"
    "for name in sys.argv[1:]:\n"
    "    try:\n"
    "        importlib.import_module(name)\n"
    "        print('ok ' + name)\n"
    "    except BaseException as e:\n"
    "        print('fail ' + name + '\\t' + type(e).__name__ + ': ' + str(e).replace('\\n', ' '))\n"
    "    sys.stdout.flush()\n";

std::set<std::string> installed_keys(const fs::path& site) {
  std::set<std::string> keys;
  auto env = scan_installed({site}, PyPyCapi{}, ScanOptions{1, [](const std::string&) { return true; }});
  if (env) {
    for (const Distribution& dist : env->distributions)
      keys.insert(dist.key);
  }
  return keys;
}

// Top-level import names and extension modules of the distributions that appeared.
std::vector<std::string> modules_to_import(const fs::path& site, const std::set<std::string>& before) {
  std::vector<std::string> modules;
  auto env = scan_installed({site}, PyPyCapi{}, ScanOptions{1, [](const std::string&) { return true; }});
  if (!env) return modules;
  for (const Distribution& dist : env->distributions) {
    if (before.count(dist.key)) continue;
    for (const std::string& name : dist.top_level) {
      if (!name.empty() && name.find('/') == std::string::npos) modules.push_back(name);
    }
    for (const ExtensionModule& ext : dist.extensions) {
      if (ext.kind != BinaryKind::kLibrary &&
          std::find(modules.begin(), modules.end(), ext.module) == modules.end()) {
        modules.push_back(ext.module);
      }
    }
  }
  return modules;
}

}  // namespace

core::Result<std::vector<TrialResult>> run_install_trial(const std::vector<std::string>& requirements,
                                                         const TrialOptions& options) {
  core::TemporaryFolder folder("pypyready-trial");
  if (folder.path().empty())
    return core::Error{"cannot create a temporary folder for the PyPy virtual environment"};
  const fs::path venv = folder.path() / "venv";
  auto created = run_child({options.pypy, "-m", "venv", venv.string()},
                           std::chrono::duration_cast<std::chrono::milliseconds>(options.venv_timeout));
  if (!created) return created.error();
  if (created->timed_out || created->exit_code != 0) {
    return core::Error{fmt::format(
        "{} -m venv failed ({}): {}; expected a PyPy with the venv module (Debian: pypy3-venv)", options.pypy,
        created->timed_out ? "timed out" : fmt::format("exit {}", created->exit_code),
        created->err.substr(0, 400))};
  }
  const std::string python = (venv / "bin" / "python").string();
  fs::path site;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(venv / "lib", ec)) {
    if (fs::is_directory(entry.path() / "site-packages", ec)) site = entry.path() / "site-packages";
  }
  if (site.empty())
    return core::Error{fmt::format("{}: no lib/*/site-packages in the new environment", venv.string())};

  std::vector<TrialResult> results;
  for (const std::string& requirement : requirements) {
    TrialResult result;
    result.requirement = requirement;
    auto parsed = Requirement::parse(requirement);
    result.key = parsed ? parsed->key : normalize_name(requirement);
    std::set<std::string> before = installed_keys(site);
    std::vector<std::string> argv = {python,      "-m", "pip", "install", "--disable-pip-version-check",
                                     "--no-input"};
    argv.insert(argv.end(), options.pip_args.begin(), options.pip_args.end());
    argv.push_back(requirement);
    auto pip =
        run_child(argv, std::chrono::duration_cast<std::chrono::milliseconds>(options.install_timeout));
    if (!pip) return pip.error();
    if (pip->timed_out) {
      result.failure = PipFailure{PipFailureKind::kOther, "pip install timed out"};
    } else if (pip->exit_code != 0) {
      result.failure = parse_pip_failure(pip->out + "\n" + pip->err);
    } else {
      result.installed = true;
      std::vector<std::string> modules = modules_to_import(site, before);
      if (!modules.empty()) {
        std::vector<std::string> probe = {python, "-c", kImportProbe};
        probe.insert(probe.end(), modules.begin(), modules.end());
        auto imported =
            run_child(probe, std::chrono::duration_cast<std::chrono::milliseconds>(options.install_timeout));
        if (imported) result.imports = parse_import_probe(imported->out);
      }
    }
    results.push_back(std::move(result));
  }
  return results;
}

void apply_trial(DepsReport& report, const std::vector<TrialResult>& results) {
  for (const TrialResult& trial : results) {
    DependencyResult* dep = nullptr;
    for (DependencyResult& candidate : report.dependencies) {
      if (candidate.key == trial.key) dep = &candidate;
    }
    if (dep == nullptr) {
      report.dependencies.push_back(DependencyResult{});
      dep = &report.dependencies.back();
      dep->key = trial.key;
      dep->name = trial.key;
    }
    std::vector<Evidence> found;
    if (trial.failure) {
      found.push_back(Evidence{"install",
                               fmt::format("pip install {} under PyPy failed ({}): {}", trial.requirement,
                                           pip_failure_name(trial.failure->kind), trial.failure->detail),
                               {},
                               true});
      if (dep->verdict != Verdict::kReplace) dep->verdict = Verdict::kBlocked;
    } else {
      std::vector<std::string> failed, symbols;
      for (const ImportCheck& check : trial.imports) {
        if (check.ok) continue;
        failed.push_back(fmt::format("{} ({})", check.module, check.error));
        if (!check.missing_symbol.empty()) symbols.push_back(check.missing_symbol);
      }
      if (failed.empty()) {
        found.push_back(
            Evidence{"install",
                     fmt::format("installs under PyPy and its {} module(s) import", trial.imports.size()),
                     {}});
        // A successful install outweighs the index's guess (e.g. a wheel from --find-links).
        bool index_decided = !dep->evidence.empty() && dep->evidence.front().source == "index";
        if (dep->verdict == Verdict::kUnknown || index_decided) dep->verdict = Verdict::kWorks;
      } else {
        std::string joined;
        for (const std::string& item : failed)
          joined += (joined.empty() ? "" : "; ") + item;
        found.push_back(
            Evidence{"import", "installs under PyPy but does not import: " + joined, symbols, true});
        if (dep->verdict != Verdict::kReplace) dep->verdict = Verdict::kBlocked;
      }
    }
    dep->evidence.insert(dep->evidence.begin(), found.begin(), found.end());
  }
  std::stable_sort(report.dependencies.begin(), report.dependencies.end(),
                   [](const DependencyResult& a, const DependencyResult& b) {
                     if (a.verdict != b.verdict) return a.verdict > b.verdict;
                     return a.key < b.key;
                   });
}

}  // namespace pypyready::deps
