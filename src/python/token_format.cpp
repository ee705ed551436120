#include "python/token_format.h"

#include <cstdio>

#include "python/literal_repr.h"

namespace pypyready::python {
namespace {

void append_padded(std::string& out, std::string_view text, std::size_t width) {
  out += text;
  if (text.size() < width) out.append(width - text.size(), ' ');
}

void append_token(std::string& out, const Token& token, std::string_view text) {
  char range[64];
  std::snprintf(range, sizeof range, "%u,%u-%u,%u:", token.line, token.column, token.end_line,
                token.end_column);
  append_padded(out, range, 20);
  append_padded(out, is_operator(token.kind) ? "OP" : token_kind_name(token.kind), 15);
  append_padded(out, repr_str(token.text(text)), 15);
  out += '\n';
}

}  // namespace

bool is_operator(TokenKind kind) {
  return kind >= TokenKind::kLeftParen && kind <= TokenKind::kRightShiftEqual;
}

std::string format_tokens(const TokenizedSource& tokens, std::string_view text) {
  std::string out;
  out.reserve(tokens.tokens.size() * 48);
  std::size_t trivia = 0;
  for (const Token& token : tokens.tokens) {
    if (token.kind == TokenKind::kError) break;
    // Trivia first on ties: a final comment's newline precedes the dedents at end of input.
    while (trivia < tokens.trivia.size() && tokens.trivia[trivia].begin <= token.begin) {
      append_token(out, tokens.trivia[trivia++], text);
    }
    append_token(out, token, text);
  }
  for (; trivia < tokens.trivia.size(); ++trivia)
    append_token(out, tokens.trivia[trivia], text);
  return out;
}

}  // namespace pypyready::python
