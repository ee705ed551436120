#include "scan/rules/rule_helpers.h"

namespace pypyready::scan::rules {

const Node* keyword_value(const Node& call, std::string_view name) {
  for (const Node* keyword : call_keywords(call)) {
    if (python::ident_at(*keyword, field_slot(NodeKind::kKeyword, "arg")) == name) {
      return python::child_at(*keyword, field_slot(NodeKind::kKeyword, "value"));
    }
  }
  return nullptr;
}

const Node* argument(const Node& call, std::size_t index, std::string_view name) {
  python::NodeSpan args = call_args(call);
  if (index < args.size && args.items[index]->kind != NodeKind::kStarred) return args.items[index];
  return keyword_value(call, name);
}

std::string_view attribute_name(const Node& node) {
  return node.kind == NodeKind::kAttribute ? python::ident_at(node, field_slot(NodeKind::kAttribute, "attr"))
                                           : std::string_view{};
}

std::string_view name_id(const Node& node) {
  return node.kind == NodeKind::kName ? python::ident_at(node, field_slot(NodeKind::kName, "id"))
                                      : std::string_view{};
}

namespace {

bool is_load(const Node& node) {
  const int slot = node.kind == NodeKind::kName ? field_slot(NodeKind::kName, "ctx")
                                                : field_slot(NodeKind::kAttribute, "ctx");
  const Node* ctx = python::child_at(node, slot);
  return ctx == nullptr || ctx->kind == NodeKind::kLoad;
}

}  // namespace

std::optional<std::string> api_use(const Node& node, RuleContext& context, const ApiNames& names) {
  switch (node.kind) {
    case NodeKind::kAttribute: {
      if (!is_load(node) || !names.may_end_with(attribute_name(node))) return std::nullopt;
      std::string_view qualified = context.qualified_name_view(node);
      if (names.contains(qualified)) return std::string(qualified);
      return std::nullopt;
    }
    case NodeKind::kName: {
      if (!is_load(node)) return std::nullopt;
      // `sys` in `sys.getrefcount` is handled at the Attribute.
      const Node* parent = context.parent(node);
      if (parent != nullptr && parent->kind == NodeKind::kAttribute) return std::nullopt;
      std::string_view qualified = context.qualified_name_view(node);
      if (qualified.empty() || qualified.starts_with("builtins.")) return std::nullopt;
      if (names.contains(qualified)) return std::string(qualified);
      return std::nullopt;
    }
    case NodeKind::kCall: {
      const Node& callee = call_func(node);
      if (name_id(callee) != "getattr" || call_args(node).size != 2) return std::nullopt;
      std::optional<std::string_view> attribute = string_constant(call_args(node).items[1]);
      if (!attribute || !names.may_end_with(*attribute)) return std::nullopt;
      std::string_view qualified = context.callee_name_view(node);
      if (names.contains(qualified)) return std::string(qualified);
      return std::nullopt;
    }
    default:
      return std::nullopt;
  }
}

std::optional<Edit> module_import_edit(const Node& inside, const RuleContext& context,
                                       std::string_view import_line) {
  const Node* module = &inside;
  while (context.parent(*module) != nullptr)
    module = context.parent(*module);
  python::NodeSpan body = python::children_at(*module, field_slot(NodeKind::kModule, "body"));
  for (std::uint32_t index = 0; index < body.size; ++index) {
    const Node* statement = body.items[index];
    if (index == 0 && statement->kind == NodeKind::kExpr &&
        string_constant(python::child_at(*statement, field_slot(NodeKind::kExpr, "value")))) {
      continue;
    }
    if (statement->kind == NodeKind::kImportFrom &&
        python::ident_at(*statement, field_slot(NodeKind::kImportFrom, "module")) == "__future__") {
      continue;
    }
    if (statement->col_offset != 0) return std::nullopt;
    Location at = context.lines().location(statement->lineno, 0);
    return Edit{at, at, std::string(import_line)};
  }
  return std::nullopt;
}

}  // namespace pypyready::scan::rules
