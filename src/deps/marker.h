#pragma once
// PEP 508 environment markers: parsing into a small tree and evaluation for a target
// interpreter, so `platform_python_implementation != "PyPy"` drops a dependency on PyPy.

#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace pypyready::deps {

/// The marker variables of one target interpreter (PEP 508 names as keys).
struct MarkerEnvironment {
  std::map<std::string, std::string, std::less<>> values;

  /// PyPy 7.3 for Python `python_version` ("3.9", "3.10", "3.11") on Linux x86-64.
  static MarkerEnvironment pypy(std::string_view python_version);
  /// CPython `python_version` on Linux x86-64 (the usual baseline).
  static MarkerEnvironment cpython(std::string_view python_version);
};

/// A parsed marker expression.
class Marker {
 public:
  struct Node;

  /// Parses a marker; the error gives the character position and what was expected.
  static core::Result<Marker> parse(std::string_view text);
  /// Evaluates for `env`; `extra == "x"` holds when x is among `extras` (normalised names).
  bool evaluate(const MarkerEnvironment& env, const std::set<std::string>& extras = {}) const;
  /// True when the expression mentions the `extra` variable.
  bool mentions_extra() const;
  /// The extras named in `extra == "..."` comparisons (normalised).
  std::vector<std::string> extras_named() const;
  const std::string& text() const { return text_; }

 private:
  std::shared_ptr<const Node> root_;
  std::string text_;
};

}  // namespace pypyready::deps
