#pragma once
// Finding the files of a scan: recursive *.py (*.pyi on request, and the files the file rules
// ask for), honouring .gitignore files (patterns, negation, directory-only and anchored
// patterns, nested files), --exclude patterns, skipping tool and environment folders,
// detecting symlink loops.

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace pypyready::scan {

/// How to look for files.
struct DiscoveryOptions {
  bool include_pyi = false;
  bool respect_gitignore = true;
  std::vector<std::string> exclude;  ///< glob patterns on the relative path or the file name
  /// Other files to find by name (C sources, binaries, pyproject.toml) for the file rules.
  std::function<bool(std::string_view file_name)> also_wanted;
};

/// The files found, sorted, and the problems met on the way (each names the path).
struct Discovered {
  std::vector<std::filesystem::path> files;
  std::vector<std::string> errors;
};

/// Walks `roots` (files are taken as given unless excluded).
Discovered discover_files(const std::vector<std::filesystem::path>& roots, const DiscoveryOptions& options);

/// Sorts paths as std::filesystem::path orders them (component by component).
void sort_paths(std::vector<std::filesystem::path>& paths);

/// Whether a glob `pattern` matches `path` ('*' and '?' stop at '/', '**' crosses it).
bool glob_match(std::string_view pattern, std::string_view path);

}  // namespace pypyready::scan
