#pragma once
// Which kind of native code a sampled C call is, for the speedup model: PyPy replaces CPython's C
// builtins module by module, and the replacements differ (bench/profile-training.py fits one
// factor per group). The table names the module, or the module and the callable where one module
// holds several kinds (builtins).

#include <array>
#include <string>

namespace pypyready::profile {

/// The groups, in the order of ModelParameters::native_factors.
enum class NativeGroup { kJit, kRegex, kSort, kLibrary, kClib, kOther };

inline constexpr std::array<const char*, 6> kNativeGroupNames{"jit",     "regex", "sort",
                                                              "library", "clib",  "other"};

/// The group of a CPython C callable, by its module ("_heapq", "builtins") and callable name
/// ("heappop", "str.join"; may be empty). Modules that are not in the table are "other".
NativeGroup native_group(const std::string& module, const std::string& callee);

}  // namespace pypyready::profile
