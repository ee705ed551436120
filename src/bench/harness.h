#pragma once
// The benchmark harness: runs a target under each interpreter in interleaved process executions,
// measures start-up separately, analyses every process (warmup, steady state), and stops adding
// process rounds when the speedup interval is precise enough, the decision is clear, or the time
// budget is spent. "Cannot run" is a result for that interpreter, never a failure of the tool.

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "bench/stats/changepoints.h"
#include "bench/stats/speedup.h"
#include "run/interpreters.h"
#include "run/process.h"

namespace pypyready::bench {

/// What to benchmark and under which limits.
struct BenchConfig {
  std::vector<run::Interpreter> interpreters;  ///< the first is the baseline
  std::string file;                            ///< FILE.py (function and process modes)
  std::string function;                        ///< FUNC: in-process iterations when set
  std::vector<std::string> command;            ///< `-- CMD ARGS`: {python}/python/python3 replaced
  double time_budget_s = 90;
  /// When the budget's clock started: the command's start for its first target, so the set-up
  /// before it (finding interpreters, choosing a CPU) is spent from that target's budget; unset,
  /// the target's own start.
  std::optional<std::chrono::steady_clock::time_point> budget_started;
  int min_runs = 3;
  int max_runs = 30;
  double ci_width = 0.05;
  double min_speedup = 1.2;
  std::uint64_t memory_limit_bytes = 0;
  double timeout_s = 0;  ///< per process; 0 derives one from the budget
  int cpu = -1;          ///< the one CPU every measured process runs on (cpu_pinning.h); -1: any
  std::function<void(const std::string&)> progress;  ///< called with one status line, may be empty
};

/// One process execution of one interpreter.
struct ProcessRecord {
  std::vector<double> iterations_s;
  std::vector<double> iterations_cpu_s;
  stats::ProcessAnalysis analysis;
  double wall_s = 0;
  double cpu_s = 0;  ///< user + system of the whole process
  std::uint64_t peak_rss_bytes = 0;
  long involuntary_switches = 0;
  /// Calls each value of iterations_s averages (a pytest-benchmark round times several calls and
  /// records the time per call); scales seconds_to_steady back to real time.
  double calls_per_iteration = 1;
  /// Part of the steady figures, the warmup curve and the speedup (set by summarise(), see
  /// steady_sample.h: the processes that reached a steady state, or when fewer than two did, those
  /// that ran longest).
  bool counted = true;
};

/// Everything measured for one interpreter.
struct InterpreterResult {
  std::string id;
  bool ok = true;
  std::string reason;                  ///< why it cannot run
  double startup_s = 0;                ///< mean whole-process time of `-c pass`
  std::vector<double> startup_runs_s;  ///< every measured `-c pass` run
  double startup_import_s = 0;         ///< mean whole-process time of importing the target module
  std::vector<double> import_runs_s;   ///< every measured import run (function mode only)
  double import_s = 0;                 ///< the target's import time measured inside the probe
  double process_seconds = 0;          ///< in-process time asked of the next process (adaptive)
  std::vector<ProcessRecord> processes;
  std::vector<run::RssSample> rss_curve;  ///< of the last process
  std::uint64_t peak_rss_bytes = 0;
  // Summaries across processes (filled by summarise()).
  double first_iteration_s = 0;
  double steady_mean_s = 0;
  double steady_p50_s = 0;
  double steady_p99_s = 0;
  double iterations_to_steady = 0;
  double seconds_to_steady = 0;
  std::string classification;  ///< the most common process classification
  bool consistent = true;      ///< every process got the same classification
  double wall_cpu_ratio = 0;   ///< median over processes of wall time / CPU time (noise indicator)
};

/// The comparison of one candidate with the baseline.
struct Comparison {
  std::string candidate_id;
  std::optional<stats::Ratio> speedup;           ///< paired by round (stats::blocked_speedup)
  std::optional<stats::Ratio> speedup_unpaired;  ///< Welch on the same means, rounds ignored
  std::optional<stats::Ratio> bootstrap;
  std::optional<stats::Ratio> speedup_cpu;  ///< the same ratio from CPU time (noise cross-check)
  std::optional<stats::BreakEven> break_even;
  double memory_ratio = 0;
};

/// One benchmark's result.
struct BenchmarkResult {
  std::string name;
  std::string mode;  ///< "function", "process", "command", "pytest-benchmark"
  std::vector<InterpreterResult> per_interpreter;
  std::vector<Comparison> comparisons;
  std::vector<std::string> warnings;
  std::string stopped_because;  ///< "ci-width", "decided", "time-budget", "max-runs", "interrupted", ...
  double total_s = 0;
  double load_average_start = 0;  ///< 1-minute load average before the first run
  double load_average_end = 0;    ///< and after the last
  int cpus = 0;                   ///< online CPUs, to judge the load against
  int pinned_cpu = -1;            ///< the CPU every measured process ran on; -1: any
  /// Process k of every side ran in round k: the speedup's interval is paired by round. False when
  /// the sides' processes come from different rounds (a pytest-benchmark test that failed in one).
  bool rounds_aligned = true;
  /// Neighbouring segments whose medians differ by less than this are one: the resolution of one
  /// value (pytest-benchmark records microseconds per call, the function probe ~10 ms iterations).
  double segment_tolerance_s = 1e-4;
};

/// True for modes with in-process iterations (function, pytest-benchmark): these get warmup
/// analysis; in the others each value is one whole process.
bool has_iterations(const BenchmarkResult& result);

/// Runs one benchmark to completion (or interruption).
BenchmarkResult run_benchmark(const BenchConfig& config);

/// Fills the per-interpreter summaries and the comparisons from the processes (pure).
void summarise(BenchmarkResult& result, const BenchConfig& config);

/// Parses the function probe's data pipe lines into iterations; an error names the failure.
core::Result<std::pair<std::vector<double>, std::vector<double>>> parse_probe_data(
    const std::string& data, double* import_s = nullptr);

}  // namespace pypyready::bench
