#pragma once
// What a service run means: per server start, the warmup curve of throughput segmented by the
// same changepoint method as bench (on seconds per request, so "warmup" keeps its meaning), the
// steady throughput and latency, the time to steady state; across starts, the speedup in
// throughput and in tail latency with 95 % intervals, and the break-even (from process start,
// when the candidate's cumulative served requests overtake the baseline's for good).

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "bench/service/load_generator.h"
#include "bench/service/per_second.h"
#include "bench/stats/changepoints.h"
#include "bench/stats/speedup.h"

namespace pypyready::bench::service {

/// The step of the throughput curve that the changepoint analysis segments, in seconds: whole
/// seconds give too few points for PELT on a run of 8-20 s (its penalty, 15 ln n, hides a
/// 3-second warmup in 8 points).
inline constexpr double kAnalysisStepS = 0.25;

/// One server start under one interpreter.
struct StartRecord {
  bool ok = false;
  std::string problem;  ///< why it gave no measurement: never ready, crashed, errors only
  double ready_s = 0;   ///< from starting the command until it was ready
  double load_s = 0;    ///< seconds of load actually applied
  std::vector<SecondStats> seconds;
  std::map<int, std::int64_t> statuses;  ///< responses by status (0: connection failed)
  WrkTotals totals;
  std::string server_ending;  ///< how the server ended when it died on its own
  std::string last_output;    ///< the server's last output, kept when something went wrong
  bool sigterm_ignored = false;
  double stop_s = 0;  ///< SIGTERM until gone
  // Filled by analyse_start().
  stats::ProcessAnalysis analysis;  ///< of the quarter-second series of seconds per request
  double steady_rps = 0;            ///< over the steady segment; "no-steady-state": over the second half
  double steady_p50_s = 0;
  double steady_p90_s = 0;
  double steady_p99_s = 0;
  double steady_max_s = 0;
  double seconds_to_steady = 0;  ///< seconds of load before the steady segment (quarter seconds)
  std::uint64_t peak_rss_bytes = 0;
  std::int64_t requests = 0;
  std::int64_t errors = 0;
};

/// Everything measured for one interpreter.
struct ServiceSide {
  std::string id;
  bool ok = true;
  std::string reason;  ///< why it cannot run (no successful start)
  std::vector<StartRecord> starts;
  // Summaries over the successful starts (filled by summarise_service()).
  double ready_s = 0;  ///< median
  double first_second_rps = 0;
  double steady_rps = 0;  ///< mean of the starts' steady throughputs
  double steady_p50_s = 0;
  double steady_p99_s = 0;
  double seconds_to_steady = 0;  ///< median
  std::string classification;    ///< the most common one
  bool consistent = true;
  std::uint64_t peak_rss_bytes = 0;
};

/// A candidate against the baseline.
struct ServiceComparison {
  std::string candidate_id;
  std::optional<stats::Ratio> throughput;   ///< candidate / baseline requests per second
  std::optional<stats::Ratio> p99_latency;  ///< baseline p99 / candidate p99: > 1 is a lower tail
  std::optional<stats::BreakEven> break_even;
  double memory_ratio = 0;
};

/// One `bench --service` run.
struct ServiceResult {
  std::string name;
  std::string command;                ///< as given
  std::vector<std::string> requests;  ///< "GET /path" (weight), for the report
  std::string load = "closed-loop";   ///< or "fixed-rate"
  double rate_rps = 0;
  int connections = 0;
  int duration_s = 0;
  std::vector<ServiceSide> sides;  ///< the first is the baseline
  std::vector<ServiceComparison> comparisons;
  std::vector<std::string> warnings;
  double ceiling_rps = 0;         ///< wrk's own ceiling here with the same connections; 0: not measured
  double load_average_start = 0;  ///< 1-minute load average before the first start
  double load_average_end = 0;    ///< and after the last
  int cpus = 0;                   ///< online CPUs, to judge the load against
  double total_s = 0;
};

/// Fills a start's analysis fields from its seconds and its records (load started at start_us).
void analyse_start(StartRecord& start, const std::vector<LoadRecord>& records, std::int64_t start_us);

/// Fills the sides' summaries, the comparisons and the warnings (pure).
void summarise_service(ServiceResult& result);

/// A start's served requests as the per-request times stats::break_even expects: a second with n
/// answers contributes n times of 1/n s; an empty second is added to the next answer's time.
std::vector<double> request_times(const std::vector<SecondStats>& seconds);

}  // namespace pypyready::bench::service
