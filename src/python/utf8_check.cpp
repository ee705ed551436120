#include "python/utf8_check.h"

#include <cstdint>
#include <cstring>

#include "python/char_class.h"

namespace pypyready::python {

std::string Utf8Problem::describe() const {
  std::string out = length == 1 ? "byte 0x" + detail::hex_lower(first_byte) + " in position 0"
                                : "bytes in position 0-" + std::to_string(length - 1);
  out += ": ";
  out += reason;
  return out;
}

Utf8Problem find_utf8_problem(std::string_view bytes) {
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
  std::size_t size = bytes.size();
  std::size_t i = 0;
  while (i < size) {
    // Eight ASCII bytes at a time: most source text is ASCII. Four words per step while they
    // last, so the loop's own bookkeeping is paid once per 32 bytes.
    while (i + 32 <= size) {
      std::uint64_t words[4];
      std::memcpy(words, data + i, sizeof words);
      if (((words[0] | words[1] | words[2] | words[3]) & 0x8080808080808080ULL) != 0) break;
      i += 32;
    }
    if (i + 8 <= size) {
      std::uint64_t word;
      std::memcpy(&word, data + i, 8);
      if ((word & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    unsigned char lead = data[i];
    if (lead < 0x80) {
      ++i;
      continue;
    }
    Utf8Problem problem;
    problem.found = true;
    problem.offset = i;
    problem.first_byte = lead;
    std::size_t needed = lead >= 0xC2 && lead <= 0xDF   ? 2
                         : lead >= 0xE0 && lead <= 0xEF ? 3
                         : lead >= 0xF0 && lead <= 0xF4 ? 4
                                                        : 0;
    if (needed == 0) {
      problem.reason = "invalid start byte";
      return problem;
    }
    for (std::size_t k = 1; k < needed; ++k) {
      if (i + k >= size) {
        problem.length = k;
        problem.reason = "unexpected end of data";
        return problem;
      }
      unsigned char c = data[i + k];
      unsigned char low = 0x80, high = 0xBF;
      if (k == 1) {
        if (lead == 0xE0) low = 0xA0;
        if (lead == 0xED) high = 0x9F;
        if (lead == 0xF0) low = 0x90;
        if (lead == 0xF4) high = 0x8F;
      }
      if (c < low || c > high) {
        problem.length = k;
        problem.reason = "invalid continuation byte";
        return problem;
      }
    }
    i += needed;
  }
  return Utf8Problem{};
}

}  // namespace pypyready::python
