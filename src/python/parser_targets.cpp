// Assignment, deletion and loop targets: targets are parsed as expressions, then given the
// Store or Del context here, with CPython's message for what cannot be a target.

#include <string>

#include "python/parser_internal.h"

namespace pypyready::python::detail {

std::string_view Parser::describe(const Node* node) const {
  switch (node->kind) {
    case NodeKind::kCall:
      return "function call";
    case NodeKind::kConstant: {
      ConstantKind constant = node->slot(0).constant->kind;
      if (constant == ConstantKind::kNone) return "None";
      if (constant == ConstantKind::kTrue) return "True";
      if (constant == ConstantKind::kFalse) return "False";
      if (constant == ConstantKind::kEllipsis) return "ellipsis";
      return "literal";
    }
    case NodeKind::kBinOp:
    case NodeKind::kUnaryOp:
    case NodeKind::kBoolOp:
      return "expression";
    case NodeKind::kCompare:
      return "comparison";
    case NodeKind::kLambda:
      return "lambda";
    case NodeKind::kIfExp:
      return "conditional expression";
    case NodeKind::kNamedExpr:
      return "named expression";
    case NodeKind::kYield:
    case NodeKind::kYieldFrom:
      return "yield expression";
    case NodeKind::kAwait:
      return "await expression";
    case NodeKind::kGeneratorExp:
      return "generator expression";
    case NodeKind::kListComp:
      return "list comprehension";
    case NodeKind::kSetComp:
      return "set comprehension";
    case NodeKind::kDictComp:
      return "dict comprehension";
    case NodeKind::kDict:
      return "dict literal";
    case NodeKind::kSet:
      return "set display";
    case NodeKind::kJoinedStr:
    case NodeKind::kFormattedValue:
      return "f-string expression";
    case NodeKind::kTuple:
      return "tuple";
    case NodeKind::kList:
      return "list";
    case NodeKind::kName:
      return "name";
    case NodeKind::kAttribute:
      return "attribute";
    case NodeKind::kSubscript:
      return "subscript";
    case NodeKind::kStarred:
      return "starred";
    default:
      return "expression";
  }
}

bool Parser::set_context(Node* target, NodeKind ctx, bool suggest_equality) {
  if (failed()) return false;
  switch (target->kind) {
    case NodeKind::kName:
    case NodeKind::kStarred:
      target->slot(kCtxOfName).node = singleton_node(ctx);
      if (target->kind == NodeKind::kStarred) return set_context(target->slot(0).node, ctx, suggest_equality);
      return true;
    case NodeKind::kAttribute:
    case NodeKind::kSubscript:
      target->slot(kCtxOfAttribute).node = singleton_node(ctx);
      return true;
    case NodeKind::kTuple:
    case NodeKind::kList:
      target->slot(kCtxOfName).node = singleton_node(ctx);
      for (Node* element : target->slot(0).list) {
        if (!set_context(element, ctx, suggest_equality)) return false;
      }
      return true;
    default: {
      if (ctx == NodeKind::kStore &&
          (target->kind == NodeKind::kYield || target->kind == NodeKind::kYieldFrom) && suggest_equality) {
        fail_node("assignment to yield expression not possible", target);
        return false;
      }
      std::string message = ctx == NodeKind::kDel ? "cannot delete " : "cannot assign to ";
      message += describe(target);
      if (suggest_equality && ctx == NodeKind::kStore)
        message += " here. Maybe you meant '==' instead of '='?";
      fail_node(message, target);
      return false;
    }
  }
}

}  // namespace pypyready::python::detail
