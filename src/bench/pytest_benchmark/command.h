#pragma once
// The pytest command pypyready runs for a pytest-benchmark suite under one interpreter, and what
// it reads back from pytest's own output: which tests failed or errored, with pytest's one-line
// reason (a benchmark missing from the JSON is explained by these).

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/result.h"

namespace pypyready::bench::pytest_benchmark {

/// pytest-benchmark settings pypyready chooses so the recorded rounds show the warmup: its own
/// warmup off (it would run the JIT warmup unrecorded), enough rounds, and rounds long enough
/// against the timer. The user's arguments come after them and win.
struct RunSettings {
  int min_rounds = 30;
  double max_time_s = 0.5;
  double min_time_s = 2.5e-4;  ///< at most max_time / min_time (2000) rounds a benchmark
};

/// The JSON report's place inside the private folder of one process.
std::filesystem::path report_path(const std::filesystem::path& folder);

/// `INTERPRETER -m pytest` with the JSON report and pytest-benchmark's storage (which it creates
/// even when nothing is saved) in the private `folder`, benchmarks only, the settings, a short
/// failure summary, no cache folder, then `user_args`.
std::vector<std::string> pytest_argv(const std::string& interpreter, const std::filesystem::path& folder,
                                     const RunSettings& settings, const std::vector<std::string>& user_args);

/// An error for user arguments that would leave pypyready without its JSON report
/// (--benchmark-json, --benchmark-disable, --benchmark-skip).
core::Status check_user_args(const std::vector<std::string>& user_args);

/// Node ids (or file paths, for collection errors) from pytest's short test summary
/// ("FAILED id - reason", "ERROR id - reason"), each with its reason.
std::map<std::string, std::string> failed_tests(const std::string& output);

/// The reason recorded for `node_id`: its own line, or its file's collection error.
std::string failure_of(const std::map<std::string, std::string>& failures, const std::string& node_id);

}  // namespace pypyready::bench::pytest_benchmark
