#pragma once
// Standard-library modules, functions and keyword arguments by the Python version that added
// them (from the "What's New" documents), for PPY040. Only names whose absence fails at import
// or call time are listed.

#include <cstddef>
#include <span>
#include <string_view>

#include "scan/python_version.h"
#include "scan/rules/name_shapes.h"

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

/// The first listed addition named exactly `qualified`, or nullptr. Hash look-ups in an index built
/// once: PPY040 asks for every Name and Attribute of every file.
const StdlibAddition* find_stdlib_addition(std::string_view qualified);
/// Whether some addition's last dotted component is `last` ("pairwise"), so that most names are
/// dismissed before their qualified name is resolved.
bool stdlib_addition_tail_listed(std::string_view last);
/// The inline pre-check of stdlib_addition_tail_listed(): false for nearly every name that is no
/// addition's last component, and never for one that is (PPY040 asks about every Name and
/// Attribute of most files).
inline bool stdlib_addition_tail_may_be_listed(std::string_view last);
/// Whether some addition outside `builtins` has the first dotted component `root` ("itertools"):
/// an import of a module with another root cannot import an addition.
bool stdlib_addition_root_listed(std::string_view root);

/// Inline pre-checks of a call's keyword and method names: false for nearly every name that no
/// keyword_additions() (method_additions()) entry has, and never for one that some entry has.
inline bool keyword_addition_may_be_named(std::string_view keyword);
inline bool method_addition_may_be_named(std::string_view method);

namespace detail {
/// The shapes of the additions' last components, keywords and methods, for the inline pre-checks.
extern const NameShapes kStdlibAdditionTailShapes;
extern const NameShapes kKeywordAdditionShapes;
extern const NameShapes kMethodAdditionShapes;
}  // namespace detail

inline bool stdlib_addition_tail_may_be_listed(std::string_view last) {
  return detail::kStdlibAdditionTailShapes.may_contain(last);
}
inline bool keyword_addition_may_be_named(std::string_view keyword) {
  return detail::kKeywordAdditionShapes.may_contain(keyword);
}
inline bool method_addition_may_be_named(std::string_view method) {
  return detail::kMethodAdditionShapes.may_contain(method);
}

}  // namespace pypyready::scan::rules
