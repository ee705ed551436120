#pragma once
// Start-up measured on its own, whole-process and interleaved across interpreters: the bare
// interpreter (`-c pass`) and, for a function target, the interpreter importing the target module.
// These rows are reported next to the steady state and feed the break-even point.

#include "bench/harness.h"

namespace pypyready::bench {

/// The `-c` program that imports FILE.py (given as its first argument) as a module, the same way
/// the function probe does, so its top-level code runs but nothing is called.
extern const char* const kImportProgram;

/// Runs one warmup round and then measured rounds until `max_runs` rounds or `time_share_s`
/// seconds are spent (at least 3 measured rounds); fills startup_* and import_runs_s.
void measure_startup(const BenchConfig& config, BenchmarkResult& result, int max_runs, double time_share_s);

}  // namespace pypyready::bench
