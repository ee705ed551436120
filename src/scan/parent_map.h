#pragma once
// Parents of the nodes of one module, for the bounded upward look-ups of rules. The semantic
// model's walk already met every node with its parent and numbered it (Node::number) by its
// place in that walk: a look-up reads the parent from the walk's record, two loads and a
// compare, with no table of its own to fill.

#include "python/ast.h"
#include "python/semantic_model.h"

namespace pypyready::scan {

class ParentMap {
 public:
  /// The parents of every node the model walks: every node below its module but the operator
  /// and context singletons, which are shared between parents.
  explicit ParentMap(const python::SemanticModel& model) : model_(model) {}
  ParentMap(const ParentMap&) = delete;
  ParentMap& operator=(const ParentMap&) = delete;

  /// The node's parent; nullptr for the module and for nodes of another tree.
  const python::Node* parent(const python::Node& node) const { return model_.parent_of(node); }

 private:
  const python::SemanticModel& model_;
};

}  // namespace pypyready::scan
