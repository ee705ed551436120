#pragma once
// The tokenizer of the exact Python front end: decoded UTF-8 source text in, CPython 3.12/3.13
// token stream out (PEP 701 f-strings included), with CPython's positions and error messages.

#include <optional>
#include <string_view>
#include <vector>

#include "python/syntax_error.h"
#include "python/token.h"

namespace pypyready::python {

/// What tokenize() produces. `tokens` is the parser's stream; it ends with kEndMarker, or
/// with one kError token placed where the lexical error is (then `error` says what it is).
/// `trivia` holds the comments and non-logical newlines, in source order.
///
/// As in CPython, an f-string replacement field with an empty format spec (`f"{x:}"`) gives
/// an empty kFStringMiddle token, and `{{`/`}}` end a kFStringMiddle that holds one brace.
struct TokenizedSource {
  std::vector<Token> tokens;
  std::vector<Token> trivia;
  std::optional<SyntaxError> error;
};

/// Tokenizes decoded source (decode_source's text: UTF-8, no BOM, `\n` newlines). Stops at
/// the first lexical error. CPython reads tokens lazily, so a parser error before the kError
/// token takes precedence; the parser reports `error` only when it reaches that token.
TokenizedSource tokenize(std::string_view text);

}  // namespace pypyready::python
