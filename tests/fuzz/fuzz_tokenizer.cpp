// Fuzzes the tokenizer on raw bytes (it must survive text the decoder would refuse) and
// checks the stream's invariants: source order, positions inside the text, one final
// kEndMarker or kError, and an error exactly when the stream ends in kError. The tokenizer's
// fast path must also agree with its general path alone, field for field.

#include <string_view>

#include "fuzz_target.h"
#include "python/lexer.h"
#include "python/token_format.h"
#include "python/tokenizer.h"

namespace {

using pypyready::python::Token;
using pypyready::python::TokenizedSource;
using pypyready::python::TokenKind;

void check_tokens(const std::vector<Token>& tokens, std::size_t size) {
  std::uint32_t previous_begin = 0;
  std::uint32_t previous_line = 1;
  for (const Token& token : tokens) {
    PYPYREADY_FUZZ_CHECK(token.begin <= token.end && token.end <= size);
    PYPYREADY_FUZZ_CHECK(token.line >= 1 && token.end_line >= token.line);
    if (token.kind != TokenKind::kError) {
      PYPYREADY_FUZZ_CHECK(token.begin >= previous_begin && token.line >= previous_line);
      previous_begin = token.begin;
      previous_line = token.line;
    }
  }
}

bool same_tokens(const std::vector<Token>& a, const std::vector<Token>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].kind != b[i].kind || a[i].begin != b[i].begin || a[i].end != b[i].end ||
        a[i].line != b[i].line || a[i].column != b[i].column || a[i].end_line != b[i].end_line ||
        a[i].end_column != b[i].end_column) {
      return false;
    }
  }
  return true;
}

bool same_results(const TokenizedSource& a, const TokenizedSource& b) {
  if (a.error.has_value() != b.error.has_value()) return false;
  if (a.error && (a.error->message != b.error->message || a.error->line != b.error->line ||
                  a.error->column != b.error->column || a.error->end_line != b.error->end_line ||
                  a.error->end_column != b.error->end_column)) {
    return false;
  }
  return same_tokens(a.tokens, b.tokens) && same_tokens(a.trivia, b.trivia);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  TokenizedSource result = pypyready::python::tokenize(text);
  PYPYREADY_FUZZ_CHECK(!result.tokens.empty());
  TokenKind last = result.tokens.back().kind;
  PYPYREADY_FUZZ_CHECK(last == TokenKind::kEndMarker || last == TokenKind::kError);
  PYPYREADY_FUZZ_CHECK(result.error.has_value() == (last == TokenKind::kError));
  for (std::size_t i = 0; i + 1 < result.tokens.size(); ++i) {
    PYPYREADY_FUZZ_CHECK(result.tokens[i].kind != TokenKind::kEndMarker &&
                         result.tokens[i].kind != TokenKind::kError);
  }
  check_tokens(result.tokens, size);
  check_tokens(result.trivia, size);
  if (result.error) PYPYREADY_FUZZ_CHECK(!result.error->message.empty() && result.error->line >= 1);
  (void)pypyready::python::format_tokens(result, text);
  PYPYREADY_FUZZ_CHECK(same_results(result, pypyready::python::detail::Lexer(text).run_general_path_only()));
  return 0;
}
