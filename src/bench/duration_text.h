#pragma once
// Durations as the bench tables and warnings print them, in a unit that fits the size: from
// single calls of a pytest-benchmark (ns) to whole runs (s).

#include <string>

namespace pypyready::bench {

/// "412 ns", "31.5 us", "101.73 ms", "2.350 s"; "-" for zero or less (not measured).
std::string duration_text(double seconds);

}  // namespace pypyready::bench
