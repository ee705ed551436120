#pragma once
// Hard keywords of Python 3.13. Soft keywords (match, case, type, _) are ordinary names.

#include <string_view>

#include "python/token.h"

namespace pypyready::python {

/// The keyword kind of an identifier, or TokenKind::kName if it is not a hard keyword.
TokenKind keyword_kind(std::string_view identifier);

}  // namespace pypyready::python
