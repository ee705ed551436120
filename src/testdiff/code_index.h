#pragma once
// The project's Python code as far as failures need it: every file's functions and classes with
// their line ranges, and the scan findings in them, from one in-process scan.

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "scan/finding.h"

namespace pypyready::testdiff {

/// A `def` or `class` and the lines it spans.
struct Definition {
  std::string qualified_name;  ///< "Report.__del__"
  std::string name;            ///< "__del__"
  bool is_class = false;
  int first_line = 0;
  int last_line = 0;
  std::set<std::string> referenced_names;  ///< Name ids and attribute names used in its body
};

/// One file: where its definitions are and what the scan found in it.
struct IndexedFile {
  std::vector<Definition> definitions;  ///< outer before inner
  std::vector<scan::Finding> findings;
  /// The innermost definition containing `line` (classes only when `classes` is set), or null.
  const Definition* enclosing(int line, bool classes = false) const;
};

/// Files by path relative to the project root.
struct CodeIndex {
  std::map<std::string, IndexedFile> files;
  std::vector<std::string> problems;  ///< files that could not be read or parsed
};

/// Scans every Python file under `root` (discovery rules of `pypyready scan`: .gitignore,
/// virtual environments skipped) with all rules, and records definitions.
CodeIndex build_code_index(const std::filesystem::path& root);

/// Definitions of one file's source text (exposed for tests).
std::vector<Definition> definitions_of(std::string_view source);

}  // namespace pypyready::testdiff
