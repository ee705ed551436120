#include "deps/interpreter_paths.h"

#include <fmt/format.h>

#include <algorithm>

#include "deps/child_process.h"

namespace pypyready::deps {
namespace {

// Runs on any Python 3.8+ (CPython or PyPy), stdlib only; one `key=value` per line.
constexpr const char* kProbe =
    "import sys, sysconfig\n"
    "print('executable=' + sys.executable)\n"
    "print('implementation=' + sys.implementation.name)\n"
    "print('version=' + '.'.join(map(str, sys.version_info[:3])))\n"
    "paths = sysconfig.get_paths()\n"
    "print('site=' + paths['purelib'])\n"
    "print('site=' + paths['platlib'])\n"
    "for p in sys.path:\n"
    "    if p.endswith(('site-packages', 'dist-packages')):\n"
    "        print('site=' + p)\n";

}  // namespace

core::Result<InterpreterSites> parse_interpreter_probe(const std::string& output,
                                                       const std::string& interpreter) {
  InterpreterSites sites;
  std::size_t start = 0;
  while (start < output.size()) {
    std::size_t end = output.find('\n', start);
    std::string line = output.substr(start, end == std::string::npos ? std::string::npos : end - start);
    start = end == std::string::npos ? output.size() : end + 1;
    std::size_t equals = line.find('=');
    if (equals == std::string::npos) continue;
    std::string key = line.substr(0, equals), value = line.substr(equals + 1);
    if (key == "executable") sites.executable = value;
    if (key == "implementation") sites.implementation = value;
    if (key == "version") sites.version = value;
    if (key == "site") {
      std::error_code ec;
      std::filesystem::path path(value);
      if (std::filesystem::is_directory(path, ec) &&
          std::find(sites.sites.begin(), sites.sites.end(), path) == sites.sites.end()) {
        sites.sites.push_back(path);
      }
    }
  }
  if (sites.implementation.empty() || sites.version.empty()) {
    return core::Error{fmt::format(
        "{}: unexpected answer to the site probe; expected implementation= and version= lines", interpreter)};
  }
  return sites;
}

core::Result<InterpreterSites> query_interpreter_sites(const std::string& interpreter,
                                                       std::chrono::milliseconds timeout) {
  auto run = run_child({interpreter, "-I", "-c", kProbe}, timeout);
  if (!run) return run.error();
  if (run->timed_out) {
    return core::Error{fmt::format("{}: no answer within {} ms; expected a working Python interpreter",
                                   interpreter, timeout.count())};
  }
  if (run->exit_code != 0) {
    std::string err = run->err.substr(0, 400);
    return core::Error{fmt::format("{}: exited with status {}: {}", interpreter, run->exit_code, err)};
  }
  return parse_interpreter_probe(run->out, interpreter);
}

}  // namespace pypyready::deps
