#pragma once
// A machine whose speed shifts during a run (a busy neighbour on the host, a frequency change)
// can move the speedup itself: the interpreters do not slow down alike. Seen on the machine the
// figures in bench/README.md come from: CPython's regex workload took 0.50 s a run in one minute
// and 0.33 s the next, PyPy's 0.42 s and 0.31 s, so the speedup went from 1.17x to 1.05x. An
// interval from the rounds of one run says nothing about a run in another state. A shift inside
// the run can be seen, and the reader is told the figure mixes two states.

#include <optional>
#include <string>

#include "bench/harness.h"

namespace pypyready::bench {

/// When the baseline's per-round times fall into segments (PELT changepoints, as for warmup)
/// whose medians differ by more than 10 %: a warning naming the segments, their times and each
/// other interpreter's speedup within them. Needs interleaved rounds (one process per round per
/// interpreter) and at least 6 of them; a pytest-benchmark suite has no such rounds.
std::optional<std::string> speed_shift_warning(const BenchmarkResult& result);

}  // namespace pypyready::bench
