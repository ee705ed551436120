#include "python/keyword.h"

#include <cstring>

namespace pypyready::python {

TokenKind keyword_kind(std::string_view identifier) {
  // No keyword is shorter than 2 or longer than 8 bytes.
  if (identifier.size() < 2 || identifier.size() > 8) return TokenKind::kName;
  // A zero byte would pack like the end of the text ("if\0" as "if"); no keyword holds one.
  if (std::memchr(identifier.data(), 0, identifier.size()) != nullptr) return TokenKind::kName;
  return keyword_kind_packed(detail::pack_word(identifier));
}

}  // namespace pypyready::python
