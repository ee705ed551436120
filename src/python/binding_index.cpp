#include "python/binding_index.h"

#include <bit>
#include <cstring>

#include "python/semantic_model.h"

namespace pypyready::python {

namespace {

// Fibonacci hashing of the name's hash and the scope's address.
std::size_t mix(const Scope& scope, std::uint64_t name_hash) {
  std::uint64_t key = name_hash ^ (reinterpret_cast<std::uintptr_t>(&scope) >> 3);
  return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> 32);
}

}  // namespace

std::uint64_t BindingIndex::hash_name(std::string_view name) {
  // Names are short identifiers: their length and first and last (up to) eight bytes tell them
  // apart well enough. Loads of a fixed width (overlapping for short names) cost less than a
  // copy of a variable length or a byte loop.
  std::uint64_t head = 0;
  std::uint64_t tail = 0;
  const char* data = name.data();
  const std::size_t size = name.size();
  if (size >= 8) {
    std::memcpy(&head, data, 8);
    std::memcpy(&tail, data + size - 8, 8);
  } else if (size >= 4) {
    std::uint32_t first = 0;
    std::uint32_t last = 0;
    std::memcpy(&first, data, 4);
    std::memcpy(&last, data + size - 4, 4);
    head = first;
    tail = last;
  } else if (size != 0) {
    head = static_cast<unsigned char>(data[0]);
    tail = (static_cast<std::uint64_t>(static_cast<unsigned char>(data[size / 2])) << 8) |
           static_cast<unsigned char>(data[size - 1]);
  }
  return (head * 0x9E3779B97F4A7C15ull) ^ (tail + size);
}

std::size_t BindingIndex::slot_of(const Scope& scope, std::string_view name, std::uint64_t name_hash) const {
  std::size_t slot = mix(scope, name_hash) & mask_;
  // The stored hash settles nearly every mismatch before the names are compared.
  while (slots_[slot].scope != nullptr &&
         (slots_[slot].scope != &scope || slots_[slot].hash != name_hash || slots_[slot].name != name))
    slot = (slot + 1) & mask_;
  return slot;
}

void BindingIndex::build(const std::deque<Scope>& scopes) {
  std::size_t total = 0;
  for (const Scope& scope : scopes)
    total += scope.bindings.size();
  slots_.assign(std::bit_ceil(total * 2 + 2), Slot{});
  mask_ = slots_.size() - 1;
  // Count the bindings of each (scope, name), give each group its run of `indices_`, then fill
  // the runs in binding order so every run lists its bindings in source order.
  for (const Scope& scope : scopes) {
    for (const Binding& binding : scope.bindings) {
      const std::uint64_t name_hash = hash_name(binding.name);
      Slot& slot = slots_[slot_of(scope, binding.name, name_hash)];
      slot.scope = &scope;
      slot.name = binding.name;
      slot.hash = name_hash;
      ++slot.count;
    }
  }
  std::uint32_t offset = 0;
  for (Slot& slot : slots_) {
    slot.offset = offset;
    offset += slot.count;
    slot.count = 0;
  }
  indices_.resize(total);
  for (const Scope& scope : scopes) {
    for (std::uint32_t index = 0; index < scope.bindings.size(); ++index) {
      std::string_view name = scope.bindings[index].name;
      Slot& slot = slots_[slot_of(scope, name, hash_name(name))];
      indices_[slot.offset + slot.count++] = index;
    }
  }
}

std::span<const std::uint32_t> BindingIndex::find(const Scope& scope, std::string_view name,
                                                  std::uint64_t name_hash) const {
  if (slots_.empty()) return {};
  const Slot& slot = slots_[slot_of(scope, name, name_hash)];
  if (slot.scope == nullptr) return {};
  return {indices_.data() + slot.offset, slot.count};
}

}  // namespace pypyready::python
