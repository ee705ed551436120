#pragma once
// toml++ behind a Result: a syntax error becomes `file:line:column: reason`, and small helpers
// give the line of a node and read arrays of strings.

#include <toml++/toml.h>

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace pypyready::deps {

/// Parses TOML text; `file` only names the input in the error.
core::Result<toml::table> parse_toml(std::string_view text, const std::string& file);

/// The 1-based line where `node` starts (0 when unknown).
int line_of(const toml::node& node);

}  // namespace pypyready::deps
