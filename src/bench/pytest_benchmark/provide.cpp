#include "bench/pytest_benchmark/provide.h"

#include <fmt/format.h>

#include <chrono>
#include <filesystem>
#include <sstream>

#include "run/process.h"

namespace pypyready::bench::pytest_benchmark {
namespace {

// Found, not imported: importing pytest_benchmark here would take as long as a pytest start, and
// a module that is present but broken shows its error in the real run anyway.
const char* const kFindModules =
    "import importlib.util\n"
    "for name in ('pytest', 'pytest_benchmark', 'cpuinfo'):\n"
    "    if importlib.util.find_spec(name) is None:\n"
    "        print(name)\n";

std::string debian_package(const std::string& module) {
  if (module == "pytest_benchmark") return "python3-pytest-benchmark";
  // pytest under PyPy 3.9 (Python < 3.11) also needs the exceptiongroup backport.
  if (module == "pytest") return "python3-pytest python3-exceptiongroup";
  return "python3-" + module;
}

std::string pip_package(const std::string& module) {
  if (module == "pytest_benchmark") return "pytest-benchmark";
  if (module == "cpuinfo") return "py-cpuinfo";
  return module;
}

}  // namespace

core::Result<std::vector<std::string>> missing_modules(const run::Interpreter& interpreter) {
  run::ProcessSpec spec;
  spec.argv = {interpreter.path.string(), "-c", kFindModules};
  spec.timeout = std::chrono::seconds(30);
  auto ran = run::run_process(spec);
  if (!ran) return ran.error();
  if (!ran->succeeded())
    return core::Error{fmt::format("{} ({}): cannot look for pytest-benchmark: {}", interpreter.id,
                                   interpreter.path.string(), run::describe_ending(*ran, spec))};
  std::vector<std::string> missing;
  std::istringstream lines(ran->out);
  std::string line;
  while (std::getline(lines, line))
    if (!line.empty()) missing.push_back(line);
  return missing;
}

std::string how_to_provide(const std::vector<std::string>& modules, const run::Interpreter& interpreter) {
  std::error_code error;
  bool debian_system = !interpreter.in_venv && std::filesystem::exists("/etc/debian_version", error) &&
                       (interpreter.executable.empty() ? interpreter.path.string() : interpreter.executable)
                           .starts_with("/usr/bin/");
  return how_to_provide(modules, interpreter, debian_system);
}

std::string how_to_provide(const std::vector<std::string>& modules, const run::Interpreter& interpreter,
                           bool debian_system) {
  const std::string& executable =
      interpreter.executable.empty() ? interpreter.path.string() : interpreter.executable;
  std::string packages;
  for (const std::string& module : modules)
    packages +=
        (packages.empty() ? "" : " ") + (debian_system ? debian_package(module) : pip_package(module));
  if (debian_system) {
    // Debian's pypy3 also imports from /usr/lib/python3/dist-packages, so the python3-* packages
    // serve both interpreters.
    return fmt::format("apt-get install {}{}", packages,
                       interpreter.implementation == "pypy"
                           ? " (Debian's pypy3 also imports from /usr/lib/python3/dist-packages)"
                           : "");
  }
  if (interpreter.has_pip) return fmt::format("{} -m pip install {}", executable, packages);
  return fmt::format("{} -m ensurepip && {} -m pip install {}", executable, executable, packages);
}

}  // namespace pypyready::bench::pytest_benchmark
