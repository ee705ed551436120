#include "python/binding_index.h"

#include <algorithm>
#include <bit>
#include <cstring>

#include "python/semantic_model.h"

namespace pypyready::python {

namespace {

// Words of up to eight bytes from both ends of a name, overlapping for short names: together
// they hold every byte of a name of at most sixteen (bytes 0, size/2 and size-1 below four),
// which is nearly every identifier. Equal sizes and end words then mean equal names, with no
// call of memcmp. Always inlined: it runs for every look-up, and called it cost more than it does.
struct Ends {
  std::uint64_t head = 0;
  std::uint64_t tail = 0;
};

[[gnu::always_inline]] inline Ends ends_of(const char* data, std::size_t size) {
  Ends ends;
  if (size >= 8) {
    std::memcpy(&ends.head, data, 8);
    std::memcpy(&ends.tail, data + size - 8, 8);
  } else if (size >= 4) {
    std::uint32_t first = 0;
    std::uint32_t last = 0;
    std::memcpy(&first, data, 4);
    std::memcpy(&last, data + size - 4, 4);
    ends.head = first;
    ends.tail = last;
  } else if (size != 0) {
    ends.head = static_cast<unsigned char>(data[0]);
    ends.tail = (static_cast<std::uint64_t>(static_cast<unsigned char>(data[size / 2])) << 8) |
                static_cast<unsigned char>(data[size - 1]);
  }
  return ends;
}

[[gnu::always_inline]] inline std::uint64_t hash_ends(const Ends& ends, std::size_t size) {
  return (ends.head * 0x9E3779B97F4A7C15ull) ^ (ends.tail + size);
}

// The slot of `name` in an open-addressing table of BindingIndex::Slot (the free slot where it
// would go when absent). A template only so that it can name the private slot type by
// deduction; always inlined into the look-up, which runs for most names of a file.
template <typename Slots>
[[gnu::always_inline]] inline std::size_t probe(const Slots& slots, std::size_t mask, std::string_view name) {
  const Ends ends = ends_of(name.data(), name.size());
  std::size_t slot =
      static_cast<std::size_t>((hash_ends(ends, name.size()) * 0x9E3779B97F4A7C15ull) >> 32) & mask;
  for (;; slot = (slot + 1) & mask) {
    const auto& candidate = slots[slot];
    if (candidate.name == nullptr) return slot;
    if (candidate.head != ends.head || candidate.tail != ends.tail || candidate.size != name.size()) continue;
    if (name.size() <= 16 || std::memcmp(candidate.name, name.data(), name.size()) == 0) return slot;
  }
}

}  // namespace

std::uint64_t BindingIndex::hash_name(std::string_view name) {
  return hash_ends(ends_of(name.data(), name.size()), name.size());
}

std::size_t BindingIndex::slot_of(std::string_view name) const {
  return probe(slots_, mask_, name);
}

void BindingIndex::build(const std::deque<Scope>& scopes) {
  std::size_t total = 0;
  for (const Scope& scope : scopes)
    total += scope.bindings.size();
  slots_.assign(std::bit_ceil(total * 2 + 2), Slot{});
  mask_ = slots_.size() - 1;
  // The slot of each binding, in scope order then binding order: found once, used twice.
  std::vector<std::uint32_t> slot_by_binding;
  slot_by_binding.reserve(total);
  // Scopes come in ordinal order, so a name's bindings in one scope are met together: a group
  // starts whenever the scope changes. `group_begin` holds the last scope seen until the runs
  // are laid out.
  constexpr std::uint32_t kNoScope = UINT32_MAX;
  for (const Scope& scope : scopes) {
    for (const Binding& binding : scope.bindings) {
      const std::size_t index = slot_of(binding.name);
      Slot& slot = slots_[index];
      if (slot.name == nullptr) {
        const Ends ends = ends_of(binding.name.data(), binding.name.size());
        slot.name = binding.name.data() != nullptr ? binding.name.data() : "";
        slot.size = static_cast<std::uint32_t>(binding.name.size());
        slot.head = ends.head;
        slot.tail = ends.tail;
        slot.group_begin = kNoScope;
      }
      if (slot.group_begin != scope.ordinal) {
        slot.group_begin = scope.ordinal;
        ++slot.group_count;
      }
      ++slot.binding_count;
      slot_by_binding.push_back(static_cast<std::uint32_t>(index));
    }
  }
  // Each name gets a run of groups and a run of indices; `group_count` and `binding_count`
  // count again as the runs fill, and `first_index` keeps each name's first index meanwhile.
  std::uint32_t groups = 0;
  std::uint32_t indices = 0;
  std::vector<std::uint32_t> first_index(slots_.size());
  for (std::size_t index = 0; index < slots_.size(); ++index) {
    Slot& slot = slots_[index];
    slot.group_begin = groups;
    first_index[index] = indices;
    groups += slot.group_count;
    indices += slot.binding_count;
    slot.group_count = 0;
    slot.binding_count = 0;
  }
  groups_.resize(groups);
  indices_.resize(total);
  std::size_t next = 0;
  for (const Scope& scope : scopes) {
    for (std::uint32_t binding = 0; binding < scope.bindings.size(); ++binding) {
      const std::uint32_t index = slot_by_binding[next++];
      Slot& slot = slots_[index];
      const std::uint32_t at = first_index[index] + slot.binding_count++;
      Group* last = slot.group_count == 0 ? nullptr : &groups_[slot.group_begin + slot.group_count - 1];
      if (last == nullptr || last->scope_ordinal != scope.ordinal) {
        last = &groups_[slot.group_begin + slot.group_count++];
        *last = Group{scope.ordinal, at, 0};
      }
      ++last->count;
      indices_[at] = binding;
    }
  }
}

std::span<const BindingIndex::Group> BindingIndex::groups_of(std::string_view name) const {
  if (slots_.empty()) return {};
  const Slot& slot = slots_[probe(slots_, mask_, name)];
  if (slot.name == nullptr) return {};
  return {groups_.data() + slot.group_begin, slot.group_count};
}

std::span<const std::uint32_t> BindingIndex::in_scope(std::span<const Group> groups,
                                                      const Scope& scope) const {
  const std::uint32_t ordinal = scope.ordinal;
  // Most names are bound in a scope or two; `self` or `i` in a long file in hundreds.
  const Group* found = nullptr;
  if (groups.size() <= 8) {
    for (const Group& group : groups) {
      if (group.scope_ordinal == ordinal) {
        found = &group;
        break;
      }
    }
  } else {
    auto at =
        std::lower_bound(groups.begin(), groups.end(), ordinal,
                         [](const Group& group, std::uint32_t value) { return group.scope_ordinal < value; });
    if (at != groups.end() && at->scope_ordinal == ordinal) found = &*at;
  }
  if (found == nullptr) return {};
  return {indices_.data() + found->offset, found->count};
}

}  // namespace pypyready::python
