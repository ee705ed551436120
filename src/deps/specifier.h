#pragma once
// PEP 440 version specifiers (`>=1.2, !=1.3.*, ~=2.0`) and whether a version satisfies them.

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "deps/version.h"

namespace pypyready::deps {

/// One clause such as `>=1.2` or `==1.4.*`.
struct Specifier {
  std::string op;         ///< one of == != <= >= < > ~= ===
  std::string version;    ///< the text after the operator, `.*` included
  Version parsed;         ///< the version without `.*` (unused for ===)
  bool wildcard = false;  ///< `==1.4.*` / `!=1.4.*`

  /// Parses one clause; the error says what was expected.
  static core::Result<Specifier> parse(std::string_view text);
  /// True when `candidate` satisfies this clause (pre-release policy is the set's job).
  bool contains(const Version& candidate) const;
  std::string to_string() const { return op + version; }
};

/// A comma-separated list of clauses, all of which must hold.
struct SpecifierSet {
  std::vector<Specifier> clauses;

  /// Parses `>=1,<2` (an empty string is the set that accepts everything).
  static core::Result<SpecifierSet> parse(std::string_view text);
  /// True when every clause holds; pre-releases only match when `prereleases` is set or a
  /// clause names a pre-release itself.
  bool contains(const Version& candidate, bool prereleases = false) const;
  bool empty() const { return clauses.empty(); }
  std::string to_string() const;
};

}  // namespace pypyready::deps
