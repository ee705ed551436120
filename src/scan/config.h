#pragma once
// Configuration of `pypyready scan`: `[tool.pypyready]` in pyproject.toml or a
// pypyready.toml (same keys, no prefix), found by walking up from the scanned path.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "scan/runner.h"

namespace pypyready::scan {

/// The scan keys of the configuration (other commands' keys are accepted and left alone).
struct ScanConfig {
  std::optional<std::filesystem::path> file;  ///< where it came from; empty when none was found
  std::vector<std::string> select;
  std::vector<std::string> ignore;
  std::vector<std::string> exclude;
  std::vector<PerFileIgnore> per_file_ignores;
  std::optional<std::string> target_pypy;
};

/// Parses a configuration file's text; `in_pyproject` reads the [tool.pypyready] table.
core::Result<ScanConfig> parse_config(std::string_view text, const std::filesystem::path& file,
                                      bool in_pyproject);

/// Walks up from `start` to the first pypyready.toml or pyproject.toml with [tool.pypyready].
core::Result<ScanConfig> find_config(const std::filesystem::path& start);

}  // namespace pypyready::scan
