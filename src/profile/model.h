#pragma once
// The time-share speedup model: PyPy's time for the same run, part by part,
//   T_pypy = startup_pypy + warmup * J + P_comp / s_comp + P_rest / s_rest + P_rec / s_rec
//            + sum over native groups g of N_g * f_g + N_ext * f_ext + I * f_import + S * f_sys + W
//            + G * c_gc + R * c_read + C * (startup_pypy - startup_cpython),
// where the pure-Python time P is split by what the sampler saw (a function that recurs on the
// stack; of the rest, the share of instructions PyPy's JIT compiles to a few machine instructions
// in the innermost loop around the sampled instruction: arithmetic, comparisons, attribute access,
// index subscripts, calls to Python functions), the standard library's native time N by the kind
// of C code (profile/native_groups.h), S the system time (weighed by a fitted factor: the same
// I/O costs PyPy's I/O layer more kernel time), W the waiting, and J the share of the run the JIT
// works on; G is the on-CPU time CPython spent in its garbage collections (one per about 700
// container objects allocated and kept alive: survivors PyPy's nursery copies out and its major
// collections walk again) in proportion to the recursive share of the Python time (allocating
// recursion), and c_gc PyPy's extra time as a multiple of it: measured at the run's own speed, so
// a profile taken on a slower or busier machine scales it with the rest of the run; R the
// gigabytes the process read through system calls (PyPy hands every read a fresh buffer from its
// garbage collector and pays for the new memory) and c_read its extra seconds per GB; C the
// child processes started on a Python interpreter (each pays PyPy's start-up instead of
// CPython's). The factors were fitted on bench/profile-training/ (not on the benchmark's
// workloads). The answer is always a range: the middle's leave-one-out error on the training set
// sets its width. The words follow the evidence: no promise of a gain when less than about 40 %
// of the time is pure Python (unless JIT-friendly native code makes up the difference), a
// JIT-warmup warning for runs under a second.

#include <array>
#include <string>
#include <vector>

#include "profile/attribution.h"
#include "profile/native_groups.h"

namespace pypyready::profile {

/// The factors. Fitted by `python3 bench/profile-training.py fit` on the 35 training workloads of
/// bench/profile-training/ (2026-12-06 11:56 UTC, CPython 3.11.2 and PyPy 7.3.11 pinned to one CPU;
/// leave-one-out median error 1.31x, direction right 22/35).
struct ModelParameters {
  double python_compiled_speedup = 20.09;  ///< s_comp: code the JIT compiles (see the probe)
  double python_rest_speedup = 1.65;       ///< s_rest: the other non-recursive Python time
  double python_recursive_speedup = 4.26;  ///< s_rec: functions that recur on the stack
  /// f_g per NativeGroup (jit, regex, sort, library, clib, other): PyPy's time over CPython's.
  std::array<double, 6> native_factors{0.47, 0.58, 3.00, 1.11, 1.16, 1.28};
  double system_factor = 0.61;  ///< f_sys: PyPy's system time over CPython's
  double jit_warmup_s = 0.020;  ///< compiling before the gain starts, for a run the JIT works on whole
  double gc_factor = 2.72;      ///< c_gc: PyPy's extra time over CPython's seconds collecting (in G)
  /// c_read: PyPy's extra seconds per GB read through system calls (a fresh buffer from its garbage
  /// collector for every read; in R)
  double read_cost_s_per_gb = 0.70;
  double range_factor = 1.56;  ///< the range is the middle divided and multiplied by this (LOO spread)
  double extension_factor_fast = 2.0;  ///< f_ext: C extensions through the C-API emulation (prior,
  double extension_factor_slow = 6.0;  ///< the training set has none)
  double import_factor_fast = 1.0;     ///< f_import: cold code, no JIT benefit (prior)
  double import_factor_slow = 2.0;
  double pypy_startup_s = 0.13;  ///< PyPy's bare start-up (`-c pass`), measured when possible
};

/// Below this share of pure Python the words never promise a gain...
inline constexpr double kPythonShareForPromise = 0.4;
/// ...unless pure Python and JIT-friendly native code (groups jit and regex) reach this share.
inline constexpr double kJitShareForPromise = 0.6;
/// Runs shorter than this get the JIT-warmup warning.
inline constexpr double kWarmupWarningS = 1.0;
/// Speedups at or above this count as "faster", at or below kSlowerBelow as "slower".
inline constexpr double kFasterAbove = 1.15;
inline constexpr double kSlowerBelow = 0.87;

/// The run's time split the way the model weighs it.
struct ModelInputs {
  double python_compiled_s = 0;
  double python_rest_s = 0;
  double python_recursive_s = 0;
  std::array<double, 6> native_s{};  ///< standard-library native time per NativeGroup
  double extensions_s = 0;
  double import_s = 0;
  double system_s = 0;              ///< system time, scaled by f_sys
  double unchanged_s = 0;           ///< wait: the same on both interpreters
  double jit_share = 0;             ///< pure Python plus groups jit and regex, of the whole run
  double gc_s = 0;                  ///< G: CPython's seconds collecting times the recursive share of P
  double read_gb = 0;               ///< R: GB read through system calls (files, pipes, sockets)
  double interpreter_children = 0;  ///< C: child processes started on a Python interpreter
  double cpython_startup_s = 0;     ///< this run's start-up, what a child pays on CPython
};

/// Seconds PyPy's start-up adds to the run for its child interpreters: each pays PyPy's start-up
/// where CPython paid this run's own (never negative).
double child_startup_s(const ModelInputs& inputs, const ModelParameters& parameters);

struct Prediction {
  double cpython_s = 0;    ///< the run as attributed (start-up included)
  double pypy_fast_s = 0;  ///< PyPy's time at the optimistic end of the range
  double pypy_slow_s = 0;
  double pypy_middle_s = 0;  ///< with the fitted factors (never shown alone)
  double speedup_low = 0;    ///< cpython_s / pypy_slow_s
  double speedup_high = 0;   ///< cpython_s / pypy_fast_s
  std::string outlook;       ///< likely-faster, uncertain, no-gain-expected
  std::string summary;       ///< one sentence, worded by the evidence
  std::vector<std::string> notes;
  ModelInputs inputs;
  ModelParameters parameters;
};

/// The attribution split into the model's parts.
ModelInputs model_inputs(const Attribution& attribution);

/// PyPy's predicted time and the speedup range for an attributed run.
Prediction predict(const Attribution& attribution, const ModelParameters& parameters = {});

/// "faster", "same" or "slower" for a speedup, by kFasterAbove and kSlowerBelow.
std::string direction_of(double speedup);

/// The range's middle on a log scale: what the model's error is scored on (never shown alone).
double range_middle(const Prediction& prediction);

}  // namespace pypyready::profile
