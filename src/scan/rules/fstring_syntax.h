#pragma once
// Which f-string syntax a piece of source uses, read from its text: the parser accepts the
// Python 3.12 grammar (PEP 701), so older limits have to be checked on the characters.

#include <string_view>

namespace pypyready::scan::rules {

/// The f-string syntax found in the text of a string expression (implicit concatenation included).
struct FStringSyntax {
  bool reuses_quote = false;      ///< a string inside a replacement field uses the enclosing quote (3.12)
  bool backslash = false;         ///< a backslash inside a replacement field's expression (3.12)
  bool comment = false;           ///< a `#` comment inside a replacement field (3.12)
  bool line_break = false;        ///< a replacement field spans lines in a single-quoted f-string (3.12)
  bool self_documenting = false;  ///< `f"{x=}"` (3.8)
};

/// Scans `text`, the source of one JoinedStr node (or any run of string literals).
FStringSyntax scan_fstring_syntax(std::string_view text);

}  // namespace pypyready::scan::rules
