#include "run/interpreters.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <future>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "run/probes.h"
#include "run/process.h"

namespace pypyready::run {
namespace {

namespace fs = std::filesystem;

// python3, python3.11, pypy3, pypy3.9 — not python3-config or python3.11-dbg-config.
bool is_interpreter_name(const std::string& name) {
  static const std::regex kInterpreterName(R"((python|pypy)3(\.[0-9]+)?)");
  return std::regex_match(name, kInterpreterName);
}

void add_from_dir(const fs::path& dir, const std::string& found_by, std::vector<Candidate>& out) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return;
  std::vector<fs::path> names;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (is_interpreter_name(entry.path().filename().string())) names.push_back(entry.path());
  }
  std::sort(names.begin(), names.end(),
            [](const fs::path& a, const fs::path& b) { return a.string() < b.string(); });
  for (const auto& path : names) {
    if (fs::is_regular_file(path, ec)) out.push_back({path, found_by});
  }
}

std::string major_minor(const std::string& version) {
  auto first = version.find('.');
  auto second = version.find('.', first + 1);
  return version.substr(0, second);
}

}  // namespace

DiscoveryEnvironment DiscoveryEnvironment::from_process(const fs::path& project) {
  auto get = [](const char* name) {
    const char* value = std::getenv(name);
    return std::string(value != nullptr ? value : "");
  };
  DiscoveryEnvironment environment;
  environment.path_variable = get("PATH");
  environment.home = get("HOME");
  environment.virtual_env = get("VIRTUAL_ENV");
  environment.conda_prefix = get("CONDA_PREFIX");
  environment.project = project;
  return environment;
}

std::vector<Candidate> find_candidates(const DiscoveryEnvironment& environment) {
  std::vector<Candidate> raw;
  std::vector<Candidate> venvs;
  if (!environment.virtual_env.empty())
    add_from_dir(fs::path(environment.virtual_env) / "bin", "VIRTUAL_ENV", venvs);
  if (!environment.project.empty()) add_from_dir(environment.project / ".venv" / "bin", ".venv", venvs);

  std::stringstream dirs(environment.path_variable);
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    // pyenv shims are scripts that dispatch to versions; the versions themselves are listed below.
    if (!dir.empty() && dir.find("/.pyenv/shims") == std::string::npos) add_from_dir(dir, "PATH", raw);
  }
  std::error_code ec;
  std::vector<fs::path> roots;
  if (!environment.home.empty()) {
    for (const char* base : {".pyenv/versions", "miniconda3/envs", "anaconda3/envs", ".conda/envs"}) {
      fs::path folder = environment.home / base;
      if (!fs::is_directory(folder, ec)) continue;
      std::vector<fs::path> versions;
      for (const auto& entry : fs::directory_iterator(folder, ec))
        versions.push_back(entry.path());
      std::sort(versions.begin(), versions.end());
      for (const auto& version : versions)
        add_from_dir(version / "bin",
                     std::string(base).find("pyenv") != std::string::npos ? "pyenv" : "conda", raw);
    }
  }
  if (!environment.conda_prefix.empty())
    add_from_dir(fs::path(environment.conda_prefix) / "bin", "conda", raw);

  // Virtual environments first and kept apart: their python is a symlink to a base interpreter.
  std::vector<Candidate> result;
  std::set<std::string> seen_venv_dirs;
  for (const Candidate& candidate : venvs) {
    if (seen_venv_dirs.insert(candidate.path.parent_path().string()).second) result.push_back(candidate);
  }
  std::map<std::string, std::size_t> by_real_path;
  for (const Candidate& candidate : raw) {
    std::string real = fs::canonical(candidate.path, ec).string();
    if (ec) real = candidate.path.string();
    if (by_real_path.count(real) != 0) continue;
    by_real_path[real] = result.size();
    result.push_back(candidate);
  }
  return result;
}

core::Result<Interpreter> parse_probe_output(const std::string& json_text, const std::string& source) {
  nlohmann::json data = nlohmann::json::parse(json_text, nullptr, false);
  if (data.is_discarded() || !data.is_object())
    return core::Error{fmt::format("{}: the interpreter probe printed no JSON object", source)};
  Interpreter interpreter;
  for (const char* key : {"implementation", "version", "executable"}) {
    if (!data.contains(key) || !data[key].is_string())
      return core::Error{fmt::format("{}: the interpreter probe's output lacks \"{}\"", source, key)};
  }
  interpreter.implementation = data["implementation"].get<std::string>();
  interpreter.version = data["version"].get<std::string>();
  interpreter.implementation_version = data.value("implementation_version", interpreter.version);
  interpreter.executable = data["executable"].get<std::string>();
  interpreter.prefix = data.value("prefix", "");
  interpreter.ext_suffix = data.value("ext_suffix", "");
  interpreter.soabi = data.value("soabi", "");
  interpreter.in_venv = data.value("in_venv", false);
  interpreter.has_venv = data.value("has_venv", false);
  interpreter.has_pip = data.value("has_pip", false);
  interpreter.has_pytest = data.value("has_pytest", false);
  interpreter.id = interpreter.implementation + "-" + major_minor(interpreter.version);
  return interpreter;
}

std::string install_hint(const std::string& implementation) {
  if (implementation == "pypy")
    return "install PyPy with `apt-get install pypy3 pypy3-venv` (Debian/Ubuntu) or from "
           "https://www.pypy.org/download.html, or pass --pypy PATH";
  return "install CPython with `apt-get install python3 python3-venv` (Debian/Ubuntu) or pyenv, or pass "
         "--python PATH";
}

core::Result<Interpreter> probe_interpreter(const fs::path& interpreter_path,
                                            std::chrono::milliseconds timeout) {
  ProcessSpec spec;
  spec.argv = {interpreter_path.string(), "-c", std::string(probe_source("interpreter"))};
  spec.timeout = timeout;
  spec.output_cap_bytes = 1 << 16;
  auto result = run_process(spec);
  if (!result)
    return core::Error{fmt::format("{}: cannot run: {}", interpreter_path.string(), result.error().message)};
  if (!result->succeeded()) {
    std::string detail = result->err.substr(0, 400);
    while (!detail.empty() && detail.back() == '\n')
      detail.pop_back();
    return core::Error{fmt::format("{}: the interpreter probe failed ({}){}{}", interpreter_path.string(),
                                   describe_ending(*result, spec), detail.empty() ? "" : ": ", detail)};
  }
  auto interpreter = parse_probe_output(result->out, interpreter_path.string());
  if (!interpreter) return interpreter;
  interpreter->path = interpreter_path;
  return interpreter;
}

core::Result<Interpreter> select_interpreter(const std::string& name_or_path, const std::string& expected) {
  auto path = find_executable(name_or_path);
  if (!path) return core::Error{fmt::format("{}; {}", path.error().message, install_hint(expected))};
  auto interpreter = probe_interpreter(*path);
  if (!interpreter)
    return core::Error{fmt::format("{}; {}", interpreter.error().message, install_hint(expected))};
  interpreter->found_by.push_back(expected == "pypy" ? "--pypy" : "--python");
  // Run the real binary, not a launcher such as a pyenv shim (a shell script that adds start-up time).
  std::error_code ec;
  if (!interpreter->executable.empty() && fs::is_regular_file(interpreter->executable, ec))
    interpreter->path = interpreter->executable;
  return interpreter;
}

std::vector<core::Result<Interpreter>> select_interpreters(const std::vector<InterpreterRequest>& requests) {
  // Each probe is a child that mostly starts an interpreter (0.1-0.2 s): run side by side, a command
  // comparing two interpreters starts its work that much sooner.
  std::vector<std::future<core::Result<Interpreter>>> probing;
  probing.reserve(requests.size());
  for (const InterpreterRequest& request : requests)
    probing.push_back(std::async(std::launch::async, [&request] {
      return select_interpreter(request.name_or_path, request.expected);
    }));
  std::vector<core::Result<Interpreter>> selected;
  selected.reserve(requests.size());
  for (auto& probe : probing)
    selected.push_back(probe.get());
  return selected;
}

void assign_ids(std::vector<Interpreter>& interpreters) {
  std::map<std::string, int> count;
  for (auto& interpreter : interpreters)
    interpreter.id = interpreter.implementation + "-" + major_minor(interpreter.version);
  for (const auto& interpreter : interpreters)
    ++count[interpreter.id];
  for (auto& interpreter : interpreters) {
    if (count[interpreter.id] > 1) interpreter.id = interpreter.implementation + "-" + interpreter.version;
  }
  std::map<std::string, int> used;
  for (auto& interpreter : interpreters) {
    int n = ++used[interpreter.id];
    if (n > 1) interpreter.id += fmt::format("-{}", n);
  }
}

}  // namespace pypyready::run
