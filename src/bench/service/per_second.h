#pragma once
// The time axis of a service run: responses bucketed into the seconds since the load started,
// each second with its completed requests, errors, latency percentiles and the server's RSS.

#include <cstdint>
#include <map>
#include <vector>

#include "bench/service/load_generator.h"
#include "run/process.h"

namespace pypyready::bench::service {

/// One second of load.
struct SecondStats {
  int requests = 0;  ///< answered with a status below 400
  int errors = 0;    ///< status 400 and above, or the connection failed
  double p50_s = 0;  ///< latency percentiles of the answered requests
  double p90_s = 0;
  double p99_s = 0;
  double max_s = 0;
  std::uint64_t rss_bytes = 0;  ///< the server's process tree, largest sample in the second
};

/// Buckets `records` into `seconds` whole seconds from `start_us`; later records are dropped.
std::vector<SecondStats> bucket_seconds(const std::vector<LoadRecord>& records, std::int64_t start_us,
                                        int seconds);

/// Adds the RSS samples (t_s since the load started) to their seconds.
void attach_rss(std::vector<SecondStats>& seconds, const std::vector<run::RssSample>& samples);

/// Latencies (seconds) of the answered requests completed in seconds [from, to).
std::vector<double> latencies_between(const std::vector<LoadRecord>& records, std::int64_t start_us,
                                      std::size_t from, std::size_t to);

/// How many responses had each status (0: connection failed), over all records.
std::map<int, std::int64_t> status_counts(const std::vector<LoadRecord>& records);

}  // namespace pypyready::bench::service
