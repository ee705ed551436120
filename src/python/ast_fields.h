#pragma once
// Named, compile-time-checked access to node fields. Nodes keep their fields as slots in the
// order of CPython's `ast` classes; `field_slot(NodeKind::kCall, "func")` turns a field name
// into its slot index at compile time, so a misspelt field is a build error, not a bug.

#include <string_view>

#include "python/ast.h"

namespace pypyready::python {
namespace detail {

struct FieldRow {
  FieldInfo fields[8];
};

inline constexpr FieldRow kFieldRows[] = {
#define PYPYREADY_NODE(enum_name, name, base, positions, in_311, count, ...) FieldRow{__VA_ARGS__},
#include "python/ast_schema_table.inc"
#undef PYPYREADY_NODE
};

}  // namespace detail

/// The slot index of `field` in nodes of `kind`; a compile error when there is no such field.
consteval int field_slot(NodeKind kind, std::string_view field) {
  const detail::FieldRow& row = detail::kFieldRows[static_cast<int>(kind)];
  for (int index = 0; index < 8; ++index) {
    if (row.fields[index].name != nullptr && std::string_view(row.fields[index].name) == field) return index;
  }
  throw "no such field in this node kind";
}

/// The child node held in a kNode/kOptNode slot (nullptr for None).
inline const Node* child_at(const Node& node, int slot) {
  return node.slot(slot).node;
}

/// The children held in a kList slot.
inline NodeSpan children_at(const Node& node, int slot) {
  const NodeSpan& span = node.slot(slot).list;
  return span.items == nullptr ? NodeSpan{nullptr, 0} : span;
}

/// The name held in a kIdent/kOptIdent slot.
inline std::string_view ident_at(const Node& node, int slot) {
  return node.slot(slot).ident.view();
}

}  // namespace pypyready::python
