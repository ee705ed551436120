#pragma once
// Standard-library modules, functions and keyword arguments by the Python version that added
// them (from the "What's New" documents), for PPY040. Only names whose absence fails at import
// or call time are listed.

#include <span>
#include <string_view>

#include "scan/python_version.h"

namespace pypyready::scan::rules {

/// A module or qualified name ("tomllib", "itertools.pairwise", "builtins.aiter").
struct StdlibAddition {
  std::string_view name;
  PythonVersion version;
};

/// A keyword argument added to an existing callable ("builtins.zip", "strict").
struct KeywordAddition {
  std::string_view callee;
  std::string_view keyword;
  PythonVersion version;
};

/// A method of a builtin type, recognised by its name and argument count on any receiver that is
/// not a module ("removeprefix" with 1 argument: str/bytes, 3.9).
struct MethodAddition {
  std::string_view method;
  std::size_t arguments;
  std::string_view owner;  ///< for messages: "str.removeprefix"
  PythonVersion version;
};

std::span<const StdlibAddition> stdlib_additions();
std::span<const KeywordAddition> keyword_additions();
std::span<const MethodAddition> method_additions();

}  // namespace pypyready::scan::rules
