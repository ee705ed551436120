#pragma once
// Parents of the nodes of one module, for the bounded upward look-ups of rules. An
// open-addressing table keyed by node address: built in one pass, one allocation per file,
// a look-up is a multiply and (almost always) one probe.

#include <cstdint>
#include <vector>

#include "python/ast.h"

namespace pypyready::scan {

class ParentMap {
 public:
  /// Records the parent of every node below `module` (operator and context singletons,
  /// shared between parents, are left out).
  explicit ParentMap(const python::Module& module);
  ParentMap(const ParentMap&) = delete;
  ParentMap& operator=(const ParentMap&) = delete;
  ~ParentMap();

  /// The node's parent; nullptr for the module and for nodes of another tree.
  const python::Node* parent(const python::Node& node) const {
    for (std::size_t slot = slot_of(&node);; slot = (slot + 1) & mask_) {
      const Entry& entry = entries_[slot];
      if (entry.node == &node) return entry.parent;
      if (entry.node == nullptr) return nullptr;
    }
  }

 private:
  struct Entry {
    const python::Node* node = nullptr;
    const python::Node* parent = nullptr;
  };
  // Nodes are 8-aligned arena addresses: drop the zero bits, then Fibonacci hashing.
  std::size_t slot_of(const python::Node* node) const {
    auto key = reinterpret_cast<std::uintptr_t>(node) >> 3;
    return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> 20) & mask_;
  }
  static std::vector<Entry>& pooled_table();

  std::vector<Entry> entries_;
  std::size_t mask_ = 0;
};

}  // namespace pypyready::scan
