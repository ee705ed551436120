#pragma once
// Which side of a benchmark is the baseline (CPython) and which the candidate (PyPy).

#include "results/results.h"

namespace pypyready::decide {

/// The per-interpreter entry of `role` ("baseline" or "candidate"): by the interpreters' roles,
/// else by implementation prefix of the id ("pypy-..." is the candidate). Null when absent.
const results::BenchInterpreter* side_of(const results::Results& results, const results::Benchmark& benchmark,
                                         const std::string& role);

}  // namespace pypyready::decide
