#pragma once
// What the charts draw from a benchmark, read from the Results as bench wrote it: the series of
// one representative process (the middle one of those counted in the steady figures, as the
// terminal rendering shows), its changepoints
// and steady segment, the RSS curve. Missing or malformed members read as empty, never throw:
// a saved report from an older version still renders.

#include <string>
#include <vector>

#include "results/results.h"

namespace pypyready::report::html {

/// One interpreter's part of one benchmark, ready to draw.
struct Series {
  std::string id;         ///< interpreter id
  std::string label;      ///< "CPython 3.11.2"
  std::string css_class;  ///< "s0" baseline, "s1" candidate, "s2"... others
  const results::BenchInterpreter* side = nullptr;
  std::size_t processes_run = 0;
  std::size_t processes_counted = 0;      ///< those the steady figures rest on (the rest ended in warmup)
  std::vector<double> iterations_s;       ///< of the representative process
  std::vector<std::size_t> changepoints;  ///< iteration indices
  std::size_t steady_start = 0;
  double steady_p50_s = 0;
  double steady_p99_s = 0;
  double startup_s = 0;                              ///< with imports when measured
  std::vector<std::pair<double, double>> rss_curve;  ///< seconds, bytes
};

/// The interpreters of a benchmark that ran, baseline first.
std::vector<Series> bench_series(const results::Benchmark& benchmark, const results::Results& results);

/// "CPython 3.11.2", "PyPy 7.3.11" from the interpreter list, else the id itself.
std::string interpreter_label(const results::Results& results, const std::string& id);

}  // namespace pypyready::report::html
