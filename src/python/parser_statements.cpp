// Statement sequencing, blocks and the simple statements: expression statements and
// assignments, del, return, raise, assert, global/nonlocal, import and type aliases.

#include <cstring>
#include <string>

#include "python/parser_internal.h"

namespace pypyready::python::detail {
namespace {

bool starts_compound(const Parser& parser) {
  switch (parser.kind()) {
    case TokenKind::kDef:
    case TokenKind::kIf:
    case TokenKind::kClass:
    case TokenKind::kWith:
    case TokenKind::kFor:
    case TokenKind::kTry:
    case TokenKind::kWhile:
    case TokenKind::kAt:
      return true;
    case TokenKind::kAsync:
      return parser.kind_at(1) == TokenKind::kDef || parser.kind_at(1) == TokenKind::kWith ||
             parser.kind_at(1) == TokenKind::kFor;
    default:
      return false;
  }
}

NodeKind augmented_operator(TokenKind kind) {
  switch (kind) {
    case TokenKind::kPlusEqual:
      return NodeKind::kAdd;
    case TokenKind::kMinusEqual:
      return NodeKind::kSub;
    case TokenKind::kStarEqual:
      return NodeKind::kMult;
    case TokenKind::kSlashEqual:
      return NodeKind::kDiv;
    case TokenKind::kDoubleSlashEqual:
      return NodeKind::kFloorDiv;
    case TokenKind::kPercentEqual:
      return NodeKind::kMod;
    case TokenKind::kDoubleStarEqual:
      return NodeKind::kPow;
    case TokenKind::kAtEqual:
      return NodeKind::kMatMult;
    case TokenKind::kVerticalBarEqual:
      return NodeKind::kBitOr;
    case TokenKind::kAmpersandEqual:
      return NodeKind::kBitAnd;
    case TokenKind::kCircumflexEqual:
      return NodeKind::kBitXor;
    case TokenKind::kLeftShiftEqual:
      return NodeKind::kLShift;
    case TokenKind::kRightShiftEqual:
      return NodeKind::kRShift;
    default:
      return NodeKind::kCount;
  }
}

}  // namespace

void Parser::statement(std::size_t list_mark) {
  if (starts_compound(*this)) {
    push(compound_statement());
    return;
  }
  if (at_soft("match") && starts_expression(kind_at(1))) {
    Mark before = mark();
    match_committed_ = false;
    Node* match = match_statement();
    if (!failed() || match_committed_) {
      push(match);
      return;
    }
    // A match statement's error only stands when the line really is one: `match x:` then a
    // newline. Otherwise `match` is an ordinary name.
    rewind(before);
  }
  if (at(TokenKind::kIndent)) {
    fail("unexpected indent");
    return;
  }
  simple_statements(list_mark);
}

NodeSpan Parser::block(std::string_view what, std::uint32_t line) {
  std::size_t list = scratch_mark();
  if (eat(TokenKind::kNewline)) {
    if (!eat(TokenKind::kIndent)) {
      fail("expected an indented block after " + std::string(what) + " on line " + std::to_string(line));
      return take_list(list);
    }
    while (!failed() && !at(TokenKind::kDedent) && !at(TokenKind::kEndMarker))
      statement(list);
    expect(TokenKind::kDedent, "invalid syntax");
  } else {
    simple_statements(list);
  }
  return take_list(list);
}

void Parser::simple_statements(std::size_t list_mark) {
  (void)list_mark;
  push(simple_statement());
  while (eat(TokenKind::kSemicolon) && !at(TokenKind::kNewline))
    push(simple_statement());
  if (!eat(TokenKind::kNewline) && !failed()) fail("invalid syntax");
}

Node* Parser::simple_statement() {
  Start from = start();
  switch (kind()) {
    case TokenKind::kPass:
      advance();
      return make(NodeKind::kPass, from);
    case TokenKind::kBreak:
      advance();
      return make(NodeKind::kBreak, from);
    case TokenKind::kContinue:
      advance();
      return make(NodeKind::kContinue, from);
    case TokenKind::kReturn: {
      advance();
      Node* value = starts_expression(kind()) ? star_expressions() : nullptr;
      Node* node = make(NodeKind::kReturn, from);
      node->slot(0).node = value;
      return node;
    }
    case TokenKind::kRaise: {
      advance();
      Node* exc = nullptr;
      Node* cause = nullptr;
      if (starts_expression(kind())) {
        exc = expression();
        if (eat(TokenKind::kFrom)) cause = expression();
      }
      Node* node = make(NodeKind::kRaise, from);
      node->slot(0).node = exc;
      node->slot(1).node = cause;
      return node;
    }
    case TokenKind::kAssert: {
      advance();
      Node* test = expression();
      Node* message = eat(TokenKind::kComma) ? expression() : nullptr;
      Node* node = make(NodeKind::kAssert, from);
      node->slot(0).node = test;
      node->slot(1).node = message;
      return node;
    }
    case TokenKind::kGlobal:
    case TokenKind::kNonlocal: {
      NodeKind node_kind = at(TokenKind::kGlobal) ? NodeKind::kGlobal : NodeKind::kNonlocal;
      advance();
      std::vector<Ident> names;
      do {
        if (!at(TokenKind::kName)) {
          fail("invalid syntax");
          break;
        }
        names.push_back(ident(tok()));
        advance();
      } while (eat(TokenKind::kComma));
      Node* node = make(node_kind, from);
      node->slot(0).idents =
          IdentSpan{arena_.copy(std::span<const Ident>(names)), static_cast<std::uint32_t>(names.size())};
      return node;
    }
    case TokenKind::kDel: {
      advance();
      std::size_t list = scratch_mark();
      do {
        if (!starts_expression(kind())) break;
        Node* target = bitwise_or();
        set_context(target, NodeKind::kDel);
        push(target);
      } while (eat(TokenKind::kComma));
      Node* node = make(NodeKind::kDelete, from);
      node->slot(0).list = take_list(list);
      if (node->slot(0).list.size == 0) fail("invalid syntax");
      return node;
    }
    case TokenKind::kImport:
      return import_statement();
    case TokenKind::kFrom:
      return from_import_statement();
    default:
      break;
  }
  if (at_soft("type") && kind_at(1) == TokenKind::kName &&
      (kind_at(2) == TokenKind::kEqual || kind_at(2) == TokenKind::kLeftBracket)) {
    return type_alias_statement();
  }
  return expression_statement();
}

Node* Parser::expression_statement() {
  Start from = start();
  bool parenthesized = at(TokenKind::kLeftParen);
  Node* first = at(TokenKind::kYield) ? yield_expression() : star_expressions();
  if (at(TokenKind::kEqual)) {
    std::size_t targets = scratch_mark();
    Node* value = first;
    while (eat(TokenKind::kEqual)) {
      if (!set_context(value, NodeKind::kStore, true)) return value;
      push(value);
      value = at(TokenKind::kYield) ? yield_expression() : star_expressions();
    }
    Node* node = make(NodeKind::kAssign, from);
    node->slot(0).list = take_list(targets);
    node->slot(1).node = value;
    return node;
  }
  if (at(TokenKind::kColon)) {
    if (first->kind == NodeKind::kTuple) {
      fail_node("only single target (not tuple) can be annotated", first);
      return first;
    }
    if (first->kind == NodeKind::kList) {
      fail_node("only single target (not list) can be annotated", first);
      return first;
    }
    if (first->kind != NodeKind::kName && first->kind != NodeKind::kAttribute &&
        first->kind != NodeKind::kSubscript) {
      fail_node("illegal target for annotation", first);
      return first;
    }
    set_context(first, NodeKind::kStore);
    advance();
    Node* annotation = expression();
    Node* value = nullptr;
    if (eat(TokenKind::kEqual)) value = at(TokenKind::kYield) ? yield_expression() : star_expressions();
    Node* node = make(NodeKind::kAnnAssign, from);
    node->slot(0).node = first;
    node->slot(1).node = annotation;
    node->slot(2).node = value;
    node->slot(3).integer = (first->kind == NodeKind::kName && !parenthesized) ? 1 : 0;
    return node;
  }
  NodeKind op = augmented_operator(kind());
  if (op != NodeKind::kCount) {
    if (first->kind != NodeKind::kName && first->kind != NodeKind::kAttribute &&
        first->kind != NodeKind::kSubscript) {
      fail_node(std::string("'") + std::string(describe(first)) +
                    "' is an illegal expression for augmented assignment",
                first);
      return first;
    }
    set_context(first, NodeKind::kStore);
    advance();
    Node* value = at(TokenKind::kYield) ? yield_expression() : star_expressions();
    Node* node = make(NodeKind::kAugAssign, from);
    node->slot(0).node = first;
    node->slot(1).node = singleton_node(op);
    node->slot(2).node = value;
    return node;
  }
  if (!failed() && !at(TokenKind::kNewline) && !at(TokenKind::kSemicolon)) {
    std::string_view name = first->kind == NodeKind::kName ? first->slot(0).ident.view() : std::string_view{};
    if ((name == "print" || name == "exec") && starts_expression(kind())) {
      fail_node("Missing parentheses in call to '" + std::string(name) + "'. Did you mean " +
                    std::string(name) + "(...)?",
                first);
    } else if (starts_expression(kind()) && first->kind != NodeKind::kStarred) {
      fail("invalid syntax");
    }
  }
  Node* node = make(NodeKind::kExpr, from);
  node->slot(0).node = first;
  return node;
}

Node* Parser::import_statement() {
  Start from = start();
  advance();
  std::size_t list = scratch_mark();
  do
    push(dotted_name_alias(false));
  while (eat(TokenKind::kComma));
  Node* node = make(NodeKind::kImport, from);
  node->slot(0).list = take_list(list);
  return node;
}

Node* Parser::dotted_name_alias(bool from_import) {
  Start from = start();
  std::string name;
  if (!at(TokenKind::kName)) {
    fail("invalid syntax");
    return placeholder();
  }
  Ident first = ident(tok());
  advance();
  bool dotted = false;
  while (!from_import && at(TokenKind::kDot)) {
    if (!dotted) name.assign(first.view());
    dotted = true;
    advance();
    if (!at(TokenKind::kName)) {
      fail("invalid syntax");
      return placeholder();
    }
    name.push_back('.');
    name.append(ident(tok()).view());
    advance();
  }
  Ident as_name{};
  if (eat(TokenKind::kAs)) {
    if (!at(TokenKind::kName)) {
      fail("invalid syntax");
      return placeholder();
    }
    as_name = ident(tok());
    advance();
  }
  Node* node = make(NodeKind::kAlias, from);
  node->slot(0).ident =
      dotted ? ident_text(std::string_view(static_cast<const char*>(std::memcpy(
                                               arena_.allocate(name.size(), 1), name.data(), name.size())),
                                           name.size()))
             : first;
  node->slot(1).ident = as_name;
  return node;
}

Node* Parser::from_import_statement() {
  Start from = start();
  advance();
  std::int64_t level = 0;
  for (;;) {
    if (eat(TokenKind::kDot))
      ++level;
    else if (eat(TokenKind::kEllipsis))
      level += 3;
    else
      break;
  }
  Ident module{};
  if (at(TokenKind::kName)) {
    Node* dotted = dotted_name_alias(false);
    module = dotted->slot(0).ident;
    if (!dotted->slot(1).ident.is_none()) fail("invalid syntax");
  } else if (level == 0) {
    fail("invalid syntax");
  }
  expect(TokenKind::kImport, "invalid syntax");
  std::size_t list = scratch_mark();
  if (at(TokenKind::kStar)) {
    Start star = start();
    advance();
    Node* alias = make(NodeKind::kAlias, star);
    alias->slot(0).ident = Ident{"*", 1};
    push(alias);
  } else {
    bool paren = eat(TokenKind::kLeftParen);
    do {
      if (paren && at(TokenKind::kRightParen)) break;
      push(dotted_name_alias(true));
    } while (eat(TokenKind::kComma));
    if (paren)
      expect(TokenKind::kRightParen, "invalid syntax");
    else if (at(TokenKind::kRightParen))
      fail("invalid syntax");
  }
  Node* node = make(NodeKind::kImportFrom, from);
  node->slot(0).ident = module;
  node->slot(1).list = take_list(list);
  node->slot(2).integer = level;
  return node;
}

Node* Parser::type_alias_statement() {
  Start from = start();
  advance();
  Node* name = name_node(tok(), NodeKind::kStore);
  advance();
  NodeSpan params{nullptr, 0};
  if (at(TokenKind::kLeftBracket)) params = type_params();
  expect(TokenKind::kEqual, "invalid syntax");
  Node* value = expression();
  Node* node = make(NodeKind::kTypeAlias, from);
  node->slot(0).node = name;
  node->slot(1).list = params;
  node->slot(2).node = value;
  return node;
}

}  // namespace pypyready::python::detail
