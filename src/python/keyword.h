#pragma once
// Hard keywords of Python 3.13. Soft keywords (match, case, type, _) are ordinary names.

#include <cstdint>
#include <string_view>

#include "python/token.h"

namespace pypyready::python {

/// The keyword kind of an identifier, or TokenKind::kName if it is not a hard keyword.
TokenKind keyword_kind(std::string_view identifier);

/// keyword_kind for an identifier of 2 to 8 bytes given as one word: byte i of the identifier
/// in bits 8i..8i+7, the bytes past its end zero. The tokenizer loads identifiers that way, so
/// finding a keyword takes word compares instead of string compares.
TokenKind keyword_kind_packed(std::uint64_t word);

}  // namespace pypyready::python
