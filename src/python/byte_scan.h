#pragma once
// Word-at-a-time byte search for the front end's hot loops (string bodies, indentation): eight
// bytes per step with plain integer operations, no SIMD. Callers load a word only when eight
// bytes remain before the end of their buffer and finish the tail byte by byte.

#include <bit>
#include <cstdint>
#include <cstring>

namespace pypyready::python::detail {

/// Whether words are little-endian, so that the lowest flagged lane is the first byte in memory.
/// Elsewhere callers keep their byte loops.
inline constexpr bool kWordScan = std::endian::native == std::endian::little;

/// The word of eight copies of `byte`.
constexpr std::uint64_t repeat_byte(unsigned char byte) {
  return 0x0101010101010101ULL * byte;
}

/// The eight bytes at `p` as one word.
inline std::uint64_t load_word(const char* p) {
  std::uint64_t word;
  std::memcpy(&word, p, sizeof word);
  return word;
}

/// A mask with the high bit set in the lanes of `word` equal to `byte`. Borrows can also flag a
/// lane above a true match, never one below it: the lowest flagged lane is exact, and so is
/// "no lane flagged". Masks of several bytes may be OR-ed for the first lane matching any.
inline std::uint64_t lanes_equal(std::uint64_t word, unsigned char byte) {
  const std::uint64_t x = word ^ repeat_byte(byte);
  return (x - repeat_byte(0x01)) & ~x & repeat_byte(0x80);
}

/// The index (0-7) of the lowest flagged lane of a non-zero mask.
inline unsigned first_lane(std::uint64_t mask) {
  return static_cast<unsigned>(std::countr_zero(mask)) / 8;
}

}  // namespace pypyready::python::detail
