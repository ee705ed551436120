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

namespace {

bool is_load(const Node& node) {
  const int slot = node.kind == NodeKind::kName ? field_slot(NodeKind::kName, "ctx")
                                                : field_slot(NodeKind::kAttribute, "ctx");
  const Node* ctx = python::child_at(node, slot);
  return ctx == nullptr || ctx->kind == NodeKind::kLoad;
}

// The rule-independent part of api_use(): whether `node` is a use at all, and the last
// component any list must end with.
void inspect_use(const Node& node, RuleContext& context, RuleContext::ApiUseMemo& memo) {
  memo.node = &node;
  memo.scope = &context.scope();
  memo.candidate = false;
  memo.resolved = false;
  memo.last = {};
  switch (node.kind) {
    case NodeKind::kAttribute:
      memo.last = attribute_name(node);
      memo.candidate = is_load(node) && ApiNames::any_may_end_with(memo.last);
      return;
    case NodeKind::kName: {
      // `sys` in `sys.getrefcount` is handled at the Attribute.
      const Node* parent = context.parent(node);
      memo.candidate = is_load(node) && (parent == nullptr || parent->kind != NodeKind::kAttribute);
      return;
    }
    case NodeKind::kCall: {
      const Node& callee = call_func(node);
      if (name_id(callee) != "getattr" || call_args(node).size != 2) return;
      std::optional<std::string_view> attribute = string_constant(call_args(node).items[1]);
      if (!attribute) return;
      memo.last = *attribute;
      memo.candidate = ApiNames::any_may_end_with(memo.last);
      return;
    }
    default:
      return;
  }
}

}  // namespace

std::optional<std::string> api_use_resolved(const Node& node, RuleContext& context, const ApiNames& names) {
  RuleContext::ApiUseMemo& memo = context.api_use_memo();
  if (memo.node != &node || memo.scope != &context.scope()) inspect_use(node, context, memo);
  if (!memo.candidate) return std::nullopt;
  if (node.kind != NodeKind::kName && !names.may_end_with(memo.last)) return std::nullopt;
  if (!memo.resolved) {
    memo.qualified =
        node.kind == NodeKind::kCall ? context.callee_name_view(node) : context.qualified_name_view(node);
    memo.resolved = true;
    // No list holds "" (nor a wildcard matching it), and a bare builtin name is no use: the
    // other rules asking about this node are then answered by the inline check in api_use().
    if (memo.qualified.empty() || (node.kind == NodeKind::kName && memo.qualified.starts_with("builtins."))) {
      memo.candidate = false;
      return std::nullopt;
    }
  }
  std::string_view qualified = memo.qualified;
  if (node.kind == NodeKind::kName && (qualified.empty() || qualified.starts_with("builtins.")))
    return std::nullopt;
  if (names.contains(qualified)) return std::string(qualified);
  return std::nullopt;
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
