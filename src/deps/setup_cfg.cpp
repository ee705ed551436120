#include "deps/setup_cfg.h"

#include "core/text.h"

#include <fmt/format.h>

#include <cctype>

#include "deps/name.h"

namespace pypyready::deps {
namespace {

using core::trim;

struct Value {
  std::string section, key;
  std::vector<std::pair<std::string, int>> lines;  // each non-empty value line with its number
};

std::string group_for(const Value& value) {
  if (value.section == "options") {
    if (value.key == "install_requires") return "";
    if (value.key == "setup_requires") return "build";
    if (value.key == "tests_require") return "group:test";
    return "-";
  }
  if (value.section == "options.extras_require") return "extra:" + normalize_name(value.key);
  return "-";
}

void flush(Declarations& out, const Value& value, const std::string& file) {
  std::string group = group_for(value);
  if (group == "-") return;
  for (const auto& [text, line] : value.lines) {
    if (text.substr(0, 5) == "file:") {
      out.add_error(file, line,
                    fmt::format("'{} = file:' is not followed; expected the requirements inline", value.key));
      continue;
    }
    // `;` after whitespace starts an inline comment in setuptools' INI dialect only at line start.
    add_pep508(out, text, file, line, group);
  }
}

}  // namespace

Declarations read_setup_cfg(std::string_view text, const std::string& file) {
  Declarations out;
  out.files.push_back(file);
  std::string section;
  Value current;
  bool have_value = false;
  int number = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    std::string_view raw =
        text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    start = end == std::string_view::npos ? text.size() : end + 1;
    ++number;
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    std::string_view line = trim(raw);
    if (line.empty() || line.front() == '#' || line.front() == ';') continue;
    bool indented = std::isspace(static_cast<unsigned char>(raw.front())) != 0;
    if (indented && have_value) {
      current.lines.emplace_back(std::string(line), number);
      continue;
    }
    if (have_value) flush(out, current, file);
    have_value = false;
    if (line.front() == '[') {
      if (line.back() != ']') {
        out.add_error(file, number, "section header expected a closing ']'");
        continue;
      }
      section = std::string(trim(line.substr(1, line.size() - 2)));
      continue;
    }
    std::size_t equals = line.find_first_of("=:");
    if (equals == std::string_view::npos) {
      out.add_error(file, number, fmt::format("expected 'key = value' in section [{}]", section));
      continue;
    }
    current = Value{section, std::string(trim(line.substr(0, equals))), {}};
    std::string_view first = trim(line.substr(equals + 1));
    if (!first.empty()) current.lines.emplace_back(std::string(first), number);
    have_value = true;
  }
  if (have_value) flush(out, current, file);
  return out;
}

}  // namespace pypyready::deps
