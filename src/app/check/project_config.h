#pragma once
// What `check` reads from [tool.pypyready] besides the scan keys: the bench targets and budget,
// the test command, the decision settings and the interpreters. Unknown keys in these tables are
// errors that name the file and the key.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "decide/decide.h"

namespace pypyready::app::check {

/// [tool.pypyready.bench.service]: a server measured under load, as `bench --service` does.
struct ServiceSettings {
  std::string command;            ///< run in the project root; `python` or {python} is the interpreter
  std::vector<std::string> urls;  ///< http://127.0.0.1:PORT/PATH
  std::string requests;           ///< request-mix file, relative to the project root
  std::string ready_url;
  std::optional<double> duration_s;
  std::optional<double> connections;
  std::optional<double> starts;
  std::optional<double> rate;
};

/// [tool.pypyready.bench].
struct BenchSettings {
  std::vector<std::string> targets;  ///< FILE.py or FILE.py:FUNC, relative to the project root
  std::optional<double> time_budget_s;
  std::optional<double> ci_width;
  std::optional<ServiceSettings> service;
};

/// Everything `check` takes from the configuration file.
struct ProjectConfig {
  std::optional<std::filesystem::path> file;  ///< the pyproject.toml or pypyready.toml read
  std::string project_name;                   ///< [project].name, when the file has one
  std::string python;
  std::string pypy;
  std::string target_pypy;
  BenchSettings bench;
  bool test_declared = false;  ///< a [tool.pypyready.test] table exists (testdiff reads its keys)
  decide::DecideConfig decide;
};

/// Parses the configuration text; `in_pyproject` reads the [tool.pypyready] table.
core::Result<ProjectConfig> parse_project_config(std::string_view text, const std::filesystem::path& file,
                                                 bool in_pyproject);

/// Finds the configuration by walking up from `project` (as scan does) and parses it; an empty
/// ProjectConfig when there is none.
core::Result<ProjectConfig> load_project_config(const std::filesystem::path& project);

}  // namespace pypyready::app::check
