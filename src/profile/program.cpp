#include "profile/program.h"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>

#include "run/process.h"

namespace pypyready::profile {
namespace {

// Interpreter options that take a value, as a separate word or attached (-X dev, -Xdev).
bool takes_value(const std::string& option) {
  return option == "-X" || option == "-W";
}

bool is_python_word(std::string_view name) {
  for (std::string_view prefix : {"python", "pypy"}) {
    if (!name.starts_with(prefix)) continue;
    std::string_view rest = name.substr(prefix.size());
    bool version = true;
    for (char c : rest)
      version = version && ((c >= '0' && c <= '9') || c == '.');
    if (version) return true;
  }
  return false;
}

}  // namespace

bool is_interpreter_name(const std::string& word) {
  if (word == "{python}") return true;
  return is_python_word(std::filesystem::path(word).filename().string());
}

core::Result<Program> parse_program(const std::vector<std::string>& command, const ScriptLookup& lookup) {
  if (command.empty())
    return core::Error{"no command: give `-- python3 app.py ARGS`, `-- python3 -m MODULE`, or `-- app.py`"};
  Program program;
  const std::string& first = command[0];
  if (is_interpreter_name(first)) {
    program.interpreter = first == "{python}" ? "" : first;
    std::size_t i = 1;
    for (; i < command.size(); ++i) {
      const std::string& word = command[i];
      if (word == "-m" || word == "-c") {
        if (i + 1 >= command.size()) return core::Error{fmt::format("`{}` needs a value", word)};
        program.mode = word == "-m" ? "module" : "code";
        program.target = command[i + 1];
        i += 2;
        break;
      }
      if (word == "-" || word.empty())
        return core::Error{"a program read from standard input cannot be profiled: give a file, -m or -c"};
      if (word[0] != '-') {
        program.mode = "script";
        program.target = word;
        ++i;
        break;
      }
      if (word.starts_with("-m") || word.starts_with("-c")) {  // -mpkg, -cCODE
        program.mode = word[1] == 'm' ? "module" : "code";
        program.target = word.substr(2);
        ++i;
        break;
      }
      program.interpreter_options.push_back(word);
      if (takes_value(word)) {
        if (i + 1 >= command.size()) return core::Error{fmt::format("`{}` needs a value", word)};
        program.interpreter_options.push_back(command[++i]);
      }
    }
    if (program.mode.empty())
      return core::Error{fmt::format("`{}` with no program: give a script, -m MODULE or -c CODE", first)};
    program.args.assign(command.begin() + static_cast<long>(i), command.end());
    return program;
  }
  program.args.assign(command.begin() + 1, command.end());
  program.mode = "script";
  if (first.ends_with(".py")) {
    program.target = first;
    return program;
  }
  std::optional<std::pair<std::string, std::string>> script;
  if (lookup) script = lookup(first);
  if (script) {
    program.target = script->first;
    program.interpreter = script->second;
    return program;
  }
  return core::Error{fmt::format(
      "`{}` is not a Python program: the sampler runs inside the interpreter, so give `python3 SCRIPT.py`, "
      "`python3 -m MODULE`, a .py file, or a script whose #! line names Python",
      first)};
}

std::optional<std::pair<std::string, std::string>> find_python_script(const std::string& word) {
  auto path = run::find_executable(word);
  if (!path) return std::nullopt;
  std::ifstream in(*path, std::ios::binary);
  std::string line;
  if (!std::getline(in, line) || !line.starts_with("#!")) return std::nullopt;
  // "#!/usr/bin/python3", "#!/usr/bin/env python3", "#!/venv/bin/python -E"
  std::vector<std::string> words;
  std::string current;
  for (char c : line.substr(2)) {
    if (c == ' ' || c == '\t' || c == '\r') {
      if (!current.empty()) words.push_back(current);
      current.clear();
    } else {
      current += c;
    }
  }
  if (!current.empty()) words.push_back(current);
  if (words.empty()) return std::nullopt;
  std::string interpreter = words[0];
  if (std::filesystem::path(interpreter).filename() == "env" && words.size() > 1) interpreter = words[1];
  if (!is_interpreter_name(interpreter)) return std::nullopt;
  return std::pair{path->string(), interpreter};
}

std::vector<std::string> bench_command(const Program& program) {
  std::vector<std::string> argv{"{python}"};
  argv.insert(argv.end(), program.interpreter_options.begin(), program.interpreter_options.end());
  if (program.mode == "module") argv.push_back("-m");
  if (program.mode == "code") argv.push_back("-c");
  argv.push_back(program.target);
  argv.insert(argv.end(), program.args.begin(), program.args.end());
  return argv;
}

}  // namespace pypyready::profile
