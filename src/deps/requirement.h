#pragma once
// PEP 508 dependency specifications: `name[extras] (specifiers | @ url) ; marker`.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "deps/marker.h"
#include "deps/specifier.h"

namespace pypyready::deps {

/// One parsed requirement.
struct Requirement {
  std::string name;                 ///< as written
  std::string key;                  ///< PEP 503 normalised name
  std::vector<std::string> extras;  ///< normalised
  SpecifierSet specifiers;
  std::string url;  ///< direct reference after `@`, empty otherwise
  std::optional<Marker> marker;

  /// Parses one requirement; the error names the character position and what was expected.
  static core::Result<Requirement> parse(std::string_view text);
  /// True when the requirement applies to `env` given the requested `extras`.
  bool applies(const MarkerEnvironment& env, const std::set<std::string>& requested = {}) const;
  /// The canonical spelling (`name[a,b]>=1; marker`).
  std::string to_string() const;
};

}  // namespace pypyready::deps
