#pragma once
// Noise awareness: what the machine was doing while a benchmark ran, and the warnings that tell a
// reader when the figures were taken on a busy machine (wall time well above CPU time, a load
// average above the CPU count, processes that disagree with each other).

#include <string>
#include <vector>

#include "bench/harness.h"

namespace pypyready::bench {

/// The 1-minute load average from /proc/loadavg; 0 when it cannot be read.
double load_average();

/// Online CPUs (at least 1).
int online_cpus();

/// Wall time over CPU time of one process: from its iterations when it has in-process timings,
/// else from the whole process; 0 when either is missing.
double wall_cpu_ratio(const ProcessRecord& process, bool per_iteration);

/// Warnings for one finished benchmark (pure: reads the result only).
std::vector<std::string> noise_warnings(const BenchmarkResult& result);

}  // namespace pypyready::bench
