#pragma once
// `[tool.pypyready.test]` (or `[test]` in pypyready.toml): the test command, the per-run timeout
// and the number of reruns. Unknown keys are errors that name the key.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace pypyready::testdiff {

/// The test keys of the configuration; unset keys are left to the command-line defaults.
struct TestConfig {
  std::vector<std::string> command;  ///< empty: `python -m pytest`
  std::optional<double> timeout_s;
  std::optional<int> reruns;
};

/// Reads the test table of a configuration file's text (`in_pyproject`: under [tool.pypyready]).
core::Result<TestConfig> parse_test_config(std::string_view text, const std::filesystem::path& file,
                                           bool in_pyproject);

/// Reads the test table of the configuration that applies to `project` (the same file
/// `pypyready scan` uses); an empty TestConfig when there is none.
core::Result<TestConfig> find_test_config(const std::filesystem::path& project);

}  // namespace pypyready::testdiff
