#include "python/tokenizer.h"

#include <cstdint>
#include <limits>

#include "python/lexer.h"

namespace pypyready::python {

TokenizedSource tokenize(std::string_view text) {
  if (text.size() >= std::numeric_limits<std::uint32_t>::max()) {
    // Token offsets are 32-bit; a 4 GiB source file is not a real program.
    TokenizedSource result;
    result.error = SyntaxError{"source file too large (4 GiB or more)", 1, 0, 1, 0};
    result.tokens.push_back(Token{TokenKind::kError, 0, 0, 1, 0, 1, 0});
    return result;
  }
  return detail::Lexer(text).run();
}

}  // namespace pypyready::python
