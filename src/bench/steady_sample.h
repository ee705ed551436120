#pragma once
// Which processes the steady-state figures rest on, and what a speedup is computed from: a process
// that ended still warming up (most often the first, whose length is a guess) would otherwise
// enter the speedup with the time of a warmup iteration.

#include <vector>

#include "bench/harness.h"

namespace pypyready::bench {

/// False for a process that ended still warming up or otherwise moving ("no-steady-state").
bool reached_steady_state(const ProcessRecord& process);

/// Sets ProcessRecord::counted for one interpreter's analysed processes: those that reached a
/// steady state; when fewer than two did, those that ran longest (at least half as long as the
/// longest, and at least two).
void mark_counted(InterpreterResult& side);

/// The counted processes of one interpreter, in the order run.
std::vector<const ProcessRecord*> counted_processes(const InterpreterResult& side);

/// The per-process figures one candidate's speedup is computed from.
struct SpeedupSample {
  std::vector<double> baseline_means, candidate_means;                 ///< steady means
  std::vector<double> baseline_cpu, candidate_cpu;                     ///< CPU-time means (speedup_cpu)
  std::vector<std::vector<double>> baseline_steady, candidate_steady;  ///< steady iterations (bootstrap)
  bool paired = false;  ///< element k of both sides ran in the same round
};

/// The counted processes of each side; with `rounds_aligned` (process k of each side ran in round
/// k) a round counts when both of its processes do, and the sample is paired when two rounds or
/// more remain. `per_iteration`: CPU time from the steady iterations rather than the whole process.
SpeedupSample speedup_sample(const InterpreterResult& baseline, const InterpreterResult& candidate,
                             bool rounds_aligned, bool per_iteration);

}  // namespace pypyready::bench
