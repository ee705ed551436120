#include "python/parser.h"

#include <algorithm>

#include "python/byte_scan.h"
#include "python/parser_internal.h"
#include "python/tokenizer.h"
#include "python/unicode.h"

namespace pypyready::python {
namespace detail {
namespace {

// After a parser error (except an unexpected indent) CPython tokenizes the rest of the file,
// and a lexical error it meets there replaces the parser's, if the tokenizer raised it as an
// exception: not for bad dedents, tab/space mixes, line continuations or bracket depth, which
// it only flags. A bracket left open at the end wins only when it opened on a line before the
// token the parser stopped at.
bool later_lexical_error_wins(std::string_view parser_message, std::uint32_t stop_line,
                              const SyntaxError& lexical) {
  if (parser_message == "unexpected indent" || parser_message == "unexpected unindent") return false;
  std::string_view message = lexical.message;
  if (message.ends_with("was never closed")) return stop_line > lexical.line;
  for (std::string_view flagged : {"unindent does not match any outer indentation level",
                                   "inconsistent use of tabs and spaces in indentation",
                                   "unexpected character after line continuation character",
                                   "too many nested parentheses", "unexpected EOF while parsing"}) {
    if (message == flagged) return false;
  }
  return true;
}

}  // namespace

Parser::Parser(std::string_view text, const std::vector<Token>& tokens,
               const std::optional<SyntaxError>& token_error, Arena& arena)
    : arena_(arena),
      text_(text),
      tokens_(tokens.data()),
      token_count_(tokens.size()),
      token_error_(token_error),
      current_(tokens.data()),
      kind_(tokens.front().kind) {
  scratch_.reserve(256);
}

const Token& Parser::tok_at(std::size_t ahead) const {
  const std::size_t pos = static_cast<std::size_t>(current_ - tokens_);
  std::size_t index = pos + ahead;
  if (index >= token_count_) index = token_count_ - 1;
  // Never look past the tokenizer's stopping point.
  for (std::size_t i = pos; i < index; ++i) {
    if (tokens_[i].kind == TokenKind::kError || tokens_[i].kind == TokenKind::kEndMarker) return tokens_[i];
  }
  return tokens_[index];
}

bool Parser::at_soft(std::string_view word) const {
  return kind() == TokenKind::kName && text_of(tok()) == word;
}

void Parser::fail(std::string_view message) {
  const Token& current = *current_;
  fail_at(message, current.line, current.column, current.end_line, current.end_column);
}

void Parser::fail_at(std::string_view message, std::uint32_t line, std::uint32_t column,
                     std::uint32_t end_line, std::uint32_t end_column) {
  if (failed_) return;
  failed_ = true;
  kind_ = TokenKind::kError;
  if (error_) return;
  // A lexical error only counts once the parser has reached the token where it happened.
  if (current_->kind == TokenKind::kError && token_error_) {
    error_ = *token_error_;
    return;
  }
  if (token_error_ && later_lexical_error_wins(message, current_->line, *token_error_)) {
    error_ = *token_error_;
    return;
  }
  error_ = SyntaxError{std::string(message), line, column, end_line, end_column};
}

void Parser::fail_node(std::string_view message, const Node* node) {
  fail_at(message, node->lineno, node->col_offset, node->end_lineno, node->end_col_offset);
}

Mark Parser::mark() const {
  return Mark{static_cast<std::size_t>(current_ - tokens_), scratch_.size(), prev_line_, prev_column_};
}

void Parser::rewind(const Mark& m) {
  current_ = tokens_ + m.pos;
  kind_ = current_->kind;
  scratch_.resize(m.scratch);
  prev_line_ = m.prev_line;
  prev_column_ = m.prev_column;
  failed_ = false;
  error_.reset();
}

bool Parser::too_deep() {
  fail("too complex");
  return false;
}

void Parser::copy_end(Node* node, const Node* from) {
  node->end_lineno = from->end_lineno;
  node->end_col_offset = from->end_col_offset;
}

NodeSpan Parser::take_list(std::size_t from) {
  std::size_t count = scratch_.size() - from;
  Node** items = nullptr;
  if (count > 0) {
    items = arena_.allocate_array<Node*>(count);
    std::copy_n(scratch_.data() + from, count, items);
  }
  scratch_.resize(from);
  return NodeSpan{items, static_cast<std::uint32_t>(count)};
}

NodeSpan Parser::one(Node* node) {
  auto** items = arena_.allocate_array<Node*>(1);
  items[0] = node;
  return NodeSpan{items, 1};
}

Ident Parser::ident_text(std::string_view text) {
  // OR of all bytes, eight at a time while they last: no branch per byte. Any byte order
  // works, only the high bits of the lanes are looked at.
  std::uint64_t seen = 0;
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8)
    seen |= detail::load_word(text.data() + i);
  for (; i < text.size(); ++i)
    seen |= static_cast<unsigned char>(text[i]);
  if ((seen & detail::repeat_byte(0x80)) == 0)
    return Ident{text.data(), static_cast<std::uint32_t>(text.size())};
  // PEP 3131: identifiers compare (and appear in the tree) in NFKC form.
  std::string normal = nfkc_normalize(text);
  char* copy = arena_.allocate_array<char>(normal.size());
  std::copy_n(normal.data(), normal.size(), copy);
  return Ident{copy, static_cast<std::uint32_t>(normal.size())};
}

Node* Parser::name_node(const Token& token, NodeKind ctx) {
  Node* node = make_at(NodeKind::kName, token.line, token.column, token.end_line, token.end_column);
  node->slot(0).ident = ident(token);
  node->slot(1).node = singleton_node(ctx);
  return node;
}

Node* Parser::placeholder() {
  const Token& current = tok();
  Node* node = make_at(NodeKind::kName, current.line, current.column, current.line, current.column);
  node->slot(0).ident = Ident{"", 0};
  node->slot(1).node = singleton_node(NodeKind::kLoad);
  return node;
}

Node* Parser::parse_module() {
  std::size_t list = scratch_mark();
  while (!failed_ && !at(TokenKind::kEndMarker))
    statement(list);
  Node* module = make_at(NodeKind::kModule, 0, 0, 0, 0);
  module->slot(0).list = take_list(list);
  module->slot(1).list = NodeSpan{nullptr, 0};
  return module;
}

}  // namespace detail

namespace {

void run_parser(ParsedFile& file) {
  // Names and plain string constants in the tree point into this text: keep even a short text
  // out of the string's inline buffer, so that moving the ParsedFile does not move the bytes.
  file.source.text.reserve(2 * sizeof(std::string));
  TokenizedSource tokens = tokenize(file.source.text);
  file.tokens = std::move(tokens.tokens);
  file.trivia = std::move(tokens.trivia);
  detail::Parser parser(file.source.text, file.tokens, tokens.error, *file.arena);
  const Node* module = parser.parse_module();
  if (parser.error()) {
    file.error = parser.error();
  } else if (tokens.error) {
    file.error = tokens.error;
  } else {
    file.module = module;
  }
}

}  // namespace

ParsedFile parse_python(std::string_view raw_bytes) {
  ParsedFile file;
  DecodeResult decoded = decode_source(raw_bytes);
  if (decoded.error) {
    file.error = decoded.error;
    return file;
  }
  file.source = std::move(decoded.source);
  run_parser(file);
  return file;
}

ParsedFile parse_text(std::string_view utf8) {
  ParsedFile file;
  file.source.text = std::string(utf8);
  file.source.encoding = "utf-8";
  run_parser(file);
  return file;
}

}  // namespace pypyready::python
