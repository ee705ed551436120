#pragma once
// Small helpers shared by the rule files: field access by name, argument look-up, resolving
// uses of an API (Name, Attribute or getattr with a constant) against a list of names.

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "python/ast.h"
#include "python/ast_fields.h"
#include "scan/context.h"
#include "scan/rules/api_names.h"

namespace pypyready::scan::rules {

using python::field_slot;
using python::Node;
using python::NodeKind;

/// The callee expression of a Call.
inline const Node& call_func(const Node& call) {
  return *python::child_at(call, field_slot(NodeKind::kCall, "func"));
}
inline python::NodeSpan call_args(const Node& call) {
  return python::children_at(call, field_slot(NodeKind::kCall, "args"));
}
inline python::NodeSpan call_keywords(const Node& call) {
  return python::children_at(call, field_slot(NodeKind::kCall, "keywords"));
}
/// The value of keyword argument `name` of a Call, or nullptr.
const Node* keyword_value(const Node& call, std::string_view name);
/// Positional argument `index`, else keyword `name`, else nullptr.
const Node* argument(const Node& call, std::size_t index, std::string_view name);

/// The attribute name of an Attribute node ("" for other nodes). Inline, as name_id(): rules
/// ask it of most nodes they see, and a call cost more than the answer.
inline std::string_view attribute_name(const Node& node) {
  return node.kind == NodeKind::kAttribute ? python::ident_at(node, field_slot(NodeKind::kAttribute, "attr"))
                                           : std::string_view{};
}
/// The id of a Name node ("" for other nodes).
inline std::string_view name_id(const Node& node) {
  return node.kind == NodeKind::kName ? python::ident_at(node, field_slot(NodeKind::kName, "id"))
                                      : std::string_view{};
}

/// When `node` is a use of one of `names` (qualified: "sys.getrefcount"; an entry ending in
/// '*' matches a prefix), returns the qualified name. Uses are loads of a Name or Attribute
/// (the outermost part of a chain that matches) and `getattr(mod, "name")` calls.
std::optional<std::string> api_use(const Node& node, RuleContext& context, const ApiNames& names);
/// The work of api_use() past its inline first check.
std::optional<std::string> api_use_resolved(const Node& node, RuleContext& context, const ApiNames& names);

// Inline because it runs for every Name, Attribute and Call once per API rule: the first rule
// to ask about a node records in the context whether any list may match it, and for most
// nodes none can, so the others are answered here without a call.
inline std::optional<std::string> api_use(const Node& node, RuleContext& context, const ApiNames& names) {
  const RuleContext::ApiUseMemo& memo = context.api_use_memo();
  if (memo.node == &node && memo.scope == &context.scope() && !memo.candidate) return std::nullopt;
  return api_use_resolved(node, context, names);
}

/// When `node` is an Import/ImportFrom statement, calls `found(alias_node, module)` for every
/// module it imports among `modules` (submodules of a listed module count).
template <typename Found>
void for_each_imported_module(const Node& node, std::span<const std::string_view> modules, Found&& found);

/// Whether the last dotted component of `name` is `last` ("weakref.ref", "ref"), without splitting
/// `name`: rules ask this of every call against their lists.
inline bool last_component_is(std::string_view name, std::string_view last) {
  // The byte before the component must be a dot: testing it first settles most names without
  // a string comparison.
  if (name.size() < last.size()) return false;
  if (name.size() != last.size() && name[name.size() - last.size() - 1] != '.') return false;
  return name.ends_with(last) && last.find('.') == std::string_view::npos;
}

/// Whether an Import/ImportFrom `module` is `listed` or a submodule of it.
inline bool module_matches(std::string_view module, std::string_view listed) {
  return module == listed || (module.size() > listed.size() && module.substr(0, listed.size()) == listed &&
                              module[listed.size()] == '.');
}

template <typename Found>
void for_each_imported_module(const Node& node, std::span<const std::string_view> modules, Found&& found) {
  if (node.kind == NodeKind::kImport) {
    for (const Node* alias : python::children_at(node, field_slot(NodeKind::kImport, "names"))) {
      std::string_view module = python::ident_at(*alias, field_slot(NodeKind::kAlias, "name"));
      for (std::string_view listed : modules) {
        if (module_matches(module, listed)) {
          found(*alias, listed);
          break;
        }
      }
    }
  } else if (node.kind == NodeKind::kImportFrom) {
    if (node.slot(field_slot(NodeKind::kImportFrom, "level")).integer != 0) return;
    std::string_view module = python::ident_at(node, field_slot(NodeKind::kImportFrom, "module"));
    for (std::string_view listed : modules) {
      if (module_matches(module, listed)) {
        found(node, listed);
        return;
      }
    }
    // `from ctypes import pythonapi`-style imports of a listed dotted name.
    for (const Node* alias : python::children_at(node, field_slot(NodeKind::kImportFrom, "names"))) {
      std::string full = std::string(module) + "." +
                         std::string(python::ident_at(*alias, field_slot(NodeKind::kAlias, "name")));
      for (std::string_view listed : modules) {
        if (module_matches(full, listed)) {
          found(*alias, listed);
          break;
        }
      }
    }
  }
}

/// An edit inserting `import_line` ("import pathlib\n") into the module that holds `inside`,
/// before its first statement after the docstring and `from __future__` imports; nullopt when
/// there is no such statement at the start of a line.
std::optional<Edit> module_import_edit(const Node& inside, const RuleContext& context,
                                       std::string_view import_line);

/// Node kinds that api_use() understands.
inline constexpr python::NodeKind kApiUseKinds[] = {NodeKind::kName, NodeKind::kAttribute, NodeKind::kCall};

}  // namespace pypyready::scan::rules
