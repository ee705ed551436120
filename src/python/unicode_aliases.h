#pragma once
// Unicode name aliases (NameAliases.txt) that CPython 3.11 accepts in \N{...} escapes.

#include <optional>
#include <string_view>

namespace pypyready::python {

/// The character an alias names (control names such as "NULL", abbreviations such as "BEL",
/// corrections, figments); `upper_name` must be in capitals. nullopt if it is no alias.
std::optional<char32_t> find_name_alias(std::string_view upper_name);

}  // namespace pypyready::python
