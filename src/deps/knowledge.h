#pragma once
// The knowledge base of data/packages.toml: what is known about widely used packages on PyPy,
// each fact with its sources.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace pypyready::deps {

/// What the knowledge base says about one distribution.
struct KnowledgeEntry {
  std::string name;    ///< PEP 503 name
  std::string kind;    ///< pure, cffi, ctypes, c-api, cython, pybind11, pyo3, builtin
  std::string status;  ///< works, slower, replace, partial, withdrawn, broken, unknown
  bool fallback = false;
  std::string alternative;
  std::string note;
  std::vector<std::string> sources;
  int line = 0;  ///< where the entry starts in the file
};

/// All entries, by PEP 503 name.
struct KnowledgeBase {
  std::map<std::string, KnowledgeEntry, std::less<>> entries;

  /// The entry for a normalised name, or nullptr.
  const KnowledgeEntry* find(std::string_view key) const;
};

/// Parses knowledge-base TOML; every malformed entry is an error naming `file:line`.
core::Result<KnowledgeBase> parse_knowledge(std::string_view text, const std::string& file);

/// The knowledge base embedded in the binary (parsed once, on first use).
const KnowledgeBase& embedded_knowledge();

}  // namespace pypyready::deps
