#pragma once
// Line starts of a decoded text, to turn CPython positions (line, byte column) into byte
// offsets and code-point columns.

#include <cstdint>
#include <string_view>
#include <vector>

#include "scan/finding.h"

namespace pypyready::scan {

/// Maps (1-based line, 0-based byte column) to a Location and back to line text. Not for
/// sharing between threads: the first question fills the table.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);

  /// The Location of a CPython position (byte column); clamps past-the-end positions.
  Location location(std::uint32_t line, std::uint32_t byte_column) const;
  /// The text of a 1-based line without its newline ("" when out of range).
  std::string_view line_text(std::uint32_t line) const;
  std::uint32_t line_count() const { return static_cast<std::uint32_t>(starts().size()); }

 private:
  /// The line starts, found on the first question: most files get no finding and never ask.
  const std::vector<std::uint32_t>& starts() const {
    if (starts_.empty()) find_starts();
    return starts_;
  }
  void find_starts() const;

  std::string_view text_;
  mutable std::vector<std::uint32_t> starts_;  ///< empty until starts() (a text has one line at least)
};

/// Number of code points in a UTF-8 string (continuation bytes are not counted).
std::uint32_t code_point_count(std::string_view utf8);

}  // namespace pypyready::scan
