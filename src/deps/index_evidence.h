#pragma once
// What a package index says about one dependency for the target PyPy: the best artefact of the
// chosen release, CPython-only wheels, and whether PyPy wheels are still published.

#include <string>
#include <vector>

#include "deps/index_page.h"

namespace pypyready::deps {

/// The question asked of one project page.
struct IndexQuery {
  std::string key;             ///< PEP 503 name
  std::string pinned;          ///< exact version from a lock/requirements pin ("" when none)
  std::string specifier;       ///< the declared specifier set when not pinned
  std::string python_version;  ///< target PyPy's Python level, "3.9"
  std::vector<std::string> supported_tags;
  int trend_releases = 5;  ///< how many of the newest releases the PyPy-wheel trend looks at
};

/// The answer; `error` set instead when the page could not be read.
struct IndexEvidence {
  std::string key;
  std::string version;        ///< release judged ("" when none qualifies)
  std::string best = "none";  ///< pypy-wheel, pure-wheel, sdist, none
  std::string best_file;
  bool cpython_wheels = false;     ///< the release ships cp3xx/abi3 wheels PyPy cannot use
  std::string trend = "n/a";       ///< published, discontinued, never, n/a (pure or sdist only)
  std::string discontinued_since;  ///< first release without PyPy wheels after one with them
  std::vector<std::string> notes;  ///< yanked files skipped, Requires-Python exclusions
  std::string error;               ///< unreadable page: URL and what was expected
  std::string source;              ///< the page's URL

  /// One sentence for the report.
  std::string summary() const;
};

/// Judges the files of one project page.
IndexEvidence evaluate_index_files(const IndexQuery& query, const std::vector<IndexFile>& files);

}  // namespace pypyready::deps
