// The match statement (PEP 634): subjects, case blocks, guards and every pattern kind.

#include <string>
#include <vector>

#include "python/parser_internal.h"

namespace pypyready::python::detail {
namespace {

NodeSpan to_span(Arena& arena, const std::vector<Node*>& nodes) {
  return NodeSpan{arena.copy(std::span<Node* const>(nodes)), static_cast<std::uint32_t>(nodes.size())};
}

Node* sequence(Parser& parser, Start from, std::vector<Node*>& items) {
  Node* node = parser.make(NodeKind::kMatchSequence, from);
  node->slot(0).list = to_span(parser.arena_, items);
  return node;
}

// `*name` or `*_` inside a sequence pattern, otherwise a full pattern.
Node* maybe_star_pattern(Parser& parser) {
  if (!parser.at(TokenKind::kStar)) return parser.pattern();
  Start from = parser.start();
  parser.advance();
  Ident name{};
  if (!parser.at(TokenKind::kName)) {
    parser.fail("invalid syntax");
    return parser.placeholder();
  }
  if (parser.text_of(parser.tok()) != "_") name = parser.ident(parser.tok());
  parser.advance();
  Node* node = parser.make(NodeKind::kMatchStar, from);
  node->slot(0).ident = name;
  return node;
}

}  // namespace

Node* Parser::match_statement() {
  Start from = start();
  advance();  // match
  Start subject_from = start();
  Node* subject = star_named_expression();
  if (at(TokenKind::kComma)) {
    std::size_t list = scratch_mark();
    push(subject);
    while (eat(TokenKind::kComma) && starts_expression(kind()))
      push(star_named_expression());
    subject = make(NodeKind::kTuple, subject_from);
    subject->slot(0).list = take_list(list);
    subject->slot(1).node = singleton_node(NodeKind::kLoad);
  }
  expect(TokenKind::kColon, "expected ':'");
  expect(TokenKind::kNewline, "invalid syntax");
  if (!failed() && !at(TokenKind::kIndent)) {
    fail("expected an indented block after 'match' statement on line " + std::to_string(from.line));
  }
  advance();
  if (failed()) return placeholder();
  match_committed_ = true;
  std::size_t list = scratch_mark();
  while (at_soft("case"))
    push(case_block());
  if (list == scratch_mark()) fail("invalid syntax");
  expect(TokenKind::kDedent, "invalid syntax");
  Node* node = make(NodeKind::kMatch, from);
  node->slot(0).node = subject;
  node->slot(1).list = take_list(list);
  return node;
}

Node* Parser::case_block() {
  std::uint32_t line = tok().line;
  advance();  // case
  Node* pattern_node = patterns();
  Node* guard = eat(TokenKind::kIf) ? named_expression() : nullptr;
  expect(TokenKind::kColon, "expected ':'");
  NodeSpan body = block("'case' statement", line);
  Node* node = make_at(NodeKind::kMatchCase, 0, 0, 0, 0);
  node->slot(0).node = pattern_node;
  node->slot(1).node = guard;
  node->slot(2).list = body;
  return node;
}

Node* Parser::patterns() {
  Start from = start();
  Node* first = maybe_star_pattern(*this);
  if (!at(TokenKind::kComma) && first->kind != NodeKind::kMatchStar) return first;
  std::vector<Node*> items{first};
  while (eat(TokenKind::kComma) && !at(TokenKind::kColon) && !at(TokenKind::kIf))
    items.push_back(maybe_star_pattern(*this));
  return sequence(*this, from, items);
}

Node* Parser::pattern() {
  Start from = start();
  Node* inner = or_pattern();
  if (!at(TokenKind::kAs)) return inner;
  advance();
  if (!at(TokenKind::kName) || text_of(tok()) == "_") {
    fail("invalid syntax");
    return inner;
  }
  Ident name = ident(tok());
  advance();
  Node* node = make(NodeKind::kMatchAs, from);
  node->slot(0).node = inner;
  node->slot(1).ident = name;
  return node;
}

Node* Parser::or_pattern() {
  Start from = start();
  if (!enter()) return placeholder();
  Node* first = closed_pattern();
  if (!at(TokenKind::kVerticalBar)) {
    leave();
    return first;
  }
  std::vector<Node*> items{first};
  while (eat(TokenKind::kVerticalBar))
    items.push_back(closed_pattern());
  Node* node = make(NodeKind::kMatchOr, from);
  node->slot(0).list = to_span(arena_, items);
  leave();
  return node;
}

Node* Parser::signed_number() {
  Start from = start();
  Node* value;
  if (at(TokenKind::kMinus)) {
    advance();
    Node* operand = number();
    value = make(NodeKind::kUnaryOp, from);
    value->slot(0).node = singleton_node(NodeKind::kUSub);
    value->slot(1).node = operand;
  } else {
    value = number();
  }
  if (at(TokenKind::kPlus) || at(TokenKind::kMinus)) {
    NodeKind op = at(TokenKind::kPlus) ? NodeKind::kAdd : NodeKind::kSub;
    advance();
    Node* imaginary = number();
    Node* sum = make(NodeKind::kBinOp, from);
    sum->slot(0).node = value;
    sum->slot(1).node = singleton_node(op);
    sum->slot(2).node = imaginary;
    value = sum;
  }
  return value;
}

Node* Parser::value_pattern_expression() {
  if (at(TokenKind::kMinus) || at(TokenKind::kNumber)) return signed_number();
  if (at(TokenKind::kString) || at(TokenKind::kFStringStart)) return strings();
  if (at(TokenKind::kNone) || at(TokenKind::kTrue) || at(TokenKind::kFalse)) return atom();
  Start from = start();
  if (!at(TokenKind::kName)) {
    fail("invalid syntax");
    return placeholder();
  }
  Node* node = name_node(tok(), NodeKind::kLoad);
  advance();
  while (eat(TokenKind::kDot)) {
    if (!at(TokenKind::kName)) {
      fail("invalid syntax");
      return node;
    }
    Node* attribute = make_at(NodeKind::kAttribute, from.line, from.column, tok().end_line, tok().end_column);
    attribute->slot(0).node = node;
    attribute->slot(1).ident = ident(tok());
    attribute->slot(2).node = singleton_node(NodeKind::kLoad);
    advance();
    node = attribute;
  }
  return node;
}

Node* Parser::closed_pattern() {
  Start from = start();
  switch (kind()) {
    case TokenKind::kMinus:
    case TokenKind::kNumber:
    case TokenKind::kString:
    case TokenKind::kFStringStart: {
      Node* value = value_pattern_expression();
      Node* node = make(NodeKind::kMatchValue, from);
      node->slot(0).node = value;
      return node;
    }
    case TokenKind::kNone:
    case TokenKind::kTrue:
    case TokenKind::kFalse: {
      Node* constant = atom();
      Node* node = make(NodeKind::kMatchSingleton, from);
      node->slot(0).constant = constant->slot(0).constant;
      return node;
    }
    case TokenKind::kLeftParen:
    case TokenKind::kLeftBracket: {
      TokenKind closer = at(TokenKind::kLeftParen) ? TokenKind::kRightParen : TokenKind::kRightBracket;
      bool paren = closer == TokenKind::kRightParen;
      advance();
      std::vector<Node*> items;
      bool comma = false;
      while (!at(closer) && !failed()) {
        items.push_back(maybe_star_pattern(*this));
        if (!eat(TokenKind::kComma)) break;
        comma = true;
      }
      expect(closer, "invalid syntax");
      if (paren && items.size() == 1 && !comma && items[0]->kind != NodeKind::kMatchStar) return items[0];
      return sequence(*this, from, items);
    }
    case TokenKind::kLeftBrace: {
      advance();
      std::vector<Node*> keys, values;
      Ident rest{};
      while (!at(TokenKind::kRightBrace) && !failed()) {
        if (eat(TokenKind::kDoubleStar)) {
          if (!at(TokenKind::kName)) {
            fail("invalid syntax");
            break;
          }
          rest = ident(tok());
          advance();
        } else {
          keys.push_back(value_pattern_expression());
          expect(TokenKind::kColon, "invalid syntax");
          values.push_back(pattern());
        }
        if (!eat(TokenKind::kComma)) break;
      }
      expect(TokenKind::kRightBrace, "invalid syntax");
      Node* node = make(NodeKind::kMatchMapping, from);
      node->slot(0).list = to_span(arena_, keys);
      node->slot(1).list = to_span(arena_, values);
      node->slot(2).ident = rest;
      return node;
    }
    case TokenKind::kName:
      break;
    default:
      fail("invalid syntax");
      return placeholder();
  }
  bool wildcard = text_of(tok()) == "_";
  Node* name = value_pattern_expression();
  if (at(TokenKind::kLeftParen)) {
    advance();
    std::vector<Node*> positional, keyword_patterns;
    std::vector<Ident> keyword_names;
    while (!at(TokenKind::kRightParen) && !failed()) {
      if (at(TokenKind::kName) && kind_at(1) == TokenKind::kEqual) {
        keyword_names.push_back(ident(tok()));
        advance();
        advance();
        keyword_patterns.push_back(pattern());
      } else {
        if (!keyword_names.empty()) fail("positional patterns follow keyword patterns");
        positional.push_back(pattern());
      }
      if (!eat(TokenKind::kComma)) break;
    }
    expect(TokenKind::kRightParen, "invalid syntax");
    Node* node = make(NodeKind::kMatchClass, from);
    node->slot(0).node = name;
    node->slot(1).list = to_span(arena_, positional);
    node->slot(2).idents = IdentSpan{arena_.copy(std::span<const Ident>(keyword_names)),
                                     static_cast<std::uint32_t>(keyword_names.size())};
    node->slot(3).list = to_span(arena_, keyword_patterns);
    return node;
  }
  if (name->kind == NodeKind::kAttribute) {
    Node* node = make(NodeKind::kMatchValue, from);
    node->slot(0).node = name;
    return node;
  }
  Node* node = make(NodeKind::kMatchAs, from);
  if (!wildcard) node->slot(1).ident = name->slot(0).ident;
  return node;
}

}  // namespace pypyready::python::detail
