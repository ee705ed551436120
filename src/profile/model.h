#pragma once
// The time-share speedup model: PyPy's time for the same run, category by category,
//   T_pypy = startup_pypy + P / s_py + N_std * f_std + N_ext * f_ext + I * f_import + S + W,
// evaluated with the optimistic and the pessimistic end of every factor, so the answer is always
// a range. The words that go with it follow the evidence: no promise of a gain when less than
// about 40 % of the time is pure Python, a JIT-warmup warning for runs under a second.

#include <string>
#include <vector>

#include "profile/attribution.h"

namespace pypyready::profile {

/// One end of each factor; the defaults are the prior ranges published with the model, kept as
/// bench/README.md says.
struct ModelParameters {
  double python_speedup_fast = 10;   ///< s_py, numeric and object loops that run long enough
  double python_speedup_slow = 1.5;  ///< s_py, string and character code, short runs
  double stdlib_factor_fast = 1.0;   ///< f_std: PyPy's replacements of CPython's C builtins
  double stdlib_factor_slow = 1.6;
  double extension_factor_fast = 2.0;  ///< f_ext: C extensions through the C-API emulation
  double extension_factor_slow = 6.0;
  double import_factor_fast = 1.0;  ///< f_import: cold code, no JIT benefit
  double import_factor_slow = 2.0;
  double pypy_startup_s = 0.064;  ///< PyPy's bare start-up (`-c pass`), measured when possible
};

/// Below this share of pure Python the words never promise a gain.
inline constexpr double kPythonShareForPromise = 0.4;
/// Runs shorter than this get the JIT-warmup warning.
inline constexpr double kWarmupWarningS = 1.0;
/// Speedups at or above this count as "faster", at or below kSlowerBelow as "slower".
inline constexpr double kFasterAbove = 1.15;
inline constexpr double kSlowerBelow = 0.87;

struct Prediction {
  double cpython_s = 0;    ///< the run as attributed (start-up included)
  double pypy_fast_s = 0;  ///< PyPy's time with every factor at its optimistic end
  double pypy_slow_s = 0;
  double speedup_low = 0;   ///< cpython_s / pypy_slow_s
  double speedup_high = 0;  ///< cpython_s / pypy_fast_s
  std::string outlook;      ///< likely-faster, uncertain, no-gain-expected
  std::string summary;      ///< one sentence, worded by the evidence
  std::vector<std::string> notes;
  ModelParameters parameters;
};

/// PyPy's predicted time and the speedup range for an attributed run.
Prediction predict(const Attribution& attribution, const ModelParameters& parameters = {});

/// "faster", "same" or "slower" for a speedup, by kFasterAbove and kSlowerBelow.
std::string direction_of(double speedup);

/// The range's middle on a log scale: what the model's error is scored on (never shown alone).
double range_middle(const Prediction& prediction);

}  // namespace pypyready::profile
