#pragma once
// The bindings of every scope of one module grouped by name, for SemanticModel::lookup, which
// runs for most names of a file. One flat open-addressing table keyed by the name alone: a
// look-up hashes and probes once for the whole chain of enclosing scopes, a name bound
// nowhere (a builtin) is settled by that one probe, and the scopes that bind the name are
// found among its few groups. Three arrays per module rather than containers per scope.

#include <cstdint>
#include <deque>
#include <span>
#include <string_view>
#include <vector>

namespace pypyready::python {

struct Scope;

class BindingIndex {
 public:
  /// The bindings of one name in one scope: a run of indices into that scope's bindings.
  struct Group {
    std::uint32_t scope_ordinal;  ///< Scope::ordinal of the binding scope
    std::uint32_t offset;         ///< first index in the index's run of binding indices
    std::uint32_t count;
  };

  /// Indexes the bindings of all `scopes`; called once their bindings are complete. Scope
  /// ordinals must ascend through `scopes`.
  void build(const std::deque<Scope>& scopes);

  /// Indices into `scope.bindings` of the bindings of `name`, in source order (empty if none).
  std::span<const std::uint32_t> find(const Scope& scope, std::string_view name) const {
    return in_scope(groups_of(name), scope);
  }
  /// The groups of every scope binding `name`, by ascending scope ordinal (empty if none).
  std::span<const Group> groups_of(std::string_view name) const;
  /// The indices of the group of `scope` among a name's `groups` (empty if none).
  std::span<const std::uint32_t> in_scope(std::span<const Group> groups, const Scope& scope) const;

  static std::uint64_t hash_name(std::string_view name);

 private:
  struct Slot {
    const char* name = nullptr;  ///< nullptr: the slot is free
    std::uint32_t size = 0;
    std::uint32_t group_begin = 0;  ///< first of its groups in `groups_`
    /// The name's end words (see the .cpp): they tell names apart without reading the name.
    std::uint64_t head = 0;
    std::uint64_t tail = 0;
    std::uint32_t group_count = 0;
    std::uint32_t binding_count = 0;
  };
  std::size_t slot_of(std::string_view name) const;

  std::vector<Slot> slots_;
  std::vector<Group> groups_;
  std::vector<std::uint32_t> indices_;
  std::size_t mask_ = 0;
};

}  // namespace pypyready::python
