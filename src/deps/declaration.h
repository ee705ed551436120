#pragma once
// What a project declares: one entry per requirement found in a requirements file, pyproject.toml,
// setup.cfg, Pipfile or a lock file, with where it was found, plus the errors met while reading.

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "deps/requirement.h"

namespace pypyready::deps {

/// One declared dependency and where it came from.
struct Declared {
  std::string key;                         ///< PEP 503 name; empty for an unnamed path or URL
  std::optional<Requirement> requirement;  ///< parsed form when the entry has one
  std::string raw;                         ///< the text as declared (after joining continuations)
  std::string file;                        ///< path as given to the reader
  int line = 0;                            ///< 1-based; 0 when unknown
  std::string group;                       ///< "" (runtime), "build", "dev", "extra:x", "group:x"
  bool editable = false;
  bool constraint = false;  ///< from a constraints file: pins only, never installs
  std::vector<std::string> hashes;
  std::string locked_version;          ///< pinned version from a lock file
  std::vector<std::string> artifacts;  ///< wheel/sdist file names listed by a lock file
};

/// Everything read from a set of declaration files.
struct Declarations {
  std::vector<Declared> items;
  std::vector<core::Error> errors;   ///< each message starts with `file:line:`
  std::vector<std::string> files;    ///< every file read, includes too
  std::vector<std::string> options;  ///< pip options seen (`--index-url ...`, `--no-index`)

  void add_error(const std::string& file, int line, const std::string& message);
  void append(Declarations other);
};

/// Makes a Declared from a PEP 508 string; a parse failure is recorded in `out.errors`.
void add_pep508(Declarations& out, const std::string& text, const std::string& file, int line,
                const std::string& group);

}  // namespace pypyready::deps
