#pragma once
// A Python language version ("3.10"): what a target PyPy implements and what a construct needs.

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace pypyready::scan {

/// A major.minor language version; patch levels never change the language.
struct PythonVersion {
  int major = 3;
  int minor = 0;

  /// Parses "3.10" or "3.10.4" (the patch level is dropped); nullopt for anything else.
  static std::optional<PythonVersion> parse(std::string_view text);
  std::string to_string() const;
  auto operator<=>(const PythonVersion&) const = default;
};

}  // namespace pypyready::scan
