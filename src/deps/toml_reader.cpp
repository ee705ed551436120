#include "deps/toml_reader.h"

#include <fmt/format.h>

namespace pypyready::deps {

core::Result<toml::table> parse_toml(std::string_view text, const std::string& file) {
  try {
    return toml::parse(text, file);
  } catch (const toml::parse_error& error) {
    const auto& where = error.source().begin;
    return core::Error{
        fmt::format("{}:{}:{}: invalid TOML: {}", file, where.line, where.column, error.description())};
  }
}

int line_of(const toml::node& node) {
  return static_cast<int>(node.source().begin.line);
}

}  // namespace pypyready::deps
