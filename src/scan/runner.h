#pragma once
// Scanning many files in parallel: a pool of threads with large stacks (deeply nested
// expressions recurse in the parser), results collected in path order.

#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "scan/checker.h"
#include "scan/fixer.h"

namespace pypyready::scan {

/// Codes ignored for files matching a glob (per-file-ignores).
struct PerFileIgnore {
  std::string pattern;
  std::vector<std::string> codes;
};

/// How to run a scan over files.
struct RunOptions {
  unsigned threads = 0;  ///< 0: one per core
  std::vector<PerFileIgnore> per_file_ignores;
  std::filesystem::path root;   ///< per-file-ignores patterns are relative to this folder
  FixMode fix = FixMode::kOff;  ///< kApply rewrites fixed files; kDiff only fills FileResult::diff
};

/// Reads and checks every file; the results are in the order of `files`. `known_sizes` (by
/// index, kUnknownFileSize or missing where not known) spares the stat of files discovery measured.
std::vector<FileResult> run_scan(const std::vector<std::filesystem::path>& files, const Checker& checker,
                                 const RunOptions& options,
                                 const std::vector<std::uintmax_t>& known_sizes = {});

}  // namespace pypyready::scan
