#include "bench/service/per_second.h"

#include <algorithm>

#include "bench/stats/summary.h"

namespace pypyready::bench::service {
namespace {

bool answered(const LoadRecord& record) {
  return record.status > 0 && record.status < 400;
}

}  // namespace

std::vector<SecondStats> bucket_seconds(const std::vector<LoadRecord>& records, std::int64_t start_us,
                                        int seconds) {
  std::vector<SecondStats> result(static_cast<std::size_t>(std::max(0, seconds)));
  std::vector<std::vector<double>> latencies(result.size());
  for (const LoadRecord& record : records) {
    if (record.end_us < start_us) continue;
    auto second = static_cast<std::size_t>((record.end_us - start_us) / 1000000);
    if (second >= result.size()) continue;
    if (answered(record)) {
      ++result[second].requests;
      latencies[second].push_back(static_cast<double>(record.latency_us) / 1e6);
    } else {
      ++result[second].errors;
    }
  }
  for (std::size_t i = 0; i < result.size(); ++i) {
    if (latencies[i].empty()) continue;
    result[i].p50_s = stats::quantile(latencies[i], 0.5);
    result[i].p90_s = stats::quantile(latencies[i], 0.9);
    result[i].p99_s = stats::quantile(latencies[i], 0.99);
    result[i].max_s = *std::max_element(latencies[i].begin(), latencies[i].end());
  }
  return result;
}

void attach_rss(std::vector<SecondStats>& seconds, const std::vector<run::RssSample>& samples) {
  for (const run::RssSample& sample : samples) {
    if (sample.t_s < 0) continue;
    auto second = static_cast<std::size_t>(sample.t_s);
    if (second < seconds.size())
      seconds[second].rss_bytes = std::max(seconds[second].rss_bytes, sample.rss_bytes);
  }
}

std::vector<double> latencies_between(const std::vector<LoadRecord>& records, std::int64_t start_us,
                                      std::size_t from, std::size_t to) {
  std::vector<double> result;
  auto low = start_us + static_cast<std::int64_t>(from) * 1000000;
  auto high = start_us + static_cast<std::int64_t>(to) * 1000000;
  for (const LoadRecord& record : records)
    if (answered(record) && record.end_us >= low && record.end_us < high)
      result.push_back(static_cast<double>(record.latency_us) / 1e6);
  return result;
}

std::map<int, std::int64_t> status_counts(const std::vector<LoadRecord>& records) {
  std::map<int, std::int64_t> counts;
  for (const LoadRecord& record : records)
    ++counts[record.status];
  return counts;
}

}  // namespace pypyready::bench::service
