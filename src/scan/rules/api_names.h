#pragma once

#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <vector>

#include "scan/rules/name_shapes.h"

namespace pypyready::scan::rules {

/// A rule's list of qualified API names ("sys.getrefcount"; an entry ending in '*' matches every
/// name it prefixes), indexed once: api_use() asks about every Name and Attribute of every file,
/// for about ten rules, so most words are rejected by their length and end bytes alone.
/// The entries must outlive the set (string literals).
class ApiNames {
 public:
  ApiNames(std::initializer_list<std::string_view> names);

  /// Whether `qualified` is an entry, or starts with a wildcard entry's prefix.
  bool contains(std::string_view qualified) const;
  /// The cheap pre-check before any name resolution: whether some entry's last dotted component
  /// could be `last` (an attribute name, or the string of `getattr(mod, "name")`). A dotted
  /// `last` can only match a wildcard entry.
  bool may_end_with(std::string_view last) const { return last_.may_end_with(last); }
  /// The same pre-check against the entries of every ApiNames built so far (the rules' lists
  /// are namespace-scope constants, built before any scan): api_use() asks it once per node
  /// instead of each rule asking its own list.
  static bool any_may_end_with(std::string_view last);

 private:
  // Words with a quick rejection (by length and end bytes, see NameShapes) and, past it, an
  // open-addressing table: the union of every list's last components has a few hundred words,
  // too many to compare one by one for every attribute of every file.
  class Words {
   public:
    void add(std::string_view word);
    bool contains(std::string_view word) const;

   private:
    static std::size_t hash(std::string_view word);
    NameShapes shapes_;
    std::vector<std::string_view> words_;
    std::vector<std::string_view> table_;  // size a power of two, at most half full; empty = free
  };

  // Last dotted components of the entries, for may_end_with().
  class LastComponents {
   public:
    void add(std::string_view name);
    bool may_end_with(std::string_view last) const;

   private:
    Words exact_;
    std::vector<std::string_view> wildcard_prefixes_;  // "_" for "sys._*"
  };
  static LastComponents& every_last_component();

  Words exact_;
  LastComponents last_;
  std::vector<std::string_view> wildcard_prefixes_;  // "sys._" for "sys._*"
};

}  // namespace pypyready::scan::rules
