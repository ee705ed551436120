// Atoms and displays: names, constants, numbers, parenthesised forms, list/set/dict displays
// and comprehensions, subscripts and slices, yield.

#include <cstring>

#include "python/number_literal.h"
#include "python/parser_internal.h"

namespace pypyready::python::detail {
namespace {

Node* make_constant(Parser& parser, const Token& token, ConstantKind kind) {
  Node* node =
      parser.make_at(NodeKind::kConstant, token.line, token.column, token.end_line, token.end_column);
  node->slot(0).constant = parser.arena_.make<ConstantValue>(ConstantValue{kind, {}, 0.0, 0.0});
  return node;
}

bool at_comprehension(const Parser& parser) {
  return parser.at(TokenKind::kFor) || (parser.at(TokenKind::kAsync) && parser.kind_at(1) == TokenKind::kFor);
}

}  // namespace

bool starts_expression(TokenKind kind) {
  switch (kind) {
    case TokenKind::kName:
    case TokenKind::kNumber:
    case TokenKind::kString:
    case TokenKind::kFStringStart:
    case TokenKind::kLeftParen:
    case TokenKind::kLeftBracket:
    case TokenKind::kLeftBrace:
    case TokenKind::kMinus:
    case TokenKind::kPlus:
    case TokenKind::kTilde:
    case TokenKind::kStar:
    case TokenKind::kNot:
    case TokenKind::kLambda:
    case TokenKind::kAwait:
    case TokenKind::kNone:
    case TokenKind::kTrue:
    case TokenKind::kFalse:
    case TokenKind::kEllipsis:
      return true;
    default:
      return false;
  }
}

void Parser::close_or_comma(TokenKind closer, const Node* last) {
  if (eat(closer) || failed()) return;
  // CPython's "forgot a comma" hint points at the expression before the gap.
  if (last != nullptr && starts_expression(kind()) && !at(TokenKind::kStar)) {
    fail_node("invalid syntax. Perhaps you forgot a comma?", last);
  } else {
    fail("invalid syntax");
  }
}

Node* Parser::atom() {
  const Token& token = tok();
  switch (kind()) {
    case TokenKind::kName: {
      Node* node = name_node(token, NodeKind::kLoad);
      advance();
      return node;
    }
    case TokenKind::kTrue:
    case TokenKind::kFalse:
    case TokenKind::kNone:
    case TokenKind::kEllipsis: {
      ConstantKind constant = kind() == TokenKind::kTrue    ? ConstantKind::kTrue
                              : kind() == TokenKind::kFalse ? ConstantKind::kFalse
                              : kind() == TokenKind::kNone  ? ConstantKind::kNone
                                                            : ConstantKind::kEllipsis;
      Node* node = make_constant(*this, token, constant);
      advance();
      return node;
    }
    case TokenKind::kNumber:
      return number();
    case TokenKind::kString:
    case TokenKind::kFStringStart:
      return strings();
    case TokenKind::kLeftParen:
      return paren_atom();
    case TokenKind::kLeftBracket:
      return list_atom();
    case TokenKind::kLeftBrace:
      return brace_atom();
    default:
      fail("invalid syntax");
      return placeholder();
  }
}

Node* Parser::number() {
  const Token& token = tok();
  core::Result<NumberLiteral> value = evaluate_number_literal(text_of(token));
  if (!value) {
    fail(value.error().message);
    return placeholder();
  }
  ConstantValue constant{ConstantKind::kInt, {}, 0.0, 0.0};
  if (value->kind == NumberKind::kInt) {
    char* digits = static_cast<char*>(arena_.allocate(value->decimal.size(), 1));
    std::memcpy(digits, value->decimal.data(), value->decimal.size());
    constant.text = std::string_view(digits, value->decimal.size());
  } else if (value->kind == NumberKind::kFloat) {
    constant.kind = ConstantKind::kFloat;
    constant.real = value->value;
  } else {
    constant.kind = ConstantKind::kComplex;
    constant.imag = value->value;
  }
  Node* node = make_at(NodeKind::kConstant, token.line, token.column, token.end_line, token.end_column);
  node->slot(0).constant = arena_.make<ConstantValue>(constant);
  advance();
  return node;
}

Node* Parser::paren_atom() {
  Start from = start();
  if (!enter()) return placeholder();
  advance();
  Node* result = nullptr;
  if (eat(TokenKind::kRightParen)) {
    result = make(NodeKind::kTuple, from);
    result->slot(1).node = singleton_node(NodeKind::kLoad);
  } else if (at(TokenKind::kYield)) {
    result = yield_expression();
    expect(TokenKind::kRightParen, "invalid syntax");
  } else {
    Node* first = star_named_expression();
    if (at_comprehension(*this)) {
      std::size_t list = scratch_mark();
      comprehension_clauses(list);
      expect(TokenKind::kRightParen, "invalid syntax");
      result = make(NodeKind::kGeneratorExp, from);
      result->slot(0).node = first;
      result->slot(1).list = take_list(list);
    } else if (eat(TokenKind::kRightParen)) {
      result = first;
    } else if (at(TokenKind::kComma)) {
      std::size_t list = scratch_mark();
      push(first);
      while (eat(TokenKind::kComma) && !at(TokenKind::kRightParen))
        push(star_named_expression());
      close_or_comma(TokenKind::kRightParen, scratch_.back());
      result = make(NodeKind::kTuple, from);
      result->slot(0).list = take_list(list);
      result->slot(1).node = singleton_node(NodeKind::kLoad);
    } else {
      close_or_comma(TokenKind::kRightParen, first);
      result = first;
    }
  }
  leave();
  return result;
}

Node* Parser::list_atom() {
  Start from = start();
  if (!enter()) return placeholder();
  advance();
  Node* result;
  std::size_t list = scratch_mark();
  if (eat(TokenKind::kRightBracket)) {
    result = make(NodeKind::kList, from);
    result->slot(1).node = singleton_node(NodeKind::kLoad);
  } else {
    Node* first = star_named_expression();
    if (at_comprehension(*this)) {
      comprehension_clauses(list);
      expect(TokenKind::kRightBracket, "invalid syntax");
      result = make(NodeKind::kListComp, from);
      result->slot(0).node = first;
      result->slot(1).list = take_list(list);
    } else {
      push(first);
      while (eat(TokenKind::kComma) && !at(TokenKind::kRightBracket))
        push(star_named_expression());
      close_or_comma(TokenKind::kRightBracket, scratch_.back());
      result = make(NodeKind::kList, from);
      result->slot(0).list = take_list(list);
      result->slot(1).node = singleton_node(NodeKind::kLoad);
    }
  }
  leave();
  return result;
}

Node* Parser::brace_atom() {
  Start from = start();
  if (!enter()) return placeholder();
  advance();
  Node* result;
  if (eat(TokenKind::kRightBrace)) {
    result = make(NodeKind::kDict, from);
    leave();
    return result;
  }
  std::size_t keys = scratch_mark();
  bool is_dict = at(TokenKind::kDoubleStar);
  Node* first = nullptr;
  if (!is_dict) {
    first = star_named_expression();
    is_dict = at(TokenKind::kColon);
  }
  if (is_dict) {
    std::vector<Node*> values;
    Node* first_value = nullptr;
    if (first == nullptr) {
      advance();
      first_value = bitwise_or();
    } else {
      advance();
      first_value = expression();
    }
    if (first != nullptr && at_comprehension(*this)) {
      comprehension_clauses(keys);
      expect(TokenKind::kRightBrace, "invalid syntax");
      result = make(NodeKind::kDictComp, from);
      result->slot(0).node = first;
      result->slot(1).node = first_value;
      result->slot(2).list = take_list(keys);
      leave();
      return result;
    }
    push(first);
    values.push_back(first_value);
    while (eat(TokenKind::kComma) && !at(TokenKind::kRightBrace)) {
      if (eat(TokenKind::kDoubleStar)) {
        push(nullptr);
        values.push_back(bitwise_or());
      } else {
        push(expression());
        expect(TokenKind::kColon, "':' expected after dictionary key");
        values.push_back(expression());
      }
    }
    close_or_comma(TokenKind::kRightBrace, values.back());
    result = make(NodeKind::kDict, from);
    result->slot(0).list = take_list(keys);
    for (Node* value : values)
      push(value);
    result->slot(1).list = take_list(keys);
  } else if (at_comprehension(*this)) {
    comprehension_clauses(keys);
    expect(TokenKind::kRightBrace, "invalid syntax");
    result = make(NodeKind::kSetComp, from);
    result->slot(0).node = first;
    result->slot(1).list = take_list(keys);
  } else {
    push(first);
    while (eat(TokenKind::kComma) && !at(TokenKind::kRightBrace))
      push(star_named_expression());
    close_or_comma(TokenKind::kRightBrace, scratch_.back());
    result = make(NodeKind::kSet, from);
    result->slot(0).list = take_list(keys);
  }
  leave();
  return result;
}

void Parser::comprehension_clauses(std::size_t list_mark) {
  (void)list_mark;
  while (at(TokenKind::kFor) || (at(TokenKind::kAsync) && kind_at(1) == TokenKind::kFor)) {
    bool is_async = eat(TokenKind::kAsync);
    advance();
    Node* target = star_targets();
    expect(TokenKind::kIn, "invalid syntax");
    Node* iter = disjunction();
    std::size_t ifs = scratch_mark();
    while (eat(TokenKind::kIf))
      push(disjunction());
    NodeSpan conditions = take_list(ifs);
    Node* clause = make_at(NodeKind::kComprehension, 0, 0, 0, 0);
    clause->slot(0).node = target;
    clause->slot(1).node = iter;
    clause->slot(2).list = conditions;
    clause->slot(3).integer = is_async ? 1 : 0;
    push(clause);
  }
}

Node* Parser::slices() {
  Start from = start();
  Node* first = slice();
  if (!at(TokenKind::kComma)) {
    if (first->kind != NodeKind::kStarred) return first;
  }
  std::size_t list = scratch_mark();
  push(first);
  while (eat(TokenKind::kComma) && !at(TokenKind::kRightBracket))
    push(slice());
  Node* tuple = make(NodeKind::kTuple, from);
  tuple->slot(0).list = take_list(list);
  tuple->slot(1).node = singleton_node(NodeKind::kLoad);
  return tuple;
}

Node* Parser::slice() {
  Start from = start();
  if (at(TokenKind::kStar)) return star_expression();
  Node* lower = nullptr;
  if (!at(TokenKind::kColon)) {
    lower = named_expression();
    if (!at(TokenKind::kColon)) return lower;
  }
  advance();
  Node* upper = nullptr;
  Node* step = nullptr;
  auto ends = [this] {
    return at(TokenKind::kColon) || at(TokenKind::kComma) || at(TokenKind::kRightBracket);
  };
  if (!ends()) upper = expression();
  if (eat(TokenKind::kColon) && !ends()) step = expression();
  Node* node = make(NodeKind::kSlice, from);
  node->slot(0).node = lower;
  node->slot(1).node = upper;
  node->slot(2).node = step;
  return node;
}

Node* Parser::yield_expression() {
  Start from = start();
  advance();
  if (eat(TokenKind::kFrom)) {
    Node* value = expression();
    Node* node = make(NodeKind::kYieldFrom, from);
    node->slot(0).node = value;
    return node;
  }
  Node* value = starts_expression(kind()) ? star_expressions() : nullptr;
  Node* node = make(NodeKind::kYield, from);
  node->slot(0).node = value;
  return node;
}

Node* Parser::star_targets() {
  Start from = start();
  Node* first = target_list_element();
  Node* result = first;
  if (at(TokenKind::kComma)) {
    std::size_t list = scratch_mark();
    push(first);
    while (eat(TokenKind::kComma) && starts_expression(kind()))
      push(target_list_element());
    result = make(NodeKind::kTuple, from);
    result->slot(0).list = take_list(list);
    result->slot(1).node = singleton_node(NodeKind::kLoad);
  }
  set_context(result, NodeKind::kStore, true);
  return result;
}

Node* Parser::target_list_element() {
  if (at(TokenKind::kStar)) {
    if (!enter()) return placeholder();
    Start from = start();
    advance();
    Node* value = target_list_element();
    Node* starred = make(NodeKind::kStarred, from);
    starred->slot(0).node = value;
    starred->slot(1).node = singleton_node(NodeKind::kLoad);
    leave();
    return starred;
  }
  return bitwise_or();
}

}  // namespace pypyready::python::detail
