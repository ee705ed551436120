#pragma once
// One function per criterion of design.md's decision framework, in its order. Each reads only
// the sections it needs and returns the state with its evidence; none looks at another's result.

#include "decide/decide.h"

namespace pypyready::decide {

/// Criterion ids, as they appear in report.json.
inline constexpr const char* kCpuBound = "cpu-bound";
inline constexpr const char* kDependencies = "dependencies";
inline constexpr const char* kRunsLongEnough = "runs-long-enough";
inline constexpr const char* kMemory = "memory";
inline constexpr const char* kLanguageLevel = "language-level";
inline constexpr const char* kNativeShare = "native-share";
inline constexpr const char* kTestsPass = "tests-pass";

/// A pure-Python share at or above this makes a workload CPU-bound Python (profile).
inline constexpr double kPythonShareForGain = 0.5;
/// A native-extension share at or above this means the extensions dominate (profile).
inline constexpr double kNativeShareDominates = 0.5;

/// 1. From bench (measured speedup against `min_speedup`) or else profile (pure-Python share).
results::Criterion judge_cpu_bound(const results::Results& results, const DecideConfig& config);
/// 2. From deps: no blocked or replace verdicts; slower ones listed.
results::Criterion judge_dependencies(const results::Results& results, const DecideConfig& config);
/// 3. Break-even run length versus the expected (or measured) process lifetime.
results::Criterion judge_runs_long_enough(const results::Results& results, const DecideConfig& config);
/// 4. PyPy's peak RSS versus the memory budget.
results::Criterion judge_memory(const results::Results& results, const DecideConfig& config);
/// 5. The language level the code needs versus the target PyPy's (scan).
results::Criterion judge_language_level(const results::Results& results, const DecideConfig& config);
/// 6. Native share from profile; C-API dependencies from deps.
results::Criterion judge_native_share(const results::Results& results, const DecideConfig& config);
/// 7. No test fails only on PyPy, or each such failure is explained by a finding.
results::Criterion judge_tests_pass(const results::Results& results, const DecideConfig& config);

}  // namespace pypyready::decide
