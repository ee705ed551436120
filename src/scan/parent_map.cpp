#include "scan/parent_map.h"

namespace pypyready::scan {

// Tables of the files a thread checked before: reusing their memory avoids the page faults of
// fresh large allocations, which cost more than filling the table.
std::vector<ParentMap::Entry>& ParentMap::pooled_table() {
  thread_local std::vector<Entry> table;
  return table;
}

ParentMap::ParentMap(const python::SemanticModel& model) {
  entries_.swap(pooled_table());
  entries_.assign(1, Entry{});
  for (const python::SemanticModel::Visit& visit : model.walk_order()) {
    if (visit.parent == nullptr) continue;  // the module
    // A number is trusted only when its entry points back at the node, so numbers left by an
    // earlier map of the same tree do no harm; a node met twice keeps its first parent.
    std::uint32_t number = visit.node->number;
    if (number < entries_.size() && entries_[number].node == visit.node) continue;
    visit.node->number = static_cast<std::uint32_t>(entries_.size());
    entries_.push_back({visit.node, visit.parent});
  }
}

ParentMap::~ParentMap() {
  if (entries_.capacity() > pooled_table().capacity()) entries_.swap(pooled_table());
}

}  // namespace pypyready::scan
