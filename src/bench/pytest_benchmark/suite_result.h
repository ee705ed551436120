#pragma once
// A pytest-benchmark suite compared under two interpreters: one harness BenchmarkResult per
// pytest-benchmark test (rendered and serialised like every other benchmark), what pytest-benchmark
// did with each process's rounds, and the suite's geometric mean.

#include <string>
#include <vector>

#include "bench/harness.h"
#include "bench/pytest_benchmark/rounds.h"
#include "bench/pytest_benchmark/suite.h"

namespace pypyready::bench::pytest_benchmark {

/// Per benchmark, besides its BenchmarkResult.
struct BenchmarkDetails {
  std::string fullname;                         ///< the pytest node id
  std::string group;                            ///< pytest-benchmark's group, empty when none
  std::vector<std::vector<RoundsInfo>> rounds;  ///< per interpreter, per process
};

/// An interpreter of the comparison and where its numbers came from.
struct SuiteInterpreter {
  std::string id;
  std::string executable;
  std::string origin;  ///< its environment (a run) or the file it wrote (an import)
};

struct SuiteResult {
  std::string source;  ///< "run" or "import"
  std::vector<SuiteInterpreter> interpreters;
  std::vector<BenchmarkResult> benchmarks;
  std::vector<BenchmarkDetails> details;  ///< parallel to benchmarks
  SuiteSummary summary;
  std::vector<std::string> warnings;  ///< about the whole suite
  std::string stopped_because;
  int executions = 0;  ///< process executions per interpreter
  double total_s = 0;
};

}  // namespace pypyready::bench::pytest_benchmark
