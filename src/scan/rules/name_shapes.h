#pragma once
// A compile-time filter over a short list of identifiers: rules compare the name of nearly every
// Name, Attribute or callee of a file with such a list, and nearly every name differs from all
// of the list's entries in its length, first byte or last byte, which three loads tell.

#include <array>
#include <cstdint>
#include <span>
#include <string_view>

namespace pypyready::scan::rules {

/// The lengths, first bytes and last bytes of a list of names. may_contain() is false for every
/// name that is not in the list except a few that share a length and both end bytes with
/// entries; the caller compares the names that pass with the list itself.
class NameShapes {
 public:
  constexpr NameShapes() = default;
  constexpr explicit NameShapes(std::span<const std::string_view> names) {
    for (std::string_view name : names)
      add(name);
  }

  /// Adds a name to those may_contain() keeps.
  constexpr void add(std::string_view name) {
    if (name.empty()) {
      has_empty_ = true;
      return;
    }
    firsts_[name.size() & 63U] |= bit(name.front());
    lasts_[name.size() & 63U] |= bit(name.back());
  }

  /// False only when `name` is none of the names the filter was built from.
  constexpr bool may_contain(std::string_view name) const {
    if (name.empty()) return has_empty_;
    return (firsts_[name.size() & 63U] & bit(name.front())) != 0 &&
           (lasts_[name.size() & 63U] & bit(name.back())) != 0;
  }

 private:
  static constexpr std::uint64_t bit(char byte) {
    return std::uint64_t{1} << (static_cast<unsigned char>(byte) & 63U);
  }
  // Indexed by length (modulo 64): a bit per first (last) byte, modulo 64, of the names.
  std::array<std::uint64_t, 64> firsts_{};
  std::array<std::uint64_t, 64> lasts_{};
  bool has_empty_ = false;
};

}  // namespace pypyready::scan::rules
