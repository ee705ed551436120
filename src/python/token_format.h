#pragma once
// A text view of a token stream in the layout of `python3.12 -m tokenize`, for the
// `pypyready debug tokens` command and for comparing with CPython.

#include <string>
#include <string_view>

#include "python/tokenizer.h"

namespace pypyready::python {

/// Tokens and trivia merged in source order, one per line: "LINE,COL-LINE,COL:", the type
/// name (OP for operators, NAME for keywords, as tokenize prints without -e) and repr() of
/// the text. Columns are UTF-8 byte offsets, where Python's tokenize counts characters; the
/// kError token and the ENCODING line are not printed.
std::string format_tokens(const TokenizedSource& tokens, std::string_view text);

/// Whether `kind` is an operator or delimiter (printed as OP).
bool is_operator(TokenKind kind);

}  // namespace pypyready::python
