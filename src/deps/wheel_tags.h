#pragma once
// Wheel file names (PEP 427) and the tags the target PyPy accepts (the `packaging.tags` order for
// PyPy on Linux), so that an index's files can be judged before anything is installed.

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace pypyready::deps {

/// One `interpreter-abi-platform` triple.
struct WheelTag {
  std::string interpreter;
  std::string abi;
  std::string platform;
  std::string to_string() const { return interpreter + "-" + abi + "-" + platform; }
};

/// The parts of a wheel's file name; compressed tag sets (`py2.py3`) are expanded.
struct WheelName {
  std::string distribution;
  std::string version;
  std::vector<WheelTag> tags;

  /// nullopt when `filename` is not `name-version(-build)?-py-abi-plat.whl`.
  static std::optional<WheelName> parse(std::string_view filename);
};

/// What decides a PyPy's tags besides its Python level; asked from the interpreter when it runs.
struct TagPlatform {
  std::string abi;       ///< "pypy39_pp73"; "" derives it from the Python level
  int glibc_minor = 17;  ///< newest manylinux_2_N accepted
  std::string arch = "x86_64";
};

/// The platform of this machine (glibc of the running process, x86_64 or aarch64).
TagPlatform host_tag_platform();

/// Asks `interpreter` (a PyPy) for its SOABI, glibc and machine; nullopt when it cannot run.
std::optional<TagPlatform> probe_tag_platform(const std::string& interpreter);

/// The tags PyPy speaking `python_version` ("3.9") accepts on Linux, most specific first, in the
/// order of `packaging.tags`: `pp39-pypy39_pp73-<platform>`, `pp39-none-<platform>`,
/// `py39-none-<platform>` ... `py30-none-<platform>`, `pp39-none-any`, `py39-none-any`,
/// `py3-none-any`, `py38-none-any` ... `py30-none-any`.
std::vector<std::string> pypy_supported_tags(const std::string& python_version,
                                             const TagPlatform& platform = TagPlatform{});

/// How a wheel relates to the target PyPy.
enum class WheelFit {
  kPyPy,     ///< a PyPy build the target accepts
  kPure,     ///< a pure-Python wheel the target accepts
  kCPython,  ///< built for CPython (cp3xx, abi3): PyPy never accepts it
  kOther,    ///< another PyPy level, platform or Python 2
};

/// Classifies one wheel against the `supported` tag set.
WheelFit wheel_fit(const WheelName& wheel, const std::set<std::string>& supported);

}  // namespace pypyready::deps
