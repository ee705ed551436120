#include "scan/parent_map.h"

#include <bit>

#include "python/ast_fields.h"

namespace pypyready::scan {

using python::Node;
using python::NodeKind;

namespace {

bool is_shared_singleton(NodeKind kind) {
  return kind >= NodeKind::kLoad && kind <= NodeKind::kNotIn;
}

// Calls `visit(child)` for every child node of `node`.
template <typename Visit>
void for_each_child(const Node& node, Visit&& visit) {
  const python::NodeInfo& info = python::node_info(node.kind);
  for (int field = 0; field < info.field_count; ++field) {
    switch (info.fields[field].shape) {
      case python::FieldShape::kNode:
      case python::FieldShape::kOptNode:
        if (const Node* child = python::child_at(node, field)) visit(child);
        break;
      case python::FieldShape::kList:
        for (const Node* child : python::children_at(node, field)) {
          if (child != nullptr) visit(child);
        }
        break;
      default:
        break;
    }
  }
}

}  // namespace

// Tables of the files a thread checked before: reusing their memory avoids the page faults of
// fresh large allocations, which cost more than filling the table.
std::vector<ParentMap::Entry>& ParentMap::pooled_table() {
  thread_local std::vector<Entry> table;
  return table;
}

ParentMap::ParentMap(const python::Module& module) {
  // One pass collects the pairs (an explicit stack: any depth is safe), then the table is
  // sized to at most half full and filled.
  thread_local std::vector<Entry> pairs;
  thread_local std::vector<const Node*> stack;
  pairs.clear();
  stack.assign(1, &module);
  while (!stack.empty()) {
    const Node* node = stack.back();
    stack.pop_back();
    for_each_child(*node, [&](const Node* child) {
      if (is_shared_singleton(child->kind)) return;
      pairs.push_back({child, node});
      stack.push_back(child);
    });
  }
  entries_.swap(pooled_table());
  entries_.assign(std::bit_ceil(pairs.size() * 2 + 2), Entry{});
  mask_ = entries_.size() - 1;
  for (const Entry& pair : pairs) {
    std::size_t slot = slot_of(pair.node);
    while (entries_[slot].node != nullptr && entries_[slot].node != pair.node)
      slot = (slot + 1) & mask_;
    if (entries_[slot].node == nullptr) entries_[slot] = pair;  // a node met twice keeps its first parent
  }
}

ParentMap::~ParentMap() {
  if (entries_.capacity() > pooled_table().capacity()) entries_.swap(pooled_table());
}

}  // namespace pypyready::scan
