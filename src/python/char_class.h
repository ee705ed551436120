#pragma once
// Byte classes for the tokenizer's hot loops, and the small formatting helpers its error
// messages need.

#include <array>
#include <cstdint>
#include <string>

namespace pypyready::python::detail {

inline constexpr std::uint8_t kIdentifierStart = 1;  ///< letter, '_' or any non-ASCII byte
inline constexpr std::uint8_t kIdentifierPart = 2;   ///< kIdentifierStart or a digit
inline constexpr std::uint8_t kStringPrefix = 4;     ///< b, r, u, f in either case
inline constexpr std::uint8_t kBlank = 8;            ///< space, tab, form feed: between tokens
inline constexpr std::uint8_t kAsciiNamePart = 16;   ///< ASCII letter, digit or '_'
/// A quote or a non-ASCII byte: after an ASCII name, what sends it down the full path (string
/// prefix, PEP 3131 identifier).
inline constexpr std::uint8_t kQuoteOrNonAscii = 32;

/// CPython's is_potential_identifier_start/char: non-ASCII bytes are let through and checked
/// against PEP 3131 once the whole identifier is known.
inline constexpr std::array<std::uint8_t, 256> kCharClass = [] {
  std::array<std::uint8_t, 256> table{};
  for (int c = 0; c < 256; ++c) {
    bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    bool digit = c >= '0' && c <= '9';
    bool prefix =
        c == 'b' || c == 'B' || c == 'r' || c == 'R' || c == 'u' || c == 'U' || c == 'f' || c == 'F';
    table[c] = static_cast<std::uint8_t>((letter ? kIdentifierStart | kIdentifierPart : 0) |
                                         (digit ? kIdentifierPart : 0) | (prefix ? kStringPrefix : 0) |
                                         (c == ' ' || c == '\t' || c == '\f' ? kBlank : 0) |
                                         ((letter || digit) && c < 0x80 ? kAsciiNamePart : 0) |
                                         (c == '"' || c == '\'' || c >= 0x80 ? kQuoteOrNonAscii : 0));
  }
  return table;
}();

inline bool is_digit(int c) {
  return c >= '0' && c <= '9';
}

inline bool is_hex_digit(int c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/// At least four upper-case hex digits, as CPython's "U+%04X".
inline std::string hex_upper4(char32_t value) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  std::string out;
  do {
    out.insert(out.begin(), kDigits[value & 0xF]);
    value >>= 4;
  } while (value != 0);
  while (out.size() < 4)
    out.insert(out.begin(), '0');
  return out;
}

/// Two lower-case hex digits, as Python's "0x%02x" in codec errors.
inline std::string hex_lower(unsigned char value) {
  static constexpr char kDigits[] = "0123456789abcdef";
  return std::string{kDigits[value >> 4], kDigits[value & 0xF]};
}

}  // namespace pypyready::python::detail
