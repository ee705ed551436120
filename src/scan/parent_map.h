#pragma once
// Parents of the nodes of one module, for the bounded upward look-ups of rules. The semantic
// model's walk already met every node with its parent: one loop over that record numbers the
// nodes (Node::number) and stores each one's parent at its number, so a look-up is two loads
// and a compare (a hash table keyed by address cost a cache miss per node to fill).

#include <cstdint>
#include <vector>

#include "python/ast.h"
#include "python/semantic_model.h"

namespace pypyready::scan {

class ParentMap {
 public:
  /// Records the parent of every node the model walks: every node below its module but the
  /// operator and context singletons, which are shared between parents.
  explicit ParentMap(const python::SemanticModel& model);
  ParentMap(const ParentMap&) = delete;
  ParentMap& operator=(const ParentMap&) = delete;
  ~ParentMap();

  /// The node's parent; nullptr for the module and for nodes of another tree.
  const python::Node* parent(const python::Node& node) const {
    std::uint32_t number = node.number;
    if (number >= entries_.size() || entries_[number].node != &node) return nullptr;
    return entries_[number].parent;
  }

 private:
  struct Entry {
    const python::Node* node = nullptr;
    const python::Node* parent = nullptr;
  };
  static std::vector<Entry>& pooled_table();

  std::vector<Entry> entries_;  ///< by Node::number; entry 0 stays empty (unnumbered nodes)
};

}  // namespace pypyready::scan
