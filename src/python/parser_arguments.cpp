// Parameter lists of def and lambda, and argument lists of calls and class bases.

#include <vector>

#include "python/parser_internal.h"

namespace pypyready::python::detail {
namespace {

NodeSpan to_span(Arena& arena, const std::vector<Node*>& nodes) {
  return NodeSpan{arena.copy(std::span<Node* const>(nodes)), static_cast<std::uint32_t>(nodes.size())};
}

Node* parameter(Parser& parser, bool lambda, bool star_annotation) {
  Start from = parser.start();
  if (!parser.at(TokenKind::kName)) {
    parser.fail("invalid syntax");
    return parser.placeholder();
  }
  Ident name = parser.ident(parser.tok());
  parser.advance();
  Node* annotation = nullptr;
  if (!lambda && parser.eat(TokenKind::kColon)) {
    annotation =
        star_annotation && parser.at(TokenKind::kStar) ? parser.star_expression() : parser.expression();
  }
  Node* arg = parser.make(NodeKind::kArg, from);
  arg->slot(0).ident = name;
  arg->slot(1).node = annotation;
  return arg;
}

}  // namespace

Node* Parser::parameters(TokenKind closer, bool lambda) {
  std::vector<Node*> posonly, args, defaults, kwonly, kw_defaults;
  Node* vararg = nullptr;
  Node* kwarg = nullptr;
  bool seen_star = false;
  while (!at(closer) && !failed()) {
    if (at(TokenKind::kSlash)) {
      if (seen_star || args.empty() || !posonly.empty()) {
        fail(args.empty() && !seen_star ? "at least one argument must precede /" : "/ may appear only once");
        break;
      }
      advance();
      posonly.swap(args);
    } else if (at(TokenKind::kStar)) {
      if (seen_star) {
        fail("* argument may appear only once");
        break;
      }
      advance();
      seen_star = true;
      if (!at(TokenKind::kComma) && !at(closer)) vararg = parameter(*this, lambda, true);
    } else if (at(TokenKind::kDoubleStar)) {
      advance();
      kwarg = parameter(*this, lambda, false);
      eat(TokenKind::kComma);
      if (!at(closer)) fail("arguments cannot follow var-keyword argument");
      break;
    } else {
      Node* param = parameter(*this, lambda, false);
      Node* default_value = eat(TokenKind::kEqual) ? expression() : nullptr;
      if (seen_star) {
        kwonly.push_back(param);
        kw_defaults.push_back(default_value);
      } else {
        args.push_back(param);
        if (default_value != nullptr) {
          defaults.push_back(default_value);
        } else if (!defaults.empty()) {
          fail_node("non-default argument follows default argument", param);
        }
      }
    }
    if (!eat(TokenKind::kComma)) break;
  }
  if (seen_star && vararg == nullptr && kwonly.empty() && !failed())
    fail("named arguments must follow bare *");
  Node* node = make_at(NodeKind::kArguments, 0, 0, 0, 0);
  node->slot(0).list = to_span(arena_, posonly);
  node->slot(1).list = to_span(arena_, args);
  node->slot(2).node = vararg;
  node->slot(3).list = to_span(arena_, kwonly);
  node->slot(4).list = to_span(arena_, kw_defaults);
  node->slot(5).node = kwarg;
  node->slot(6).list = to_span(arena_, defaults);
  return node;
}

Node* Parser::call(Node* func, Start from) {
  Start paren = start();
  if (!enter()) return placeholder();
  advance();
  // Arguments gather on scratch_ and keywords on keyword_scratch_: nested calls push and pop
  // above these marks, and no vector is allocated per call.
  std::size_t args = scratch_mark();
  std::size_t keywords = keyword_scratch_.size();
  auto has_args = [&] { return scratch_.size() > args; };
  auto has_keywords = [&] { return keyword_scratch_.size() > keywords; };
  auto keyword_list = [&] {
    return std::span<Node* const>(keyword_scratch_.data() + keywords, keyword_scratch_.size() - keywords);
  };
  while (!at(TokenKind::kRightParen) && !failed()) {
    Start item = start();
    if (eat(TokenKind::kStar)) {
      for (Node* keyword : keyword_list()) {
        if (keyword->slot(0).ident.is_none()) {
          fail_at("iterable argument unpacking follows keyword argument unpacking", item.line, item.column,
                  item.line, item.column + 1);
          break;
        }
      }
      Node* value = expression();
      Node* starred = make(NodeKind::kStarred, item);
      starred->slot(0).node = value;
      starred->slot(1).node = singleton_node(NodeKind::kLoad);
      push(starred);
    } else if (eat(TokenKind::kDoubleStar)) {
      Node* value = expression();
      Node* keyword = make(NodeKind::kKeyword, item);
      keyword->slot(1).node = value;
      keyword_scratch_.push_back(keyword);
    } else if (at(TokenKind::kName) && kind_at(1) == TokenKind::kEqual) {
      Ident name = ident(tok());
      advance();
      advance();
      Node* value = expression();
      Node* keyword = make(NodeKind::kKeyword, item);
      keyword->slot(0).ident = name;
      keyword->slot(1).node = value;
      keyword_scratch_.push_back(keyword);
    } else {
      Node* value = named_expression();
      if (at(TokenKind::kFor) || (at(TokenKind::kAsync) && kind_at(1) == TokenKind::kFor)) {
        bool first_item = !has_args() && !has_keywords();  // before the clauses go on scratch_
        std::size_t list = scratch_mark();
        comprehension_clauses(list);
        bool alone = first_item && at(TokenKind::kRightParen);
        if (!alone) {
          fail_node("Generator expression must be parenthesized", value);
          break;
        }
        advance();
        Node* generator = make(NodeKind::kGeneratorExp, paren);
        generator->slot(0).node = value;
        generator->slot(1).list = take_list(list);
        push(generator);
        Node* node = make(NodeKind::kCall, from);
        node->slot(0).node = func;
        node->slot(1).list = take_list(args);
        leave();
        return node;
      }
      if (at(TokenKind::kEqual)) {
        fail_node("expression cannot contain assignment, perhaps you meant \"==\"?", value);
        break;
      }
      if (has_keywords() && !failed()) {
        bool unpacking = false;
        for (Node* keyword : keyword_list())
          unpacking = unpacking || keyword->slot(0).ident.is_none();
        fail_node(unpacking ? "positional argument follows keyword argument unpacking"
                            : "positional argument follows keyword argument",
                  value);
        break;
      }
      push(value);
    }
    if (!eat(TokenKind::kComma)) break;
  }
  if (!at(TokenKind::kRightParen) && !failed()) {
    const Node* last = has_args() ? scratch_.back() : nullptr;
    if (has_keywords()) {
      const Node* keyword = keyword_scratch_.back();
      if (last == nullptr || keyword->lineno > last->lineno ||
          (keyword->lineno == last->lineno && keyword->col_offset > last->col_offset)) {
        last = keyword->slot(1).node;
      }
    }
    close_or_comma(TokenKind::kRightParen, last);
  }
  advance();
  Node* node = make(NodeKind::kCall, from);
  node->slot(0).node = func;
  node->slot(1).list = take_list(args);
  node->slot(2).list =
      NodeSpan{arena_.copy(keyword_list()), static_cast<std::uint32_t>(keyword_list().size())};
  keyword_scratch_.resize(keywords);
  leave();
  return node;
}

}  // namespace pypyready::python::detail
