#pragma once
// Small text helpers shared by readers and renderers.

#include <string>
#include <string_view>

namespace pypyready::core {

/// `text` without leading and trailing ASCII whitespace.
std::string_view trim(std::string_view text);

/// `text` made safe for one cell of a Markdown table: `|` escaped, line breaks as spaces.
std::string markdown_table_cell(std::string_view text);

}  // namespace pypyready::core
