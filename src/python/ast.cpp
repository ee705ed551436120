#include "python/ast.h"

#include <array>

namespace pypyready::python {
namespace {

constexpr NodeInfo kNodeInfos[] = {
#define PYPYREADY_NODE(enum_name, name, base, positions, in_311, count, ...) \
  NodeInfo{#name, #base, positions, in_311, count, __VA_ARGS__},
#include "python/ast_schema_table.inc"
#undef PYPYREADY_NODE
};
static_assert(std::size(kNodeInfos) == static_cast<std::size_t>(NodeKind::kCount));
static_assert([] {
  for (std::size_t i = 0; i < std::size(kNodeInfos); ++i) {
    if (kNodeInfos[i].field_count != kFieldCounts[i]) return false;
  }
  return true;
}());

// Operators and contexts carry nothing, so one shared instance per kind serves every tree.
std::array<Node, static_cast<std::size_t>(NodeKind::kCount)> make_singletons() {
  std::array<Node, static_cast<std::size_t>(NodeKind::kCount)> nodes{};
  for (std::size_t i = 0; i < nodes.size(); ++i)
    nodes[i].kind = static_cast<NodeKind>(i);
  return nodes;
}
std::array<Node, static_cast<std::size_t>(NodeKind::kCount)> g_singletons = make_singletons();

}  // namespace

const NodeInfo& node_info(NodeKind kind) {
  return kNodeInfos[static_cast<std::size_t>(kind)];
}

Node* singleton_node(NodeKind kind) {
  return &g_singletons[static_cast<std::size_t>(kind)];
}

int field_index(NodeKind kind, std::string_view field) {
  const NodeInfo& info = node_info(kind);
  for (int i = 0; i < info.field_count; ++i) {
    if (field == info.fields[i].name) return i;
  }
  return -1;
}

}  // namespace pypyready::python
