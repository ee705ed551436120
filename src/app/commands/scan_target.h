#pragma once
// The target PyPy's Python version for `pypyready scan`: --target-pypy, else `target-pypy` in
// the configuration, else the language version of the pypy3 on this machine, else 3.10.

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "scan/python_version.h"
#include "scan/rule.h"

namespace pypyready::app {

/// The version and where it came from, for messages.
struct TargetPython {
  scan::PythonVersion version;
  std::string
      origin;  ///< "--target-pypy", "target-pypy in pypyready.toml", "pypy3 at /usr/bin/pypy3", "default"
};

/// Whether any of the selected rules reads the target version (only then is pypy3 looked for).
bool rules_use_target_python(const std::vector<const scan::RuleEntry*>& rules);

/// Resolves the target; an error names the bad value and what was expected. `look_for_pypy`
/// allows finding pypy3 when neither the flag nor the configuration gives a version.
core::Result<TargetPython> resolve_target_python(const std::string& flag,
                                                 const std::optional<std::string>& configured,
                                                 const std::string& config_file, bool look_for_pypy);

}  // namespace pypyready::app
