// `pypyready deps [PROJECT]`: which dependencies block PyPy, with evidence. Pipeline: locate PyPy's
// C-API library -> read declarations -> scan installed distributions -> decide -> render.

#include <unistd.h>

#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <map>
#include <set>
#include <thread>

#include "app/commands/commands.h"
#include "app/commands/output.h"
#include "core/version.h"
#include "deps/analyze.h"
#include "deps/index_client.h"
#include "deps/index_join.h"
#include "deps/install_trial.h"
#include "deps/interpreter_paths.h"
#include "deps/project_declarations.h"
#include "deps/render.h"
#include "deps/wheel_tags.h"

namespace pypyready::app {
namespace {

struct DepsOptions {
  std::string project;
  std::vector<std::string> sites;
  std::string python;
  std::string pypy = "pypy3";
  std::string target_pypy;
  std::string format = "text";
  std::string output;
  std::string fail_on = "blocked";
  bool quiet = false;
  bool verbose = false;
  bool no_color = false;
  bool modules = false;
  bool include_build = false;
  bool include_dev = false;
  bool try_install = false;
  std::vector<std::string> find_links;
  std::string index_url;
  bool no_index = false;
  bool offline = false;
  std::string cache_dir;
  double index_timeout = 15;
  int index_retries = 3;
  int index_jobs = 4;
  long cache_ttl = 6 * 3600;
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

void note(const DepsOptions& options, const std::string& message) {
  if (!options.quiet) std::cerr << "pypyready deps: " << message << "\n";
}

// The requirements a trial installs: declared, applying on PyPy, once per name.
std::vector<std::string> trial_requirements(const deps::Declarations& declarations,
                                            const DepsOptions& options, const deps::Target& target) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const deps::Declared& item : declarations.items) {
    if (item.constraint || item.key.empty() || item.group == "lock" || seen.count(item.key)) continue;
    if (item.group == "build" && !options.include_build) continue;
    if ((item.group == "dev" || item.group.rfind("group:", 0) == 0) && !options.include_dev) continue;
    if (item.requirement && !item.requirement->applies(target.markers)) continue;
    seen.insert(item.key);
    out.push_back(item.requirement ? item.requirement->to_string() : item.raw);
  }
  return out;
}

ExitCode try_install(const DepsOptions& options, const deps::Declarations* declarations,
                     deps::DepsReport& report) {
  if (declarations == nullptr) {
    std::cerr << "pypyready deps: --try-install needs declared requirements; expected a project or a "
                 "requirements file\n";
    return ExitCode::kUsageError;
  }
  deps::TrialOptions trial;
  trial.pypy = options.pypy;
  for (const std::string& option : declarations->options) {
    std::size_t space = option.find(' ');
    trial.pip_args.push_back(option.substr(0, space));
    if (space != std::string::npos) trial.pip_args.push_back(option.substr(space + 1));
  }
  if (options.no_index) trial.pip_args.push_back("--no-index");
  if (!options.index_url.empty())
    trial.pip_args.insert(trial.pip_args.end(), {"--index-url", options.index_url});
  for (const std::string& links : options.find_links)
    trial.pip_args.insert(trial.pip_args.end(), {"--find-links", links});
  auto requirements =
      trial_requirements(*declarations, options, deps::pypy_target(report.target_interpreter.substr(5)));
  note(options,
       fmt::format("installing {} requirement(s) in a temporary PyPy environment", requirements.size()));
  auto results = deps::run_install_trial(requirements, trial);
  if (!results) {
    std::cerr << "pypyready deps: " << results.error().message << "\n";
    return ExitCode::kInterpreterFailed;
  }
  deps::apply_trial(report, *results);
  return ExitCode::kSuccess;
}

// Asks the package index what each dependency publishes for the target PyPy; a page that cannot be
// read becomes that dependency's evidence and a note, and the others are still checked.
void check_index(const DepsOptions& options, const deps::Declarations* declarations,
                 deps::DepsReport& report) {
  auto getenv = [](const char* name) { return std::getenv(name); };
  deps::IndexClientOptions client;
  client.index_url = deps::resolve_index_url(options.index_url, getenv);
  client.cache_dir = deps::resolve_cache_dir(options.cache_dir, getenv);
  client.timeout = std::chrono::milliseconds(static_cast<long>(options.index_timeout * 1000));
  client.retries = options.index_retries;
  client.concurrency = options.index_jobs;
  client.cache_ttl = std::chrono::seconds(options.cache_ttl);
  const std::string python_version = report.target_interpreter.substr(5);
  // The target's tags: asked from the PyPy itself when it is the target, else computed for this machine.
  std::optional<deps::TagPlatform> platform;
  if (auto installation = deps::locate_pypy(options.pypy);
      installation && installation->python_version == python_version && !installation->interpreter.empty()) {
    platform = deps::probe_tag_platform(installation->interpreter.string());
  }
  const auto tags =
      deps::pypy_supported_tags(python_version, platform ? *platform : deps::host_tag_platform());
  auto queries = deps::index_queries(report, declarations, python_version, tags);
  std::vector<std::string> keys;
  for (const deps::IndexQuery& query : queries)
    keys.push_back(query.key);
  if (keys.empty()) return;
  note(options, fmt::format("asking {} about {} dependencies", client.index_url, keys.size()));
  auto pages = deps::fetch_index_pages(keys, client);
  std::map<std::string, deps::IndexEvidence> found;
  for (const deps::IndexQuery& query : queries) {
    const deps::IndexPage& page = pages[query.key];
    deps::IndexEvidence evidence;
    if (page.error.empty()) {
      evidence = deps::evaluate_index_files(query, page.files);
    } else {
      evidence.key = query.key;
      evidence.error = page.error;
      report.warnings.push_back(page.error);
    }
    evidence.source = page.url;
    found[query.key] = std::move(evidence);
  }
  deps::apply_index_evidence(report, found);
}

ExitCode run_deps(const DepsOptions& options) {
  const std::string started_at = iso_now();
  deps::PyPyCapi capi;
  auto installation = deps::locate_pypy(options.pypy);
  if (installation) {
    auto loaded = deps::load_pypy_capi(*installation);
    if (loaded) {
      capi = std::move(*loaded);
    } else {
      note(options, loaded.error().message + " (the C-API check is skipped)");
    }
  } else if (!options.sites.empty() || !options.python.empty()) {
    note(options, installation.error().message + " (the C-API check is skipped)");
  }
  std::string python_version = options.target_pypy;
  if (python_version.empty()) python_version = installation ? installation->python_version : "3.9";
  if (python_version != "3.9" && python_version != "3.10" && python_version != "3.11") {
    std::cerr << fmt::format("pypyready deps: --target-pypy {}: expected 3.9, 3.10 or 3.11\n",
                             python_version);
    return ExitCode::kUsageError;
  }

  std::optional<deps::Declarations> declarations;
  std::error_code ec;
  std::filesystem::path project =
      options.project.empty() ? std::filesystem::path(".") : std::filesystem::path(options.project);
  if (!options.project.empty() && !std::filesystem::exists(project, ec)) {
    std::cerr << fmt::format(
        "pypyready deps: {}: no such file or folder; expected a project folder or a declaration file\n",
        options.project);
    return ExitCode::kUsageError;
  }
  if (std::filesystem::is_regular_file(project, ec)) {
    declarations = deps::read_declaration_file(project, deps::disk_loader(), deps::process_environment());
  } else if (!deps::find_declaration_files(project).empty()) {
    declarations = deps::read_project(project, deps::disk_loader(), deps::process_environment());
  } else if (!options.project.empty()) {
    note(options,
         fmt::format("{}: no requirements*.txt, pyproject.toml, setup.cfg, Pipfile or lock file found",
                     project.string()));
  }

  std::vector<std::filesystem::path> sites(options.sites.begin(), options.sites.end());
  if (!options.python.empty()) {
    auto queried = deps::query_interpreter_sites(options.python, std::chrono::seconds(20));
    if (!queried) {
      std::cerr << "pypyready deps: " << queried.error().message << "\n";
      return ExitCode::kInterpreterFailed;
    }
    sites.insert(sites.end(), queried->sites.begin(), queried->sites.end());
  }
  std::optional<deps::InstalledEnvironment> installed;
  if (!sites.empty()) {
    deps::ScanOptions scan;
    scan.threads = std::max(1u, std::min(4u, std::thread::hardware_concurrency()));
    scan.kind_known = [](const std::string& key) { return deps::embedded_knowledge().find(key) != nullptr; };
    auto scanned = deps::scan_installed(sites, capi, scan);
    if (!scanned) {
      std::cerr << "pypyready deps: " << scanned.error().message << "\n";
      return ExitCode::kUsageError;
    }
    installed = std::move(*scanned);
  }
  if (!declarations && !installed) {
    std::cerr << "pypyready deps: nothing to check; expected a project with declaration files, --site DIR or "
                 "--python "
                 "INTERP\n";
    return ExitCode::kUsageError;
  }

  deps::DepsInput input;
  input.declarations = declarations ? &*declarations : nullptr;
  input.installed = installed ? &*installed : nullptr;
  input.knowledge = &deps::embedded_knowledge();
  input.target = deps::pypy_target(python_version);
  input.pypy_library = capi.installation.library.string();
  input.pypy_exported_symbols = capi.exported_symbols;
  input.include_build = options.include_build;
  input.include_dev = options.include_dev;
  deps::DepsReport report = deps::analyze_dependencies(input);

  // PYPYREADY_OFFLINE keeps scripted runs (and the project's own tests) off the network.
  const char* offline_env = std::getenv("PYPYREADY_OFFLINE");
  const bool offline = options.offline || (offline_env != nullptr && *offline_env != '\0');
  if (!offline && !options.no_index) check_index(options, declarations ? &*declarations : nullptr, report);

  if (options.try_install) {
    if (auto status = try_install(options, declarations ? &*declarations : nullptr, report);
        status != ExitCode::kSuccess) {
      return status;
    }
  }

  deps::RenderOptions render;
  const char* no_color_env = std::getenv("NO_COLOR");
  render.color = !options.no_color && options.output.empty() && ::isatty(STDOUT_FILENO) &&
                 (no_color_env == nullptr || *no_color_env == '\0');
  render.verbose = options.verbose;
  render.modules = options.modules;
  std::string text;
  if (options.format == "json") {
    std::string command_line;
    for (const std::string& arg : options.command_line)
      command_line += (command_line.empty() ? "" : " ") + arg;
    nlohmann::json root = {{"schema", "pypyready/1"},
                           {"tool",
                            {{"version", core::kVersion},
                             {"started_at", started_at},
                             {"finished_at", iso_now()},
                             {"command_line", command_line}}},
                           {"deps", deps::deps_to_json(report)}};
    text = root.dump(2) + "\n";
  } else if (options.format == "markdown") {
    text = deps::render_deps_markdown(report, render);
  } else {
    text = deps::render_deps_text(report, render);
  }
  if (!emit_report("deps", options.output, text)) return ExitCode::kUsageError;

  if (!report.errors.empty()) {
    for (const std::string& error : report.errors) {
      if (options.format != "text" || !options.output.empty()) note(options, error);
    }
    return ExitCode::kUsageError;
  }
  auto counts = report.counts();
  bool fail = (options.fail_on != "never" && counts[deps::Verdict::kBlocked] > 0) ||
              (options.fail_on == "replace" && counts[deps::Verdict::kReplace] > 0);
  return fail ? ExitCode::kFindings : ExitCode::kSuccess;
}

}  // namespace

CommandRunner add_deps_command(CLI::App& subcommand) {
  auto options = std::make_shared<DepsOptions>();
  subcommand.add_option("project", options->project, "Project folder or one declaration file (default: .)");
  subcommand.add_option("--site", options->sites,
                        "A site-packages/dist-packages folder to inspect (repeatable)");
  subcommand.add_option("--python", options->python,
                        "Inspect the installed distributions of this interpreter");
  subcommand.add_option("--pypy", options->pypy, "The PyPy whose C-API emulation library is checked against")
      ->capture_default_str();
  subcommand.add_option("--target-pypy", options->target_pypy,
                        "Python level of the target PyPy: 3.9, 3.10 or 3.11");
  subcommand.add_option("--format", options->format, "Output format")
      ->check(CLI::IsMember({"text", "json", "markdown"}))
      ->capture_default_str();
  subcommand.add_option("--output,-o", options->output, "Write the result to FILE (atomically)");
  subcommand.add_option("--fail-on", options->fail_on, "Exit 1 when a dependency has this verdict or worse")
      ->check(CLI::IsMember({"blocked", "replace", "never"}))
      ->capture_default_str();
  subcommand.add_flag("--modules", options->modules, "Show the C-API check of every extension module");
  subcommand.add_flag("--include-build", options->include_build, "Also judge [build-system] requirements");
  subcommand.add_flag("--include-dev", options->include_dev,
                      "Also judge dev, test and dependency-group requirements");
  subcommand.add_flag(
      "--try-install", options->try_install,
      "Install the declared requirements in a temporary PyPy virtual environment and import them");
  subcommand.add_option("--find-links,-f", options->find_links,
                        "Passed to pip with --try-install (repeatable)");
  subcommand.add_option("--index-url,-i", options->index_url,
                        "Package index (Simple API) to ask, also passed to pip with --try-install "
                        "(default: PIP_INDEX_URL, pip.conf's index-url, else https://pypi.org/simple)");
  subcommand.add_flag("--no-index", options->no_index,
                      "Do not ask an index; passed to pip with --try-install");
  subcommand.add_flag("--offline", options->offline,
                      "Do not ask the package index (also: PYPYREADY_OFFLINE=1)");
  subcommand.add_option("--cache-dir", options->cache_dir,
                        "Cache of index pages (default: PYPYREADY_CACHE_DIR, else $XDG_CACHE_HOME/pypyready, "
                        "else ~/.cache/pypyready)");
  subcommand.add_option("--index-timeout", options->index_timeout, "Seconds per index request")
      ->capture_default_str();
  subcommand.add_option("--index-jobs", options->index_jobs, "Index requests in flight at once")
      ->check(CLI::Range(1, 32))
      ->capture_default_str();
  subcommand
      .add_option("--cache-ttl", options->cache_ttl, "Seconds a cached index page stays fresh (0: ask again)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  subcommand
      .add_option("--index-retries", options->index_retries,
                  "Extra attempts after a 5xx answer or a timeout (with backoff)")
      ->capture_default_str();
  subcommand.add_flag("--quiet,-q", options->quiet, "No notes on stderr");
  subcommand.add_flag("--verbose,-v", options->verbose, "Every evidence line, missing symbol and path");
  subcommand.add_flag("--no-color", options->no_color, "Never colour the output");
  return [options, &subcommand] {
    options->command_line = {"pypyready", "deps"};
    for (const std::string& arg : subcommand.remaining())
      options->command_line.push_back(arg);
    return run_deps(*options);
  };
}

}  // namespace pypyready::app
