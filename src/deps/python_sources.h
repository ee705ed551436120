#pragma once
// Reading a distribution's Python sources for what its binaries do not show: cffi and ctypes use,
// and whether each extension module's import is guarded by a pure-Python fallback.

#include <string>
#include <string_view>
#include <vector>

namespace pypyready::deps {

/// True when `text` loads a library through ctypes (CDLL, cdll/LoadLibrary, find_library).
bool uses_ctypes_loading(std::string_view text);
/// True when `text` imports cffi (`import cffi`, `from cffi import`).
bool imports_cffi(std::string_view text);

/// One import statement: the identifiers on its first line and whether a `try:` guards it.
struct ImportLine {
  std::vector<std::string> words;
  bool guarded = false;
};

/// Every import statement of `text` (one pass; callers index the words).
std::vector<ImportLine> import_lines(std::string_view text);

/// True when some import of module `name` in `text` sits in a `try:` block whose handler catches
/// ImportError (or a broader exception), i.e. the code runs on without that module.
bool import_is_guarded(std::string_view text, std::string_view name);
/// True when some import of module `name` in `text` is not guarded that way.
bool import_is_unguarded(std::string_view text, std::string_view name);

}  // namespace pypyready::deps
