#pragma once
// The C-API check of one shared object: its kind (from symbols and bytes), the C-API names it
// imports, and which of them PyPy's cpyext lacks, each classified as a real gap or as something
// a PyPy build replaces.

#include <filesystem>
#include <string_view>

#include "deps/extension_module.h"
#include "deps/pypy_capi.h"

namespace pypyready::deps {

/// Tells the kind of a shared object from its file bytes and exported symbols.
BinaryKind classify_binary(std::string_view bytes, bool exports_pyinit);

/// Classifies one missing symbol for a module of `kind`.
GapClass classify_gap(std::string_view symbol, BinaryKind kind);

/// Checks the shared object at `site / relative_path` against `capi` and fills an ExtensionModule
/// (kind kLibrary when it exports no PyInit_).
ExtensionModule check_extension(const std::filesystem::path& site, const std::string& relative_path,
                                const PyPyCapi& capi);

/// The ABI tag of an extension file name (`x.cpython-311-x86_64-linux-gnu.so` -> that middle part,
/// `x.abi3.so` -> "abi3", `x.so` -> "").
std::string abi_tag_of(std::string_view file_name);

/// The dotted module name of an extension path (`pkg/sub/_x.cpython-311-x86_64-linux-gnu.so` ->
/// `pkg.sub._x`).
std::string module_name_of(std::string_view relative_path);

}  // namespace pypyready::deps
