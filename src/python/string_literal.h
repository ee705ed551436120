#pragma once
// Evaluation of string and bytes literal tokens the way CPython 3.11's parser does it:
// prefixes, quotes, escape sequences, and the exact SyntaxError messages.

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace pypyready::python {

/// The prefix letters of a string token (any case and order) and where its body lies.
struct StringLiteralParts {
  bool raw = false;      ///< r or R
  bool bytes = false;    ///< b or B
  bool unicode = false;  ///< u or U: the ast records it as Constant(kind='u')
  bool format = false;   ///< f or F
  bool triple = false;   ///< ''' or """
  char quote = '\'';
  std::string_view body;  ///< text between the quotes
};

/// Splits a complete string token (prefix, quotes, body) into its parts. The token text must
/// be a well-formed literal as the tokenizer produced it.
StringLiteralParts split_string_token(std::string_view token_text);

/// Whether a (non-f) literal's value is its body exactly as written: no escape to decode (or
/// a raw literal), no CR to translate, and for bytes only ASCII. The parser then points the
/// constant at the source text instead of evaluating the literal into a fresh string.
bool body_is_value(const StringLiteralParts& parts);

/// The value of one string or bytes literal.
struct StringLiteral {
  std::string value;  ///< str: UTF-8, with lone surrogates in WTF-8 form; bytes: the bytes
  bool is_bytes = false;
  bool has_u_prefix = false;
  /// CPython 3.11's DeprecationWarning for the first invalid escape, e.g.
  /// "invalid escape sequence '\d'" or "invalid octal escape sequence '\777'"; empty if none.
  std::string warning;
};

/// Evaluates a complete (non-f) string or bytes token. On failure the error message is
/// CPython 3.11's SyntaxError text, e.g. "(unicode error) 'unicodeescape' codec can't decode
/// bytes in position 0-1: truncated \xXX escape". CPython reports "bytes can only contain
/// ASCII literal characters" on the string token itself, and the "(unicode error)" and
/// "(value error)" messages at the token the parser stands on after the string.
/// CR LF and lone CR in the body count as LF, as CPython's newline translation makes them.
core::Result<StringLiteral> evaluate_string_literal(std::string_view token_text);

/// Evaluates the literal text between replacement fields of an f-string (an FSTRING_MIDDLE
/// token, or the text of a format spec): escapes unless `raw`, and "{{" / "}}" become one
/// brace (a single brace is kept as is). Like CPython 3.11, escape-error positions count from
/// the start of the text or from just after the last doubled brace.
core::Result<std::string> evaluate_fstring_middle(std::string_view text, bool raw,
                                                  std::string* warning = nullptr);

}  // namespace pypyready::python
