#pragma once
// What `pypyready profile -- CMD ARGS` is asked to run, understood as a Python program: the
// sampler runs inside the interpreter, so CMD must be one (`python3 app.py`, `python3 -m pkg`,
// `python3 -c CODE`), a `.py` file, or an executable script whose #! line names Python (a
// console script such as `pytest`).

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"

namespace pypyready::profile {

struct Program {
  std::string interpreter;  ///< as given ("python3", "/usr/bin/python3"); empty: the default one
  std::vector<std::string> interpreter_options;  ///< -X dev, -O, -W error, ... passed through
  std::string mode;                              ///< script, module, code
  std::string target;                            ///< the file, the module or the code
  std::vector<std::string> args;                 ///< the program's own arguments
};

/// For a word that is neither an interpreter nor a .py file: the path of the executable script it
/// names and the interpreter of its #! line, when that is Python.
using ScriptLookup =
    std::function<std::optional<std::pair<std::string, std::string>>(const std::string& word)>;

/// Understands CMD ARGS; the error says what was expected.
core::Result<Program> parse_program(const std::vector<std::string>& command, const ScriptLookup& lookup);

/// The lookup on this machine: PATH search and the file's first line.
std::optional<std::pair<std::string, std::string>> find_python_script(const std::string& word);

/// True for python, python3, python3.11, {python}, and paths ending in those (also pypy names).
bool is_interpreter_name(const std::string& word);

/// The command that runs the same program with an interpreter placeholder `{python}` (for the
/// bench harness, which substitutes each interpreter).
std::vector<std::string> bench_command(const Program& program);

}  // namespace pypyready::profile
