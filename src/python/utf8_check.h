#pragma once
// Strict UTF-8 validation that reports the first problem the way Python's utf-8 codec does.

#include <cstddef>
#include <string>
#include <string_view>

namespace pypyready::python {

/// The first undecodable sequence of a byte string, as Python's utf-8 codec sees it.
struct Utf8Problem {
  bool found = false;
  std::size_t offset = 0;   ///< where the bad sequence starts
  std::size_t length = 1;   ///< bytes the codec reports (the bad start byte, or the valid prefix)
  std::string_view reason;  ///< "invalid start byte", "invalid continuation byte", "unexpected end of data"
  unsigned char first_byte = 0;

  /// "byte 0xff in position 0: invalid start byte" or "bytes in position 0-1: ...", the
  /// position counted from the start of the bad sequence.
  std::string describe() const;
};

/// Finds the first invalid sequence (overlong forms, surrogates and values above U+10FFFF are
/// invalid, as in Python); `found` is false for valid UTF-8.
Utf8Problem find_utf8_problem(std::string_view bytes);

}  // namespace pypyready::python
