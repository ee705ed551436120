#pragma once
// The installed environment: every distribution of a site folder (*.dist-info, *.egg-info), its
// metadata, files, wheel tags and import names, and the extension modules it ships, each checked
// against PyPy's C API.

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/result.h"
#include "deps/extension_module.h"
#include "deps/pypy_capi.h"
#include "deps/requirement.h"

namespace pypyready::deps {

/// One installed distribution.
struct Distribution {
  std::string name;  ///< as in its metadata
  std::string key;   ///< PEP 503 name
  std::string version;
  std::string requires_python;
  std::string metadata_dir;                ///< relative to the site folder
  std::string site;                        ///< the site folder it was found in
  std::vector<Requirement> requires_dist;  ///< Requires-Dist / requires.txt
  std::vector<std::string> classifiers;
  std::vector<std::string> wheel_tags;
  bool root_is_purelib = true;
  std::vector<std::string> top_level;       ///< import names
  std::vector<std::string> files;           ///< relative to the site folder
  std::vector<ExtensionModule> extensions;  ///< compiled modules and bundled libraries
  bool uses_cffi = false;                   ///< Python sources import cffi
  bool uses_ctypes = false;                 ///< Python sources load libraries with ctypes
  std::vector<std::string> problems;        ///< unreadable metadata lines, each `file:line: message`
};

/// All distributions of the scanned site folders.
struct InstalledEnvironment {
  std::vector<std::string> sites;
  std::vector<Distribution> distributions;  ///< sorted by key
  std::vector<ExtensionModule> unowned;     ///< compiled modules no distribution lists
};

/// How much work a scan does.
struct ScanOptions {
  unsigned threads = 2;
  /// Distributions (by PEP 503 key) whose pure-Python sources need not be read for cffi/ctypes
  /// use, because their kind is already known (the knowledge base); empty = read all.
  std::function<bool(const std::string&)> kind_known;
};

/// Scans `sites` (site-packages or dist-packages folders). Extension modules are checked against
/// `capi`.
core::Result<InstalledEnvironment> scan_installed(const std::vector<std::filesystem::path>& sites,
                                                  const PyPyCapi& capi, const ScanOptions& options = {});

/// The distribution whose PEP 503 key is `key`, or nullptr.
const Distribution* find_distribution(const InstalledEnvironment& env, const std::string& key);

}  // namespace pypyready::deps
