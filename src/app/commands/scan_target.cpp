#include "app/commands/scan_target.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "deps/pypy_capi.h"
#include "run/interpreters.h"

namespace pypyready::app {
namespace {

constexpr scan::PythonVersion kDefaultTarget{3, 10};

// The rules whose findings depend on the target version.
constexpr std::array<std::string_view, 3> kTargetRules{"PPY034", "PPY040", "PPY041"};

core::Result<scan::PythonVersion> parse_target(const std::string& text, const std::string& where) {
  std::optional<scan::PythonVersion> version = scan::PythonVersion::parse(text);
  if (!version || version->major != 3) {
    return core::Error{
        fmt::format("{}: `{}` is not a Python 3 language version; expected X.Y such as 3.10", where, text)};
  }
  return *version;
}

// The pypy3 on PATH: its C-API library's name gives the version without running it; else ask it.
std::optional<TargetPython> find_pypy() {
  if (core::Result<deps::PyPyInstallation> installation = deps::locate_pypy("pypy3")) {
    if (std::optional<scan::PythonVersion> version =
            scan::PythonVersion::parse(installation->python_version)) {
      return TargetPython{*version, "pypy3 at " + installation->interpreter.string()};
    }
  }
  if (core::Result<run::Interpreter> probed = run::select_interpreter("pypy3", "pypy")) {
    if (std::optional<scan::PythonVersion> version = scan::PythonVersion::parse(probed->version)) {
      return TargetPython{*version, "pypy3 at " + probed->path.string()};
    }
  }
  return std::nullopt;
}

}  // namespace

bool rules_use_target_python(const std::vector<const scan::RuleEntry*>& rules) {
  return std::any_of(rules.begin(), rules.end(), [](const scan::RuleEntry* entry) {
    return std::find(kTargetRules.begin(), kTargetRules.end(), entry->info->code) != kTargetRules.end();
  });
}

core::Result<TargetPython> resolve_target_python(const std::string& flag,
                                                 const std::optional<std::string>& configured,
                                                 const std::string& config_file, bool look_for_pypy) {
  if (!flag.empty()) {
    core::Result<scan::PythonVersion> version = parse_target(flag, "--target-pypy");
    if (!version) return version.error();
    return TargetPython{*version, "--target-pypy"};
  }
  if (configured) {
    core::Result<scan::PythonVersion> version = parse_target(*configured, config_file + ": target-pypy");
    if (!version) return version.error();
    return TargetPython{*version, "target-pypy in " + config_file};
  }
  if (look_for_pypy) {
    if (std::optional<TargetPython> found = find_pypy()) return *found;
  }
  return TargetPython{kDefaultTarget, "default"};
}

}  // namespace pypyready::app
