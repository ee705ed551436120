#include "scan/line_index.h"

#include <algorithm>
#include <cstring>

namespace pypyready::scan {

std::uint32_t code_point_count(std::string_view utf8) {
  std::uint32_t count = 0;
  for (char byte : utf8) {
    if ((static_cast<unsigned char>(byte) & 0xC0) != 0x80) ++count;
  }
  return count;
}

LineIndex::LineIndex(std::string_view text) : text_(text) {}

void LineIndex::find_starts() const {
  const std::string_view text = text_;
  // memchr finds the newlines a vector at a time; a byte loop cost as much as the tokenizer's
  // whole newline handling.
  starts_.reserve(text.size() / 32 + 1);
  starts_.push_back(0);
  const char* begin = text.data();
  const char* end = begin + text.size();
  for (const char* at = begin; at < end;) {
    const auto* newline = static_cast<const char*>(std::memchr(at, '\n', static_cast<std::size_t>(end - at)));
    if (newline == nullptr) break;
    starts_.push_back(static_cast<std::uint32_t>(newline - begin + 1));
    at = newline + 1;
  }
}

std::string_view LineIndex::line_text(std::uint32_t line) const {
  const std::vector<std::uint32_t>& line_starts = starts();
  if (line == 0 || line > line_starts.size()) return {};
  std::uint32_t begin = line_starts[line - 1];
  std::uint32_t end =
      line < line_starts.size() ? line_starts[line] - 1 : static_cast<std::uint32_t>(text_.size());
  if (end < begin) end = begin;
  return text_.substr(begin, end - begin);
}

Location LineIndex::location(std::uint32_t line, std::uint32_t byte_column) const {
  const std::vector<std::uint32_t>& line_starts = starts();
  if (line == 0) line = 1;
  if (line > line_starts.size()) line = static_cast<std::uint32_t>(line_starts.size());
  std::string_view text = line_text(line);
  std::uint32_t column = std::min<std::uint32_t>(byte_column, static_cast<std::uint32_t>(text.size()));
  std::string_view before = text.substr(0, column);
  std::uint32_t code_points = code_point_count(before);
  // A four-byte sequence (lead byte 0xF0-0xF4) is a character beyond U+FFFF: a surrogate pair.
  std::uint32_t astral = static_cast<std::uint32_t>(std::count_if(
      before.begin(), before.end(), [](char byte) { return static_cast<unsigned char>(byte) >= 0xF0; }));
  return Location{line, code_points + 1, line_starts[line - 1] + column, code_points + astral + 1};
}

}  // namespace pypyready::scan
