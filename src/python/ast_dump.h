#pragma once
// Text form of a syntax tree, identical to CPython's ast.dump(tree, include_attributes=True).

#include <string>

#include "python/ast.h"

namespace pypyready::python {

/// Which CPython's ast.dump layout to reproduce, and what to print.
struct DumpOptions {
  /// {3, 11}: 3.11's fields, None-valued optional fields omitted, [] printed.
  /// {3, 12}: 3.11's layout plus the fields new in 3.12 (type_params).
  /// {3, 13}: 3.13's fields (type_params ...), None and [] omitted except in Constant and
  /// MatchSingleton.
  int major = 3;
  int minor = 11;
  bool include_attributes = true;
  /// Print 0 for the positions of every node strictly inside a JoinedStr (CPython 3.11's own
  /// positions there are irregular, so the conformance test compares without them).
  bool mask_fstring_positions = false;
};

/// The dump of `root` (usually a Module). Iterative: any tree depth is fine.
std::string dump_ast(const Node& root, const DumpOptions& options);

}  // namespace pypyready::python
