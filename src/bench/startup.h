#pragma once
// Start-up measured on its own, whole-process and interleaved across interpreters: the bare
// interpreter (`-c pass`) and, for a function target, the interpreter importing the target module.
// These rows are reported next to the steady state and feed the break-even point.

#include "bench/harness.h"

namespace pypyready::bench {

/// The `-c` program that imports FILE.py (given as its first argument) as a module, the same way
/// the function probe does, so its top-level code runs but nothing is called.
extern const char* const kImportProgram;

/// Runs measured rounds (at least 3, after one uncounted import of the target) until every mean is
/// known to +-5 % at 95 %, `max_runs` rounds are done or `time_share_s` seconds are spent; fills
/// startup_* and import_runs_s. The interpreters are expected to have just been probed, which
/// warmed what their first start reads.
void measure_startup(const BenchConfig& config, BenchmarkResult& result, int max_runs, double time_share_s);

}  // namespace pypyready::bench
