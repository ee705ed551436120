// Compound statements: decorators, def/class (with PEP 695 type parameters), if/while/for,
// with (parenthesised items included), try/except/except*.

#include "python/parser_internal.h"

namespace pypyready::python::detail {

Node* Parser::compound_statement() {
  Start from = start();
  switch (kind()) {
    case TokenKind::kAt: {
      std::size_t list = scratch_mark();
      while (eat(TokenKind::kAt)) {
        push(named_expression());
        expect(TokenKind::kNewline, "invalid syntax");
      }
      NodeSpan decorators = take_list(list);
      Start def_start = start();
      if (at(TokenKind::kDef)) return function_def(def_start, decorators, false);
      if (at(TokenKind::kAsync) && kind_at(1) == TokenKind::kDef) {
        advance();
        return function_def(def_start, decorators, true);
      }
      if (at(TokenKind::kClass)) return class_def(def_start, decorators);
      fail("invalid syntax");
      return placeholder();
    }
    case TokenKind::kDef:
      return function_def(from, NodeSpan{nullptr, 0}, false);
    case TokenKind::kClass:
      return class_def(from, NodeSpan{nullptr, 0});
    case TokenKind::kIf:
      return if_statement(false);
    case TokenKind::kWhile:
      return while_statement();
    case TokenKind::kFor:
      return for_statement(from, false);
    case TokenKind::kWith:
      return with_statement(from, false);
    case TokenKind::kTry:
      return try_statement();
    case TokenKind::kAsync:
      advance();
      if (at(TokenKind::kDef)) return function_def(from, NodeSpan{nullptr, 0}, true);
      if (at(TokenKind::kFor)) return for_statement(from, true);
      return with_statement(from, true);
    default:
      fail("invalid syntax");
      return placeholder();
  }
}

NodeSpan Parser::type_params() {
  advance();
  std::size_t list = scratch_mark();
  while (!at(TokenKind::kRightBracket) && !failed()) {
    Start from = start();
    NodeKind param_kind = NodeKind::kTypeVar;
    if (eat(TokenKind::kStar))
      param_kind = NodeKind::kTypeVarTuple;
    else if (eat(TokenKind::kDoubleStar))
      param_kind = NodeKind::kParamSpec;
    if (!at(TokenKind::kName)) {
      fail("invalid syntax");
      break;
    }
    Ident name = ident(tok());
    advance();
    Node* bound = nullptr;
    if (param_kind == NodeKind::kTypeVar && eat(TokenKind::kColon)) bound = expression();
    Node* default_value = nullptr;
    if (eat(TokenKind::kEqual))
      default_value = param_kind == NodeKind::kTypeVarTuple ? star_expression() : expression();
    Node* param = make(param_kind, from);
    param->slot(0).ident = name;
    if (param_kind == NodeKind::kTypeVar) {
      param->slot(1).node = bound;
      param->slot(2).node = default_value;
    } else {
      param->slot(1).node = default_value;
    }
    push(param);
    if (!eat(TokenKind::kComma)) break;
  }
  expect(TokenKind::kRightBracket, "invalid syntax");
  return take_list(list);
}

Node* Parser::function_def(Start from, NodeSpan decorators, bool is_async) {
  advance();  // def
  if (!at(TokenKind::kName)) {
    fail("invalid syntax");
    return placeholder();
  }
  Ident name = ident(tok());
  advance();
  NodeSpan params{nullptr, 0};
  if (at(TokenKind::kLeftBracket)) params = type_params();
  expect(TokenKind::kLeftParen, "expected '('");
  Node* args = parameters(TokenKind::kRightParen, false);
  expect(TokenKind::kRightParen, "invalid syntax");
  Node* returns = eat(TokenKind::kRightArrow) ? expression() : nullptr;
  expect(TokenKind::kColon, "expected ':'");
  NodeSpan body = block("function definition", from.line);
  Node* node = make(is_async ? NodeKind::kAsyncFunctionDef : NodeKind::kFunctionDef, from);
  node->slot(0).ident = name;
  node->slot(1).node = args;
  node->slot(2).list = body;
  node->slot(3).list = decorators;
  node->slot(4).node = returns;
  node->slot(6).list = params;
  return node;
}

Node* Parser::class_def(Start from, NodeSpan decorators) {
  advance();  // class
  if (!at(TokenKind::kName)) {
    fail("invalid syntax");
    return placeholder();
  }
  Ident name = ident(tok());
  advance();
  NodeSpan params{nullptr, 0};
  if (at(TokenKind::kLeftBracket)) params = type_params();
  NodeSpan bases{nullptr, 0};
  NodeSpan keywords{nullptr, 0};
  if (at(TokenKind::kLeftParen)) {
    Node* arguments = call(nullptr, start());
    bases = arguments->slot(1).list;
    keywords = arguments->slot(2).list;
  }
  expect(TokenKind::kColon, "expected ':'");
  NodeSpan body = block("class definition", from.line);
  Node* node = make(NodeKind::kClassDef, from);
  node->slot(0).ident = name;
  node->slot(1).list = bases;
  node->slot(2).list = keywords;
  node->slot(3).list = body;
  node->slot(4).list = decorators;
  node->slot(5).list = params;
  return node;
}

Node* Parser::if_statement(bool elif) {
  Start from = start();
  advance();
  Node* test = named_expression();
  expect(TokenKind::kColon, "expected ':'");
  NodeSpan body = block(elif ? "'elif' statement" : "'if' statement", from.line);
  NodeSpan orelse{nullptr, 0};
  if (at(TokenKind::kElif)) {
    orelse = one(if_statement(true));
  } else if (at(TokenKind::kElse)) {
    std::uint32_t else_line = tok().line;
    advance();
    expect(TokenKind::kColon, "expected ':'");
    orelse = block("'else' statement", else_line);
  }
  Node* node = make(NodeKind::kIf, from);
  node->slot(0).node = test;
  node->slot(1).list = body;
  node->slot(2).list = orelse;
  return node;
}

Node* Parser::while_statement() {
  Start from = start();
  advance();
  Node* test = named_expression();
  expect(TokenKind::kColon, "expected ':'");
  NodeSpan body = block("'while' statement", from.line);
  NodeSpan orelse = else_block();
  Node* node = make(NodeKind::kWhile, from);
  node->slot(0).node = test;
  node->slot(1).list = body;
  node->slot(2).list = orelse;
  return node;
}

Node* Parser::for_statement(Start from, bool is_async) {
  advance();  // for
  Node* target = star_targets();
  expect(TokenKind::kIn, "invalid syntax");
  Node* iter = star_expressions();
  expect(TokenKind::kColon, "expected ':'");
  NodeSpan body = block("'for' statement", from.line);
  NodeSpan orelse = else_block();
  Node* node = make(is_async ? NodeKind::kAsyncFor : NodeKind::kFor, from);
  node->slot(0).node = target;
  node->slot(1).node = iter;
  node->slot(2).list = body;
  node->slot(3).list = orelse;
  return node;
}

NodeSpan Parser::else_block() {
  if (!at(TokenKind::kElse)) return NodeSpan{nullptr, 0};
  std::uint32_t line = tok().line;
  advance();
  expect(TokenKind::kColon, "expected ':'");
  return block("'else' statement", line);
}

Node* Parser::with_item() {
  Node* context = expression();
  Node* vars = nullptr;
  if (eat(TokenKind::kAs)) {
    vars = target_list_element();
    set_context(vars, NodeKind::kStore);
  }
  Node* item = make_at(NodeKind::kWithitem, 0, 0, 0, 0);
  item->slot(0).node = context;
  item->slot(1).node = vars;
  return item;
}

bool Parser::parenthesized_with_items(std::size_t list_mark) {
  (void)list_mark;
  Mark before = mark();
  advance();  // (
  do {
    if (at(TokenKind::kRightParen)) break;
    push(with_item());
    // `as` targets end at `,` or `)`; anything else means this is one parenthesised expression.
    if (failed() || !(at(TokenKind::kComma) || at(TokenKind::kRightParen))) break;
  } while (eat(TokenKind::kComma));
  if (!failed() && eat(TokenKind::kRightParen) && at(TokenKind::kColon)) return true;
  rewind(before);
  return false;
}

Node* Parser::with_statement(Start from, bool is_async) {
  advance();  // with
  std::size_t list = scratch_mark();
  if (!(at(TokenKind::kLeftParen) && parenthesized_with_items(list))) {
    do
      push(with_item());
    while (eat(TokenKind::kComma));
  }
  NodeSpan items = take_list(list);
  expect(TokenKind::kColon, "expected ':'");
  NodeSpan body = block("'with' statement", from.line);
  Node* node = make(is_async ? NodeKind::kAsyncWith : NodeKind::kWith, from);
  node->slot(0).list = items;
  node->slot(1).list = body;
  return node;
}

Node* Parser::try_statement() {
  Start from = start();
  advance();
  expect(TokenKind::kColon, "expected ':'");
  NodeSpan body = block("'try' statement", from.line);
  std::size_t list = scratch_mark();
  bool star = false;
  while (at(TokenKind::kExcept)) {
    Start handler_from = start();
    advance();
    bool this_star = eat(TokenKind::kStar);
    star = star || this_star;
    Node* type = nullptr;
    Ident name{};
    if (!at(TokenKind::kColon)) {
      type = expression();
      if (at(TokenKind::kComma)) {
        // `except A, B:` needs parentheses since Python 3.
        fail("multiple exception types must be parenthesized");
      }
      if (eat(TokenKind::kAs)) {
        if (!at(TokenKind::kName)) fail("invalid syntax");
        name = ident(tok());
        advance();
      }
    }
    expect(TokenKind::kColon, "expected ':'");
    NodeSpan handler_body =
        block(this_star ? "'except*' statement" : "'except' statement", handler_from.line);
    Node* handler = make(NodeKind::kExceptHandler, handler_from);
    handler->slot(0).node = type;
    handler->slot(1).ident = name;
    handler->slot(2).list = handler_body;
    push(handler);
  }
  NodeSpan handlers = take_list(list);
  NodeSpan orelse{nullptr, 0};
  NodeSpan finalbody{nullptr, 0};
  if (handlers.size > 0) orelse = else_block();
  if (at(TokenKind::kFinally)) {
    std::uint32_t finally_line = tok().line;
    advance();
    expect(TokenKind::kColon, "expected ':'");
    finalbody = block("'finally' statement", finally_line);
  }
  if (handlers.size == 0 && finalbody.size == 0) fail("expected 'except' or 'finally' block");
  Node* node = make(star ? NodeKind::kTryStar : NodeKind::kTry, from);
  node->slot(0).list = body;
  node->slot(1).list = handlers;
  node->slot(2).list = orelse;
  node->slot(3).list = finalbody;
  return node;
}

}  // namespace pypyready::python::detail
