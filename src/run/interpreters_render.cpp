#include "run/interpreters_render.h"

#include <fmt/format.h>

#include <algorithm>

namespace pypyready::run {

nlohmann::json interpreter_to_json(const Interpreter& interpreter) {
  std::string found_by;
  for (const auto& source : interpreter.found_by)
    found_by += (found_by.empty() ? "" : ",") + source;
  return {{"id", interpreter.id},
          {"implementation", interpreter.implementation},
          {"version", interpreter.version},
          {"implementation_version", interpreter.implementation_version},
          {"executable", interpreter.path.string()},
          {"sys_executable", interpreter.executable},
          {"prefix", interpreter.prefix},
          {"ext_suffix", interpreter.ext_suffix},
          {"soabi", interpreter.soabi},
          {"in_venv", interpreter.in_venv},
          {"has_venv", interpreter.has_venv},
          {"has_pip", interpreter.has_pip},
          {"has_pytest", interpreter.has_pytest},
          {"found_by", interpreter.found_by}};
}

std::string render_interpreters_text(const std::vector<Interpreter>& interpreters,
                                     const std::vector<std::string>& problems) {
  std::vector<std::vector<std::string>> rows{
      {"id", "implementation", "version", "executable", "ext_suffix", "venv", "pip", "found by"}};
  for (const auto& interpreter : interpreters) {
    std::string impl = interpreter.implementation;
    if (interpreter.implementation_version != interpreter.version)
      impl += " " + interpreter.implementation_version;
    std::string found_by;
    for (const auto& source : interpreter.found_by)
      found_by += (found_by.empty() ? "" : ", ") + source;
    if (interpreter.in_venv) found_by += " (virtual env)";
    rows.push_back({interpreter.id, impl, interpreter.version, interpreter.path.string(),
                    interpreter.ext_suffix, interpreter.has_venv ? "yes" : "no",
                    interpreter.has_pip ? "yes" : "no", found_by});
  }
  std::vector<std::size_t> widths(rows[0].size(), 0);
  for (const auto& row : rows)
    for (std::size_t i = 0; i < row.size(); ++i)
      widths[i] = std::max(widths[i], row[i].size());
  std::string text;
  for (const auto& row : rows) {
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i)
      line += fmt::format("{:<{}}  ", row[i], widths[i]);
    while (!line.empty() && line.back() == ' ')
      line.pop_back();
    text += line + "\n";
  }
  if (interpreters.empty()) text += "no Python interpreter found\n";
  for (const auto& problem : problems)
    text += "unusable: " + problem + "\n";
  return text;
}

}  // namespace pypyready::run
