#pragma once
// One pytest-benchmark JSON file (written by --benchmark-json, --benchmark-save or
// --benchmark-autosave) read into what pypyready needs from it: which interpreter wrote it and,
// per benchmark, the time per call of every round in order (`stats.data`, present with
// --benchmark-json and with --benchmark-save-data) or, without them, the summary statistics.

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace pypyready::bench::pytest_benchmark {

/// pytest-benchmark's own summary of the rounds (seconds per call).
struct Summary {
  double min_s = 0;
  double max_s = 0;
  double mean_s = 0;
  double stddev_s = 0;
  double median_s = 0;
  std::int64_t rounds = 0;
};

/// One benchmarked test.
struct SavedBenchmark {
  std::string name;                  ///< "test_loop[10]"
  std::string fullname;              ///< the pytest node id, "tests/test_bench.py::test_loop[10]"
  std::string group;                 ///< empty when none
  std::int64_t calls_per_round = 1;  ///< `stats.iterations`: each round times this many calls
  std::vector<double> rounds_s;      ///< per round, seconds per call, in order; empty: summary only
  Summary summary;
  std::int64_t warmup_calls = 0;  ///< `options.warmup`: at most this many calls before recording; 0: off,
                                  ///< -1: on without a recorded count
  double max_time_s = 0;
  double min_time_s = 0;
  std::int64_t min_rounds = 0;
};

/// One file: one pytest process under one interpreter.
struct SavedRun {
  std::string source;                  ///< the file, as named in messages
  std::string implementation;          ///< "cpython", "pypy", ... (lower case); empty when not recorded
  std::string python_version;          ///< "3.11.2"
  std::string implementation_version;  ///< "7.3.11" for PyPy
  std::string datetime;                ///< when pytest-benchmark wrote it (UTC, ISO 8601)
  std::vector<SavedBenchmark> benchmarks;
};

/// Parses the text of a pytest-benchmark JSON file; an error names `source`, the JSON path and
/// what was expected there.
core::Result<SavedRun> parse_saved_run(std::string_view text, const std::string& source);

/// Reads and parses a file.
core::Result<SavedRun> read_saved_run(const std::filesystem::path& path);

}  // namespace pypyready::bench::pytest_benchmark
