#pragma once
// The bindings of every scope of one module grouped by name, for SemanticModel::lookup, which
// runs for most names of a file. One flat open-addressing table and one array of binding
// indices per module, instead of a hash map of vectors per scope: two allocations per file
// rather than several per binding.

#include <cstdint>
#include <deque>
#include <span>
#include <string_view>
#include <vector>

namespace pypyready::python {

struct Scope;

class BindingIndex {
 public:
  /// Indexes the bindings of all `scopes`; called once their bindings are complete.
  void build(const std::deque<Scope>& scopes);

  /// Indices into `scope.bindings` of the bindings of `name`, in source order (empty if none).
  std::span<const std::uint32_t> find(const Scope& scope, std::string_view name) const {
    return find(scope, name, hash_name(name));
  }
  /// The same with the name's hash_name() computed once for a look-up through several scopes.
  std::span<const std::uint32_t> find(const Scope& scope, std::string_view name,
                                      std::uint64_t name_hash) const;
  static std::uint64_t hash_name(std::string_view name);

 private:
  struct Slot {
    const Scope* scope = nullptr;
    std::string_view name;
    std::uint64_t hash = 0;    ///< hash_name(name)
    std::uint32_t offset = 0;  ///< first index in `indices_`
    std::uint32_t count = 0;
  };
  std::size_t slot_of(const Scope& scope, std::string_view name, std::uint64_t name_hash) const;

  std::vector<Slot> slots_;
  std::vector<std::uint32_t> indices_;
  std::size_t mask_ = 0;
};

}  // namespace pypyready::python
