#pragma once
// Generic traversal of syntax trees. Trees can be 100k levels deep (`1+1+...+1`), so the walk
// keeps its own stack instead of recursing.

#include <cstdint>
#include <utility>
#include <vector>

#include "python/ast.h"

namespace pypyready::python {

namespace detail {
template <bool kReversed, typename Visit>
void visit_children(const Node& node, Visit&& visit) {
  const NodeInfo& info = node_info(node.kind);
  for (int step = 0; step < info.field_count; ++step) {
    int i = kReversed ? info.field_count - 1 - step : step;
    const Slot& slot = node.slot(i);
    switch (info.fields[i].shape) {
      case FieldShape::kNode:
      case FieldShape::kOptNode:
        if (slot.node != nullptr) visit(*slot.node);
        break;
      case FieldShape::kList:
        for (std::uint32_t k = 0; k < slot.list.size; ++k) {
          const Node* child = slot.list.items[kReversed ? slot.list.size - 1 - k : k];
          if (child != nullptr) visit(*child);
        }
        break;
      default:
        break;
    }
  }
}
}  // namespace detail

/// Calls `visit(child)` for each direct child node of `node`, in field order (None entries,
/// such as Dict keys of `**` items, are skipped; operator and context singletons included).
template <typename Visit>
void for_each_child(const Node& node, Visit&& visit) {
  detail::visit_children<false>(node, std::forward<Visit>(visit));
}

/// The same in reverse field order, for explicit stacks that pop children in source order.
template <typename Visit>
void for_each_child_reversed(const Node& node, Visit&& visit) {
  detail::visit_children<true>(node, std::forward<Visit>(visit));
}

/// Visits `root` and all its descendants in source order (pre-order, children left to
/// right). `visit(node)` returns false to skip that node's children.
template <typename Visit>
void walk_preorder(const Node& root, Visit&& visit) {
  std::vector<const Node*> stack{&root};
  while (!stack.empty()) {
    const Node* node = stack.back();
    stack.pop_back();
    if (!visit(*node)) continue;
    for_each_child_reversed(*node, [&stack](const Node& child) { stack.push_back(&child); });
  }
}

}  // namespace pypyready::python
