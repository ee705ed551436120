#pragma once
// The load: wrk with pypyready's Lua script (wrk_script.h), one connection per wrk thread, for a
// whole number of seconds, closed loop (each connection sends its next request when the previous
// answer arrives) or on a fixed schedule (--rate). wrk runs in the background so that the caller
// can watch the server meanwhile and stop the load early when the server dies.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "bench/service/request_mix.h"
#include "core/result.h"
#include "run/background_process.h"

namespace pypyready::bench::service {

/// One response as the script recorded it.
struct LoadRecord {
  std::int64_t end_us = 0;      ///< CLOCK_MONOTONIC microseconds when it completed (or failed)
  std::int64_t latency_us = 0;  ///< from sending (closed loop) or from its scheduled time (--rate)
  int status = 0;               ///< HTTP status; 0: the connection failed with it outstanding
};

/// wrk's own totals, from its summary.
struct WrkTotals {
  std::int64_t requests = 0;
  std::int64_t connect_errors = 0;
  std::int64_t read_errors = 0;
  std::int64_t write_errors = 0;
  std::int64_t timeout_errors = 0;
  std::int64_t status_errors = 0;  ///< non-2xx/3xx responses
  double requests_per_s = 0;
};

/// What to send and how.
struct LoadSpec {
  RequestMix mix;
  int connections = 8;
  int duration_s = 20;
  double rate_rps = 0;             ///< 0: closed loop; else the total scheduled rate
  std::filesystem::path work_dir;  ///< private folder for the script, the mix and the records
  std::string wrk = "wrk";         ///< the program
};

/// Everything one load run produced.
struct LoadOutcome {
  std::vector<LoadRecord> records;  ///< every thread's records, sorted by end_us
  std::int64_t start_us = 0;        ///< CLOCK_MONOTONIC microseconds when wrk was started
  WrkTotals totals;
  bool stopped_early = false;
  std::string wrk_output;
};

/// A wrk run in progress.
class LoadRun {
 public:
  /// Writes the script and the mix into spec.work_dir and starts wrk.
  static core::Result<std::unique_ptr<LoadRun>> start(const LoadSpec& spec);

  bool running() { return wrk_->running(); }

  /// Asks wrk to stop now (SIGINT: it still prints its summary); records so far are kept.
  void stop_early();

  /// Waits for wrk to end (killing it if it overruns its duration by far) and reads the records.
  core::Result<LoadOutcome> finish();

 private:
  LoadSpec spec_;
  std::unique_ptr<run::BackgroundProcess> wrk_;
  std::int64_t start_us_ = 0;
  bool stopped_early_ = false;
};

/// CLOCK_MONOTONIC now, in microseconds (the script's clock).
std::int64_t monotonic_us();

/// Parses one thread's record file ("END_US LATENCY_US STATUS" lines; a torn last line is dropped).
std::vector<LoadRecord> parse_records(const std::string& text);

/// Reads wrk's summary lines ("N requests in", "Socket errors:", "Non-2xx", "Requests/sec:").
WrkTotals parse_wrk_summary(const std::string& text);

/// An error when `wrk` is missing or cannot run the script (wrk built without LuaJIT).
core::Status check_wrk(const std::string& wrk);

}  // namespace pypyready::bench::service
