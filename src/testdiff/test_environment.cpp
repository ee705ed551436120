#include "testdiff/test_environment.h"

#include <fmt/format.h>

namespace pypyready::testdiff {
namespace {

std::string describe_environment(const run::Interpreter& interpreter, const std::string& origin) {
  if (!origin.empty()) return fmt::format("{} ({})", origin, interpreter.prefix);
  if (interpreter.in_venv) return fmt::format("virtual environment ({})", interpreter.prefix);
  return fmt::format("system interpreter ({})", interpreter.executable);
}

}  // namespace

core::Result<TestInterpreter> choose_test_interpreter(const std::string& given,
                                                      const std::string& implementation,
                                                      const std::filesystem::path& project) {
  if (!given.empty()) {
    auto chosen = run::select_interpreter(given, implementation);
    if (!chosen) return chosen.error();
    return TestInterpreter{*chosen, describe_environment(*chosen, "")};
  }
  std::vector<std::string> folders{".venv"};
  if (implementation == "pypy") folders.push_back(".venv-pypy");
  for (const std::string& folder : folders) {
    std::filesystem::path python = project / folder / "bin" / "python";
    std::error_code error;
    if (!std::filesystem::exists(python, error)) continue;
    auto probed = run::probe_interpreter(python);
    if (probed && probed->implementation == implementation)
      return TestInterpreter{*probed, describe_environment(*probed, "project " + folder)};
  }
  auto chosen = run::select_interpreter(implementation == "pypy" ? "pypy3" : "python3", implementation);
  if (!chosen) return chosen.error();
  if (chosen->has_pytest) return TestInterpreter{*chosen, describe_environment(*chosen, "")};
  // The first interpreter on PATH often is a pyenv or tool build without pytest while the
  // distribution's one has it: use the first interpreter found that can run the suite.
  for (const run::Candidate& candidate :
       run::find_candidates(run::DiscoveryEnvironment::from_process(project))) {
    auto probed = run::probe_interpreter(candidate.path);
    if (!probed || probed->implementation != implementation || !probed->has_pytest) continue;
    return TestInterpreter{*probed, describe_environment(*probed, "") +
                                        fmt::format("; {} on PATH has no pytest", chosen->executable)};
  }
  return TestInterpreter{*chosen, describe_environment(*chosen, "")};
}

std::string missing_module(const std::string& output) {
  for (std::string_view marker : {"No module named '", "No module named "}) {
    std::size_t at = output.find(marker);
    if (at == std::string::npos) continue;
    std::size_t start = at + marker.size();
    std::size_t end = output.find_first_of("'\n .", start);
    return output.substr(start, end == std::string::npos ? std::string::npos : end - start);
  }
  return {};
}

std::string how_to_install(const std::string& module, const run::Interpreter& interpreter) {
  const std::string& executable =
      interpreter.executable.empty() ? interpreter.path.string() : interpreter.executable;
  std::error_code error;
  bool debian_system = !interpreter.in_venv && std::filesystem::exists("/etc/debian_version", error) &&
                       executable.starts_with("/usr/bin/");
  if (debian_system) {
    // Debian's pypy3 also reads /usr/lib/python3/dist-packages, so the python3-* packages serve both.
    std::string packages = module == "pytest" ? "python3-pytest python3-exceptiongroup" : "python3-" + module;
    std::string note = interpreter.implementation == "pypy"
                           ? " (Debian's pypy3 also imports from /usr/lib/python3/dist-packages)"
                           : "";
    return fmt::format("apt-get install {}{}", packages, note);
  }
  if (interpreter.in_venv || interpreter.has_pip)
    return fmt::format("{} -m pip install {}", executable, module);
  return fmt::format("{} -m ensurepip && {} -m pip install {}", executable, executable, module);
}

}  // namespace pypyready::testdiff
