// String literals: implicit concatenation of str, bytes and f-string parts into one Constant
// or JoinedStr, and PEP 701 f-string replacement fields into FormattedValue nodes.

#include <cstring>
#include <string>

#include "python/parser_internal.h"
#include "python/string_literal.h"

namespace pypyready::python::detail {
namespace {

std::string_view arena_text(Arena& arena, const std::string& text) {
  if (text.empty()) return std::string_view("", 0);
  char* copy = static_cast<char*>(arena.allocate(text.size(), 1));
  std::memcpy(copy, text.data(), text.size());
  return std::string_view(copy, text.size());
}

bool prefix_is_raw(std::string_view start_token) {
  for (char c : start_token) {
    if (c == 'r' || c == 'R') return true;
  }
  return false;
}

// The text of a self-documenting field drops comments, as CPython 3.12+ does.
std::string without_comments(std::string_view text) {
  std::string out;
  char quote = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quote != 0) {
      if (c == '\\' && i + 1 < text.size()) {
        out.push_back(c);
        c = text[++i];
      } else if (c == quote) {
        quote = 0;
      }
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '#') {
      while (i < text.size() && text[i] != '\n')
        ++i;
      if (i < text.size()) out.push_back('\n');
      continue;
    }
    out.push_back(c);
  }
  return out;
}

/// Literal text collected between fields; becomes one Constant when a field or the end comes.
struct Pending {
  std::string text;
  bool active = false;
  bool unicode = false;
  Start from{0, 0};
  Start end{0, 0};
};

}  // namespace

namespace {

Node* flush_constant(Parser& parser, Pending& pending) {
  Node* node = parser.make_at(NodeKind::kConstant, pending.from.line, pending.from.column, pending.end.line,
                              pending.end.column);
  node->slot(0).constant = parser.arena_.make<ConstantValue>(
      ConstantValue{ConstantKind::kStr, arena_text(parser.arena_, pending.text), 0.0, 0.0});
  if (pending.unicode) node->slot(1).ident = Ident{"u", 1};
  pending = Pending{};
  return node;
}

void add_text(Pending& pending, std::string_view text, bool unicode, Start from, Start end) {
  if (!pending.active) {
    pending.active = true;
    pending.unicode = unicode;
    pending.from = from;
  }
  pending.text.append(text);
  pending.end = end;
}

Start token_start(const Token& token) {
  return Start{token.line, token.column};
}
Start token_end(const Token& token) {
  return Start{token.end_line, token.end_column};
}

Start middle_end(const Parser& parser, const Token& token) {
  // A middle token cut at `{{` or `}}` holds one brace; CPython's constant covers both.
  std::string_view source = parser.source_text();
  std::string_view text = parser.text_of(token);
  if (!text.empty() && (text.back() == '{' || text.back() == '}') && token.end < source.size() &&
      source[token.end] == text.back()) {
    return Start{token.end_line, token.end_column + 1};
  }
  return token_end(token);
}

/// Reads literal parts and replacement fields until neither follows, pushing each field (and
/// the literal text before it, as one Constant) onto the parser's scratch list. Shared by the
/// f-string body and its format specs; false after a syntax error.
bool read_fstring_parts(Parser& parser, Pending& pending, bool raw) {
  for (;;) {
    if (parser.at(TokenKind::kFStringMiddle)) {
      core::Result<std::string> text = evaluate_fstring_middle(parser.text_of(parser.tok()), raw);
      if (!text) {
        parser.fail(text.error().message);
        return false;
      }
      if (!text->empty()) {
        add_text(pending, *text, false, token_start(parser.tok()), middle_end(parser, parser.tok()));
      }
      parser.advance();
    } else if (parser.at(TokenKind::kLeftBrace)) {
      std::string debug_text;
      Start debug_from{0, 0}, debug_end{0, 0};
      Node* field = parser.fstring_field(debug_text, debug_from, debug_end);
      if (!debug_text.empty()) add_text(pending, debug_text, false, debug_from, debug_end);
      if (pending.active) parser.push(flush_constant(parser, pending));
      parser.push(field);
    } else {
      return true;
    }
  }
}

}  // namespace

Node* Parser::strings() {
  Start from = start();
  TokenKind after = kind_at(1);
  if (at(TokenKind::kString) && after != TokenKind::kString && after != TokenKind::kFStringStart) {
    // One plain literal, the usual case. When its value is the body as written the constant
    // points at the source text (which the ParsedFile owns, like the names); otherwise the
    // value goes to the arena without the concatenation buffer below.
    const StringLiteralParts parts = split_string_token(text_of(tok()));
    if (body_is_value(parts)) {
      advance();
      Node* node = make(NodeKind::kConstant, from);
      node->slot(0).constant = arena_.make<ConstantValue>(
          ConstantValue{parts.bytes ? ConstantKind::kBytes : ConstantKind::kStr,
                        parts.body.empty() ? std::string_view("", 0) : parts.body, 0.0, 0.0});
      if (parts.unicode) node->slot(1).ident = Ident{"u", 1};
      return node;
    }
    core::Result<StringLiteral> literal = evaluate_string_literal(text_of(tok()));
    if (!literal) {
      fail(literal.error().message);
      return placeholder();
    }
    advance();
    Node* node = make(NodeKind::kConstant, from);
    node->slot(0).constant = arena_.make<ConstantValue>(
        ConstantValue{literal->is_bytes ? ConstantKind::kBytes : ConstantKind::kStr,
                      arena_text(arena_, literal->value), 0.0, 0.0});
    if (literal->has_u_prefix) node->slot(1).ident = Ident{"u", 1};
    return node;
  }
  std::size_t values = scratch_mark();
  Pending pending;
  bool any_fstring = false;
  bool first = true;
  bool is_bytes = false;
  bool unicode_first = false;
  while (at(TokenKind::kString) || at(TokenKind::kFStringStart)) {
    if (at(TokenKind::kString)) {
      core::Result<StringLiteral> literal = evaluate_string_literal(text_of(tok()));
      if (!literal) {
        fail(literal.error().message);
        return placeholder();
      }
      if (first) {
        is_bytes = literal->is_bytes;
        unicode_first = literal->has_u_prefix;
      } else if (literal->is_bytes != is_bytes) {
        fail_at("cannot mix bytes and nonbytes literals", from.line, from.column, tok().end_line,
                tok().end_column);
        return placeholder();
      }
      if (!literal->value.empty() || !any_fstring)
        add_text(pending, literal->value, literal->has_u_prefix, token_start(tok()), token_end(tok()));
      advance();
    } else {
      if (!first && is_bytes) {
        fail_at("cannot mix bytes and nonbytes literals", from.line, from.column, tok().end_line,
                tok().end_column);
        return placeholder();
      }
      any_fstring = true;
      bool raw = prefix_is_raw(text_of(tok()));
      advance();
      // An f-string contributes no empty constant of its own.
      if (pending.active && pending.text.empty()) pending = Pending{};
      if (!read_fstring_parts(*this, pending, raw)) return placeholder();
      expect(TokenKind::kFStringEnd, "f-string: expecting '}'");
    }
    first = false;
  }
  if (!any_fstring) {
    Node* node = make(NodeKind::kConstant, from);
    node->slot(0).constant = arena_.make<ConstantValue>(ConstantValue{
        is_bytes ? ConstantKind::kBytes : ConstantKind::kStr, arena_text(arena_, pending.text), 0.0, 0.0});
    if (unicode_first) node->slot(1).ident = Ident{"u", 1};
    scratch_.resize(values);
    return node;
  }
  if (pending.active && (!pending.text.empty() || scratch_mark() == values)) {
    if (!pending.text.empty()) push(flush_constant(*this, pending));
  }
  Node* joined = make(NodeKind::kJoinedStr, from);
  joined->slot(0).list = take_list(values);
  return joined;
}

Node* Parser::fstring_field(std::string& debug_text, Start& debug_from, Start& debug_end) {
  Start from = start();
  const Token& open = tok();
  if (!enter()) return placeholder();
  advance();
  Node* value = at(TokenKind::kYield) ? yield_expression() : star_expressions();
  if (at(TokenKind::kEqual)) {
    advance();
    // The literal covers the source between `{` and the token after `=`.
    debug_from = token_end(open);
    debug_end = token_start(tok());
    // The text runs up to the next token, so spaces after `=` belong to it.
    debug_text = without_comments(text_.substr(open.end, tok().begin - open.end));
  }
  std::int64_t conversion = -1;
  if (eat(TokenKind::kExclamation)) {
    std::string_view letter = at(TokenKind::kName) ? text_of(tok()) : std::string_view{};
    if (letter == "s")
      conversion = 's';
    else if (letter == "r")
      conversion = 'r';
    else if (letter == "a")
      conversion = 'a';
    else if (letter.empty())
      fail("f-string: missing conversion character");
    else
      fail("f-string: invalid conversion character: expected 's', 'r', or 'a'");
    advance();
  }
  Node* spec = nullptr;
  if (at(TokenKind::kColon)) spec = fstring_format_spec();
  if (!debug_text.empty() && conversion == -1 && spec == nullptr) conversion = 'r';
  expect(TokenKind::kRightBrace, "f-string: expecting '}'");
  Node* node = make(NodeKind::kFormattedValue, from);
  node->slot(0).node = value;
  node->slot(1).integer = conversion;
  node->slot(2).node = spec;
  leave();
  return node;
}

Node* Parser::fstring_format_spec() {
  Start from = start();
  advance();
  std::size_t values = scratch_mark();
  Pending pending;
  // Format specs are never raw-processed differently: escapes apply as in the string.
  if (!read_fstring_parts(*this, pending, false)) return placeholder();
  if (pending.active) push(flush_constant(*this, pending));
  Node* joined = make(NodeKind::kJoinedStr, from);
  joined->slot(0).list = take_list(values);
  return joined;
}

}  // namespace pypyready::python::detail
