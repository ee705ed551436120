#pragma once
// Gathers pytest-benchmark results process by process (from runs or imported files), keyed by
// the test's node id, and turns them into harness results: each test one benchmark, each
// interpreter's processes analysed by the shared warmup and speedup statistics.

#include <string>
#include <vector>

#include "bench/pytest_benchmark/saved_run.h"
#include "bench/pytest_benchmark/suite_result.h"
#include "run/process.h"

namespace pypyready::bench::pytest_benchmark {

/// One interpreter's share of one benchmark.
struct SideData {
  std::vector<ProcessRecord> processes;
  std::vector<int> executions;        ///< the execution each process came from
  std::vector<RoundsInfo> rounds;     ///< parallel to processes
  std::vector<std::string> failures;  ///< one reason per execution in which the test failed
  double max_time_s = 0;
};

struct Entry {
  std::string fullname;
  std::string group;
  std::vector<SideData> sides;
};

class Collection {
 public:
  /// `ids` are the interpreters, baseline first; `absent` says, per interpreter, why a benchmark
  /// that has no process there is missing when no failure explains it.
  Collection(std::vector<std::string> ids, std::vector<std::string> absent);

  /// One process of `benchmark` under interpreter `side`, from execution `execution`; `ran` (may be
  /// null) is the whole pytest process, for its time, CPU and memory.
  void add_process(std::size_t side, int execution, const SavedBenchmark& benchmark,
                   const run::ProcessResult* ran);

  /// A benchmark known only by name so far (a test that failed before pytest-benchmark recorded it).
  void declare(const std::string& fullname);

  /// The test `fullname` failed or errored under `side` in one execution.
  void add_failure(std::size_t side, const std::string& fullname, const std::string& reason);

  /// The interpreter could not run the suite at all: every benchmark cannot run there.
  void fail_side(std::size_t side, const std::string& reason);
  bool side_failed(std::size_t side) const { return !side_problems_[side].empty(); }
  const std::string& side_problem(std::size_t side) const { return side_problems_[side]; }

  const std::vector<Entry>& entries() const { return entries_; }

  /// The harness results, summarised (warmup analysis, speedups), with the notes on the rounds
  /// and on failures as warnings.
  std::vector<BenchmarkResult> results() const;

  /// Per benchmark, what pytest-benchmark did with the rounds.
  std::vector<BenchmarkDetails> details() const;

  /// executions()[b][s][p]: the execution of process p of interpreter s in benchmark b.
  std::vector<std::vector<std::vector<int>>> executions() const;

 private:
  Entry& entry(const std::string& fullname);
  std::vector<std::string> ids_;
  std::vector<std::string> absent_;
  std::vector<std::string> side_problems_;
  std::vector<Entry> entries_;
};

/// Moves the warnings every benchmark has (the machine was busy) to the suite, once.
std::vector<std::string> lift_common_warnings(std::vector<BenchmarkResult>& results);

}  // namespace pypyready::bench::pytest_benchmark
