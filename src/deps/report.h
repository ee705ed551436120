#pragma once
// The result of `pypyready deps`: one verdict per dependency with the evidence that decided it,
// the per-module C-API check, and a summary. Analyses fill it; renderers only read it.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "deps/extension_module.h"
#include "deps/index_evidence.h"

namespace pypyready::deps {

/// The PyPy verdict of one dependency, worst last.
enum class Verdict { kWorks, kSlower, kUnknown, kReplace, kBlocked };

/// "works", "slower", "unknown", "replace", "blocked".
const char* verdict_name(Verdict verdict);

/// One fact behind a verdict.
struct Evidence {
  std::string source;  ///< metadata, elf, knowledge, index, install, import
  std::string detail;
  std::vector<std::string> missing_symbols;
  bool blocking = false;  ///< the missing symbols stop the package working (not rendered in JSON)
};

/// The result for one dependency.
struct DependencyResult {
  std::string name;
  std::string key;
  std::string version;
  std::vector<std::string> declared_in;  ///< `file:line` of each declaration
  std::string kind = "unknown";          ///< pure, cffi, ctypes, c-api, cython, pyo3, unknown
  Verdict verdict = Verdict::kUnknown;
  std::string alternative;
  std::vector<std::vector<std::string>> pulled_in_by;  ///< paths from a top-level dependency, outermost first
  std::vector<Evidence> evidence;                      ///< the deciding fact first
  std::vector<ExtensionModule> modules;                ///< compiled modules when installed
  bool has_fallback = false;
  std::optional<IndexEvidence> index;  ///< what the package index publishes (absent offline)
};

/// Everything `pypyready deps` found.
struct DepsReport {
  std::string target_interpreter;  ///< e.g. "pypy-3.9"
  std::vector<std::string> target_tags;
  std::string pypy_library;  ///< the C-API library checked against ("" when none)
  std::size_t pypy_exported_symbols = 0;
  std::vector<std::string> sites;
  std::vector<std::string> files_read;
  std::vector<std::string> errors;             ///< declaration problems, each `file:line: message` (exit 2)
  std::vector<std::string> warnings;           ///< unreadable installed metadata (reported, not fatal)
  std::vector<DependencyResult> dependencies;  ///< blockers first, then by name
  std::vector<ExtensionModule> unowned_modules;

  /// How many dependencies got each verdict.
  std::map<Verdict, int> counts() const;
};

}  // namespace pypyready::deps
