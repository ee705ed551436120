#pragma once
// What the selected PyPy's C-API emulation (cpyext) provides: the symbols exported by its
// libpypyX.Y-c.so (PyPy prefixes them: PyPyList_New provides PyList_New) plus the names its headers
// define as macros or static inline functions, which a build against PyPy's headers resolves at
// compile time.

#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "core/result.h"

namespace pypyready::deps {

/// Where a PyPy installation keeps its C-API library and headers.
struct PyPyInstallation {
  std::filesystem::path interpreter;  ///< resolved executable, may be empty when given a library
  std::filesystem::path library;      ///< libpypy3.9-c.so or similar
  std::filesystem::path include_dir;  ///< folder with Python.h and pypy_decl.h (may be empty)
  std::string python_version;         ///< "3.9"
};

/// Finds the C-API library and headers of the PyPy at `interpreter` (a path or a name on PATH)
/// without running it.
core::Result<PyPyInstallation> locate_pypy(const std::string& interpreter);

/// The C-API names one PyPy provides.
struct PyPyCapi {
  PyPyInstallation installation;
  std::unordered_set<std::string> exported;      ///< symbols the library defines, as spelled there
  std::unordered_set<std::string> linkable;      ///< CPython spellings of exported symbols
  std::unordered_set<std::string> compile_time;  ///< macros and static inline functions of the headers
  std::unordered_map<std::string, std::string>
      renamed_to_missing;            ///< `#define X PyPyY` with PyPyY not exported
  std::size_t exported_symbols = 0;  ///< dynamic symbols the library defines

  /// True when a library was read (without one no symbol can be judged missing).
  bool loaded() const { return !linkable.empty(); }
  /// True when a module rebuilt against PyPy's headers can use `name`.
  bool provides(std::string_view name) const;
};

/// Reads the library's exports and scans the headers.
core::Result<PyPyCapi> load_pypy_capi(const PyPyInstallation& installation);

/// The CPython spelling of a PyPy export (`PyPyList_New` -> `PyList_New`, `_PyPy_NoneStruct` ->
/// `_Py_NoneStruct`); other names are returned unchanged.
std::string cpython_spelling(std::string_view pypy_name);

}  // namespace pypyready::deps
