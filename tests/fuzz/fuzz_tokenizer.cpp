// Fuzzes the tokenizer on raw bytes (it must survive text the decoder would refuse) and
// checks the stream's invariants: source order, positions inside the text, one final
// kEndMarker or kError, and an error exactly when the stream ends in kError.

#include <string_view>

#include "fuzz_target.h"
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
  return 0;
}
