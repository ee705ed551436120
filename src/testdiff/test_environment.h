#pragma once
// Which interpreter runs the suite on each side, and in which environment: a project virtual
// environment when there is one of the right implementation, else the system interpreter. Also
// how to provide pytest to an interpreter that lacks it.

#include <filesystem>
#include <string>

#include "core/result.h"
#include "run/interpreters.h"

namespace pypyready::testdiff {

/// An interpreter and a description of its environment for the report.
struct TestInterpreter {
  run::Interpreter interpreter;
  std::string environment;  ///< "project .venv (/p/.venv)", "virtual environment (...)", "system interpreter"
};

/// `given` (a --python/--pypy value) when set; else `project`/.venv, then `project`/.venv-pypy for
/// PyPy, when its implementation is `implementation`; else python3 / pypy3 from PATH, or when that
/// one lacks pytest, the first discovered interpreter of `implementation` that has it.
core::Result<TestInterpreter> choose_test_interpreter(const std::string& given,
                                                      const std::string& implementation,
                                                      const std::filesystem::path& project);

/// The module whose absence stopped pytest from starting ("pytest", "tomli", ...), from its stderr;
/// empty when the output does not show one.
std::string missing_module(const std::string& output);

/// The exact command that provides `module` (pytest or one of its dependencies) to `interpreter`.
std::string how_to_install(const std::string& module, const run::Interpreter& interpreter);

}  // namespace pypyready::testdiff
