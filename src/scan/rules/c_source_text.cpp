#include "scan/rules/c_source_text.h"

#include <array>

namespace pypyready::scan::rules {
namespace {

bool is_identifier_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

bool is_identifier_char(char c) {
  return is_identifier_start(c) || (c >= '0' && c <= '9');
}

}  // namespace

std::string blank_comments_and_literals(std::string_view source) {
  std::string out(source);
  auto blank = [&](std::size_t from, std::size_t to) {
    for (std::size_t index = from; index < to && index < out.size(); ++index) {
      if (out[index] != '\n') out[index] = ' ';
    }
  };
  std::size_t index = 0;
  while (index < source.size()) {
    char c = source[index];
    if (c == '/' && index + 1 < source.size() && source[index + 1] == '/') {
      std::size_t end = source.find('\n', index);
      if (end == std::string_view::npos) end = source.size();
      blank(index, end);
      index = end;
    } else if (c == '/' && index + 1 < source.size() && source[index + 1] == '*') {
      std::size_t end = source.find("*/", index + 2);
      end = end == std::string_view::npos ? source.size() : end + 2;
      blank(index, end);
      index = end;
    } else if (c == '"' || c == '\'') {
      // A literal ends at its closing quote or, unterminated, at the end of the line.
      std::size_t end = index + 1;
      while (end < source.size() && source[end] != c && source[end] != '\n') {
        end += source[end] == '\\' ? 2 : 1;
      }
      end = std::min(end + 1, source.size());
      blank(index + 1, end - 1);
      index = end;
    } else if (is_identifier_char(c)) {
      // Skip whole words so that the quote of u8"..." or the digits of 0x1F start nothing.
      while (index < source.size() && is_identifier_char(source[index]))
        ++index;
    } else {
      ++index;
    }
  }
  return out;
}

std::vector<CIdentifier> c_identifiers(std::string_view code) {
  std::vector<CIdentifier> out;
  std::size_t index = 0;
  while (index < code.size()) {
    if (!is_identifier_char(code[index])) {
      ++index;
      continue;
    }
    std::size_t start = index;
    while (index < code.size() && is_identifier_char(code[index]))
      ++index;
    if (is_identifier_start(code[start])) out.push_back({code.substr(start, index - start), start});
  }
  return out;
}

bool is_c_source_name(std::string_view name) {
  static constexpr std::array<std::string_view, 8> kSuffixes{".c", ".cc", ".cpp", ".cxx",
                                                             ".h", ".hh", ".hpp", ".hxx"};
  for (std::string_view suffix : kSuffixes) {
    if (name.size() > suffix.size() && name.ends_with(suffix)) return true;
  }
  return false;
}

}  // namespace pypyready::scan::rules
