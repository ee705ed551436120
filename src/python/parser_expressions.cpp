// Expression rules from star_expressions down to primary: operators, lambda, conditional
// expressions, walrus, await, and the primary suffix loop (attribute, call, subscript).

#include "python/parser_internal.h"

namespace pypyready::python::detail {
namespace {

struct BinaryOperator {
  NodeKind op;
  int precedence;
};

// Precedence climbing replaces CPython's left-recursive rules bitwise_or .. term, so long
// chains cost a loop iteration each, not a stack frame.
BinaryOperator binary_operator(TokenKind kind) {
  switch (kind) {
    case TokenKind::kVerticalBar:
      return {NodeKind::kBitOr, 1};
    case TokenKind::kCircumflex:
      return {NodeKind::kBitXor, 2};
    case TokenKind::kAmpersand:
      return {NodeKind::kBitAnd, 3};
    case TokenKind::kLeftShift:
      return {NodeKind::kLShift, 4};
    case TokenKind::kRightShift:
      return {NodeKind::kRShift, 4};
    case TokenKind::kPlus:
      return {NodeKind::kAdd, 5};
    case TokenKind::kMinus:
      return {NodeKind::kSub, 5};
    case TokenKind::kStar:
      return {NodeKind::kMult, 6};
    case TokenKind::kSlash:
      return {NodeKind::kDiv, 6};
    case TokenKind::kDoubleSlash:
      return {NodeKind::kFloorDiv, 6};
    case TokenKind::kPercent:
      return {NodeKind::kMod, 6};
    case TokenKind::kAt:
      return {NodeKind::kMatMult, 6};
    default:
      return {NodeKind::kCount, 0};
  }
}

// Whether a token after a primary makes some precedence level (power up to disjunction) go on.
// When none does, which is the common case, expression() skips the levels altogether.
bool continues_operand(TokenKind kind) {
  switch (kind) {
    case TokenKind::kOr:
    case TokenKind::kAnd:
    case TokenKind::kNot:  // `not in`
    case TokenKind::kIs:
    case TokenKind::kIn:
    case TokenKind::kEqEqual:
    case TokenKind::kNotEqual:
    case TokenKind::kLess:
    case TokenKind::kLessEqual:
    case TokenKind::kGreater:
    case TokenKind::kGreaterEqual:
    case TokenKind::kDoubleStar:
      return true;
    default:
      return binary_operator(kind).op != NodeKind::kCount;
  }
}

// Whether a token makes one of the levels act before reaching primary (unary operators).
bool prefix_operator(TokenKind kind) {
  switch (kind) {
    case TokenKind::kNot:
    case TokenKind::kPlus:
    case TokenKind::kMinus:
    case TokenKind::kTilde:
    case TokenKind::kAwait:
      return true;
    default:
      return false;
  }
}

}  // namespace

Node* Parser::star_expressions() {
  Start from = start();
  Node* first = star_expression();
  if (!at(TokenKind::kComma)) return first;
  std::size_t list = scratch_mark();
  push(first);
  while (eat(TokenKind::kComma)) {
    if (!starts_expression(kind())) break;
    push(star_expression());
  }
  Node* tuple = make(NodeKind::kTuple, from);
  tuple->slot(0).list = take_list(list);
  tuple->slot(1).node = singleton_node(NodeKind::kLoad);
  return tuple;
}

Node* Parser::star_expression() {
  if (at(TokenKind::kStar)) {
    Start from = start();
    advance();
    Node* value = bitwise_or();
    Node* starred = make(NodeKind::kStarred, from);
    starred->slot(0).node = value;
    starred->slot(1).node = singleton_node(NodeKind::kLoad);
    return starred;
  }
  return expression();
}

Node* Parser::star_named_expression() {
  if (at(TokenKind::kStar)) return star_expression();
  return named_expression();
}

Node* Parser::named_expression() {
  if (at(TokenKind::kName) && kind_at(1) == TokenKind::kColonEqual) {
    Start from = start();
    Node* target = name_node(tok(), NodeKind::kStore);
    advance();
    advance();
    Node* value = expression();
    Node* named = make(NodeKind::kNamedExpr, from);
    named->slot(0).node = target;
    named->slot(1).node = value;
    return named;
  }
  Node* value = expression();
  if (at(TokenKind::kColonEqual))
    fail_node(std::string("cannot use assignment expressions with ") + std::string(describe(value)), value);
  return value;
}

Node* Parser::expression() {
  if (!enter()) return placeholder();
  Node* result;
  if (at(TokenKind::kLambda)) {
    result = lambda_expression();
  } else {
    Start from = start();
    if (prefix_operator(kind())) {
      result = disjunction();
    } else {
      // Fast path: parse the primary first and enter the levels only if an operator follows;
      // they then take the primary as their leftmost operand, so the tree is the same.
      Leftmost first{primary(), from};
      result = continues_operand(kind()) ? disjunction(&first) : first.node;
    }
    if (at(TokenKind::kIf)) {
      advance();
      Node* test = disjunction();
      if (!eat(TokenKind::kElse)) fail("expected 'else' after 'if' expression");
      Node* orelse = expression();
      Node* conditional = make(NodeKind::kIfExp, from);
      conditional->slot(0).node = test;
      conditional->slot(1).node = result;
      conditional->slot(2).node = orelse;
      result = conditional;
    }
  }
  leave();
  return result;
}

Node* Parser::lambda_expression() {
  Start from = start();
  advance();
  Node* args = parameters(TokenKind::kColon, true);
  expect(TokenKind::kColon, "expected ':'");
  Node* body = expression();
  Node* lambda = make(NodeKind::kLambda, from);
  lambda->slot(0).node = args;
  lambda->slot(1).node = body;
  return lambda;
}

Node* Parser::disjunction(const Leftmost* leftmost) {
  Start from = leftmost ? leftmost->from : start();
  Node* first = conjunction(leftmost);
  if (!at(TokenKind::kOr)) return first;
  std::size_t list = scratch_mark();
  push(first);
  while (eat(TokenKind::kOr))
    push(conjunction());
  Node* node = make(NodeKind::kBoolOp, from);
  node->slot(0).node = singleton_node(NodeKind::kOr);
  node->slot(1).list = take_list(list);
  return node;
}

Node* Parser::conjunction(const Leftmost* leftmost) {
  Start from = leftmost ? leftmost->from : start();
  Node* first = inversion(leftmost);
  if (!at(TokenKind::kAnd)) return first;
  std::size_t list = scratch_mark();
  push(first);
  while (eat(TokenKind::kAnd))
    push(inversion());
  Node* node = make(NodeKind::kBoolOp, from);
  node->slot(0).node = singleton_node(NodeKind::kAnd);
  node->slot(1).list = take_list(list);
  return node;
}

Node* Parser::inversion(const Leftmost* first) {
  if (first != nullptr || !at(TokenKind::kNot)) return comparison(first);
  if (!enter()) return placeholder();
  Start from = start();
  advance();
  Node* operand = inversion();
  Node* node = make(NodeKind::kUnaryOp, from);
  node->slot(0).node = singleton_node(NodeKind::kNot);
  node->slot(1).node = operand;
  leave();
  return node;
}

Node* Parser::comparison(const Leftmost* first) {
  Start from = first ? first->from : start();
  Node* left = binary(1, first);
  // Operators and comparators alternate on scratch_ (no vector per comparison).
  std::size_t pairs = scratch_mark();
  for (;;) {
    NodeKind op = NodeKind::kCount;
    switch (kind()) {
      case TokenKind::kEqEqual:
        op = NodeKind::kEq;
        break;
      case TokenKind::kNotEqual:
        op = NodeKind::kNotEq;
        break;
      case TokenKind::kLess:
        op = NodeKind::kLt;
        break;
      case TokenKind::kLessEqual:
        op = NodeKind::kLtE;
        break;
      case TokenKind::kGreater:
        op = NodeKind::kGt;
        break;
      case TokenKind::kGreaterEqual:
        op = NodeKind::kGtE;
        break;
      case TokenKind::kIn:
        op = NodeKind::kIn;
        break;
      case TokenKind::kNot:
        if (kind_at(1) == TokenKind::kIn) {
          advance();
          op = NodeKind::kNotIn;
        }
        break;
      case TokenKind::kIs:
        if (kind_at(1) == TokenKind::kNot) {
          advance();
          op = NodeKind::kIsNot;
        } else {
          op = NodeKind::kIs;
        }
        break;
      default:
        break;
    }
    if (op == NodeKind::kCount) break;
    advance();
    push(singleton_node(op));
    push(bitwise_or());
  }
  if (scratch_.size() == pairs) return left;
  Node* node = make(NodeKind::kCompare, from);
  node->slot(0).node = left;
  std::size_t count = (scratch_.size() - pairs) / 2;
  auto** ops = arena_.allocate_array<Node*>(count);
  auto** comparators = arena_.allocate_array<Node*>(count);
  for (std::size_t i = 0; i < count; ++i) {
    ops[i] = scratch_[pairs + 2 * i];
    comparators[i] = scratch_[pairs + 2 * i + 1];
  }
  scratch_.resize(pairs);
  node->slot(1).list = NodeSpan{ops, static_cast<std::uint32_t>(count)};
  node->slot(2).list = NodeSpan{comparators, static_cast<std::uint32_t>(count)};
  return node;
}

Node* Parser::bitwise_or() {
  return binary(1);
}

Node* Parser::binary(int min_precedence, const Leftmost* first) {
  Start from = first ? first->from : start();
  Node* left = factor(first);
  for (;;) {
    BinaryOperator op = binary_operator(kind());
    if (op.precedence < min_precedence || op.op == NodeKind::kCount) return left;
    advance();
    Node* right = op.precedence == 6 ? factor() : binary(op.precedence + 1);
    Node* node = make(NodeKind::kBinOp, from);
    node->slot(0).node = left;
    node->slot(1).node = singleton_node(op.op);
    node->slot(2).node = right;
    left = node;
  }
}

Node* Parser::factor(const Leftmost* first) {
  if (first != nullptr) return power(first);
  NodeKind op;
  switch (kind()) {
    case TokenKind::kPlus:
      op = NodeKind::kUAdd;
      break;
    case TokenKind::kMinus:
      op = NodeKind::kUSub;
      break;
    case TokenKind::kTilde:
      op = NodeKind::kInvert;
      break;
    default:
      return power();
  }
  if (!enter()) return placeholder();
  Start from = start();
  advance();
  Node* operand = factor();
  Node* node = make(NodeKind::kUnaryOp, from);
  node->slot(0).node = singleton_node(op);
  node->slot(1).node = operand;
  leave();
  return node;
}

Node* Parser::power(const Leftmost* first) {
  Start from = first ? first->from : start();
  Node* base;
  if (first != nullptr) {
    base = first->node;
  } else if (at(TokenKind::kAwait)) {
    if (!enter()) return placeholder();
    advance();
    Node* value = primary();
    base = make(NodeKind::kAwait, from);
    base->slot(0).node = value;
    leave();
  } else {
    base = primary();
  }
  if (!at(TokenKind::kDoubleStar)) return base;
  if (!enter()) return placeholder();
  advance();
  Node* exponent = factor();
  Node* node = make(NodeKind::kBinOp, from);
  node->slot(0).node = base;
  node->slot(1).node = singleton_node(NodeKind::kPow);
  node->slot(2).node = exponent;
  leave();
  return node;
}

Node* Parser::primary() {
  Start from = start();
  Node* node = atom();
  for (;;) {
    if (at(TokenKind::kDot)) {
      advance();
      if (!at(TokenKind::kName)) {
        fail("invalid syntax");
        return node;
      }
      Ident attr = ident(tok());
      advance();
      Node* attribute = make(NodeKind::kAttribute, from);
      attribute->slot(0).node = node;
      attribute->slot(1).ident = attr;
      attribute->slot(2).node = singleton_node(NodeKind::kLoad);
      node = attribute;
    } else if (at(TokenKind::kLeftParen)) {
      node = call(node, from);
    } else if (at(TokenKind::kLeftBracket)) {
      advance();
      Node* index = slices();
      expect(TokenKind::kRightBracket, "invalid syntax");
      Node* subscript = make(NodeKind::kSubscript, from);
      subscript->slot(0).node = node;
      subscript->slot(1).node = index;
      subscript->slot(2).node = singleton_node(NodeKind::kLoad);
      node = subscript;
    } else {
      return node;
    }
  }
}

}  // namespace pypyready::python::detail
