#pragma once
// One compiled module found in an installed environment, what built it, and what it needs from
// the C API.

#include <string>
#include <vector>

namespace pypyready::deps {

/// What produced a shared object, told from its symbols and bytes.
enum class BinaryKind {
  kPlainC,  ///< hand-written C/C++ against Python.h
  kCython,
  kPybind11,
  kPyO3,  ///< Rust through PyO3
  kCffi,  ///< a cffi-generated module (or cffi's own backend)
  kF2py,  ///< Fortran wrapped by numpy.f2py
  kSwig,
  kHpy,
  kLibrary,  ///< a bundled shared library with no PyInit_ (loaded with ctypes or cffi ABI mode)
};

/// The lower-case name of a kind ("cython", "plain-c", ...).
const char* binary_kind_name(BinaryKind kind);

/// Why a C-API symbol missing from PyPy matters or not.
enum class GapClass {
  kPublicApi,        ///< a public Py* function or object PyPy lacks: a rebuild still fails (blocker)
  kCpythonInternal,  ///< a private _Py* name used by hand-written C: a rebuild fails (blocker)
  kHeaderArtifact,   ///< emitted by CPython 3.11's headers for a public macro; PyPy's headers replace it
  kGeneratorPath,    ///< emitted by Cython/pybind11 on their CPython-only paths; a PyPy build takes others
};

/// The name of a gap class ("public-api", "cpython-internal", "header-artifact", "generator-path").
const char* gap_class_name(GapClass gap);

/// One C-API symbol the module needs and PyPy does not provide.
struct MissingSymbol {
  std::string name;
  GapClass gap = GapClass::kPublicApi;
};

/// A compiled module and the result of checking it against PyPy's C API.
struct ExtensionModule {
  std::string path;     ///< relative to its site folder
  std::string module;   ///< dotted import name
  std::string abi_tag;  ///< "cpython-311-x86_64-linux-gnu", "abi3", "pypy39-pp73-x86_64-linux-gnu", ""
  BinaryKind kind = BinaryKind::kPlainC;
  bool built_for_pypy = false;         ///< imports PyPy* symbols: already a PyPy build
  bool has_fallback = false;           ///< its import is guarded and a pure-Python path exists
  std::size_t capi_symbols = 0;        ///< distinct C-API names it imports
  std::vector<MissingSymbol> missing;  ///< sorted by name
  std::string error;                   ///< why it could not be read, if it could not

  /// True when some missing symbol would still be missing after a rebuild for PyPy.
  bool blocks() const;
};

}  // namespace pypyready::deps
