#pragma once
// The test command under one interpreter: `python -m pytest ARGS` with `python` replaced by the
// interpreter, plus the options pypyready needs (JUnit XML in xunit1 form, which carries file and
// line; the event plugin; no cache folder written into the project).

#include <filesystem>
#include <string>
#include <vector>

#include "core/result.h"

namespace pypyready::testdiff {

/// The default command: pytest, which also collects unittest-style tests.
std::vector<std::string> default_test_command();

/// Module name of the event plugin (probes/pytest_events.py), importable from the plugin folder.
inline constexpr const char* kEventPluginModule = "pypyready_pytest_events";

/// `words` for `interpreter`: a first word `python`, `python3` or `{python}` becomes the
/// interpreter, `pytest` becomes `INTERPRETER -m pytest`; anything else is an error, since the
/// command has to run under each interpreter and produce pytest's JUnit XML.
core::Result<std::vector<std::string>> command_for(const std::vector<std::string>& words,
                                                   const std::string& interpreter);

/// Appends the reporting options: JUnit XML to `junit_path`, the event plugin, no cache.
std::vector<std::string> with_reporting(std::vector<std::string> argv,
                                        const std::filesystem::path& junit_path);

/// The command for rerunning `test_ids` only: positional arguments that name files or folders
/// under `root` (the user's test selection) are dropped, options are kept.
std::vector<std::string> rerun_command(const std::vector<std::string>& argv,
                                       const std::vector<std::string>& test_ids,
                                       const std::filesystem::path& root);

}  // namespace pypyready::testdiff
