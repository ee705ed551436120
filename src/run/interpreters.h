#pragma once
// Interpreter discovery: where Pythons live (PATH, pyenv, conda, virtual environments), and what
// each one is, asked by running the embedded interpreter probe in a child with a timeout.

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "core/result.h"

namespace pypyready::run {

/// One interpreter, as its probe described it.
struct Interpreter {
  std::string id;                      ///< "cpython-3.11", "pypy-3.9" (made unique within one listing)
  std::string implementation;          ///< "cpython" or "pypy" (sys.implementation.name)
  std::string version;                 ///< language version, "3.11.7"
  std::string implementation_version;  ///< "7.3.11" for PyPy; equals version for CPython
  std::filesystem::path path;          ///< as found or given (what pypyready runs)
  std::string executable;              ///< sys.executable
  std::string prefix;                  ///< sys.prefix
  std::string ext_suffix;              ///< EXT_SUFFIX, e.g. ".pypy39-pp73-x86_64-linux-gnu.so"
  std::string soabi;
  bool in_venv = false;
  bool has_venv = false;  ///< `venv` and `ensurepip` importable: can create virtual environments
  bool has_pip = false;
  bool has_pytest = false;            ///< pytest importable: `pypyready test` can run a suite with it
  std::vector<std::string> found_by;  ///< "PATH", "pyenv", "conda", "VIRTUAL_ENV", ".venv", "--python"
};

/// A place to look and why it was looked at.
struct Candidate {
  std::filesystem::path path;
  std::string found_by;
};

/// The inputs of discovery, so tests can use a fake home and PATH.
struct DiscoveryEnvironment {
  std::string path_variable;  ///< PATH
  std::filesystem::path home;
  std::string virtual_env;        ///< VIRTUAL_ENV
  std::string conda_prefix;       ///< CONDA_PREFIX
  std::filesystem::path project;  ///< its .venv is looked at
  /// From the real environment, with `project` as given.
  static DiscoveryEnvironment from_process(const std::filesystem::path& project);
};

/// Every python3*/pypy3* executable in the places discovery looks, deduplicated by real path
/// except for virtual environments (whose interpreter is a symlink to a base one but differs).
std::vector<Candidate> find_candidates(const DiscoveryEnvironment& environment);

/// Parses the interpreter probe's JSON; the error names `source` and the missing key.
core::Result<Interpreter> parse_probe_output(const std::string& json_text, const std::string& source);

/// Runs the probe with `interpreter_path`; the error says why it cannot be used and how to install one.
core::Result<Interpreter> probe_interpreter(const std::filesystem::path& interpreter_path,
                                            std::chrono::milliseconds timeout = std::chrono::seconds(15));

/// Resolves a --python/--pypy argument (a path or a name on PATH) and probes it; the error
/// includes an install hint suited to `expected` ("cpython" or "pypy").
core::Result<Interpreter> select_interpreter(const std::string& name_or_path, const std::string& expected);

/// A --python/--pypy request: a path or name on PATH, and the implementation expected of it.
struct InterpreterRequest {
  std::string name_or_path;
  std::string expected;
};

/// select_interpreter for each request, the probes running at once; results in request order.
std::vector<core::Result<Interpreter>> select_interpreters(const std::vector<InterpreterRequest>& requests);

/// How to get an interpreter of `implementation` on this kind of system.
std::string install_hint(const std::string& implementation);

/// Gives every interpreter a short id ("pypy-3.9"), adding the full version then a counter on clashes.
void assign_ids(std::vector<Interpreter>& interpreters);

}  // namespace pypyready::run
