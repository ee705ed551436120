#pragma once
// Finding the files of a scan: recursive *.py (*.pyi on request, and the files the file rules
// ask for), honouring .gitignore files (patterns, negation, directory-only and anchored
// patterns, nested files), --exclude patterns, skipping tool and environment folders,
// detecting symlink loops.

#include <cstdint>
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

/// A file size not known (not measured, or not a regular file).
inline constexpr std::uintmax_t kUnknownFileSize = static_cast<std::uintmax_t>(-1);

/// The files found, sorted, and the problems met on the way (each names the path).
struct Discovered {
  std::vector<std::filesystem::path> files;
  /// Per file: its size when discovery measured it (files named as roots), else kUnknownFileSize.
  std::vector<std::uintmax_t> sizes;
  std::vector<std::string> errors;
};

/// Walks `roots` (files are taken as given unless excluded).
Discovered discover_files(const std::vector<std::filesystem::path>& roots, const DiscoveryOptions& options);

/// The indices of `paths` in the order std::filesystem::path sorts them (component by
/// component); equal paths keep their order.
std::vector<std::size_t> path_order(const std::vector<std::filesystem::path>& paths);

/// Whether a glob `pattern` matches `path` ('*' and '?' stop at '/', '**' crosses it).
bool glob_match(std::string_view pattern, std::string_view path);

}  // namespace pypyready::scan
