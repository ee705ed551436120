#pragma once
// Reading pip's output: why an install failed (no matching distribution, Requires-Python, a
// build failure with its first compiler error, a missing build dependency, metadata generation),
// and the results of the import probe run after an install.

#include <string>
#include <string_view>
#include <vector>

namespace pypyready::deps {

/// The reason a `pip install` failed.
enum class PipFailureKind {
  kNoMatchingDistribution,  ///< no wheel or sdist this PyPy accepts
  kRequiresPython,          ///< Requires-Python excludes PyPy's language level
  kBuildFailure,            ///< compiling the sdist failed
  kBuildDependency,         ///< a build dependency (setuptools, wheel, ...) could not be installed
  kMetadataFailure,         ///< the sdist could not even produce its metadata
  kOther,
};

/// "no-matching-distribution", "requires-python", "build-failure", "build-dependency",
/// "metadata-failure", "other".
const char* pip_failure_name(PipFailureKind kind);

/// A parsed pip failure.
struct PipFailure {
  PipFailureKind kind = PipFailureKind::kOther;
  std::string detail;  ///< the deciding line (compiler error, Python constraint, requirement)
};

/// Parses the combined stdout+stderr of a failed `pip install`.
PipFailure parse_pip_failure(std::string_view log);

/// One line of the import probe: a module and whether importing it worked.
struct ImportCheck {
  std::string module;
  bool ok = false;
  std::string error;           ///< `ExceptionType: message` when it failed
  std::string missing_symbol;  ///< from `undefined symbol: X`
};

/// Parses the probe's `ok MODULE` / `fail MODULE<TAB>error` lines.
std::vector<ImportCheck> parse_import_probe(std::string_view output);

}  // namespace pypyready::deps
