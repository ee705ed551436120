#include "bench/service/analysis.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "bench/stats/summary.h"

namespace pypyready::bench::service {
namespace {

// Per-second request counts on a shared machine wander by several per cent from second to second;
// segments closer than this are one segment (bench uses 2 % for iteration times).
constexpr double kSegmentTolerance = 0.05;
// Above this share of wrk's own ceiling, the generator may be what limits the figure.
constexpr double kCeilingShare = 0.5;
constexpr auto kStepUs = static_cast<std::int64_t>(kAnalysisStepS * 1e6);

std::string most_common(const std::vector<std::string>& values, bool& consistent) {
  std::map<std::string, int> counts;
  for (const auto& value : values)
    ++counts[value];
  consistent = counts.size() <= 1;
  std::string best;
  int best_count = 0;
  for (const auto& [value, count] : counts)
    if (count > best_count) best = value, best_count = count;
  return best;
}

const StartRecord* median_start(const ServiceSide& side) {
  std::vector<const StartRecord*> ok;
  for (const StartRecord& start : side.starts)
    if (start.ok) ok.push_back(&start);
  if (ok.empty()) return nullptr;
  std::sort(ok.begin(), ok.end(), [](auto* a, auto* b) { return a->steady_rps < b->steady_rps; });
  return ok[ok.size() / 2];
}

void summarise_side(ServiceSide& side) {
  std::vector<double> ready, first, rps, p50, p99, to_steady;
  std::vector<std::string> classes;
  for (const StartRecord& start : side.starts) {
    side.peak_rss_bytes = std::max(side.peak_rss_bytes, start.peak_rss_bytes);
    if (!start.ok) continue;
    ready.push_back(start.ready_s);
    first.push_back(start.seconds.empty() ? 0 : start.seconds.front().requests);
    rps.push_back(start.steady_rps);
    p50.push_back(start.steady_p50_s);
    p99.push_back(start.steady_p99_s);
    to_steady.push_back(start.seconds_to_steady);
    classes.push_back(start.analysis.classification);
  }
  if (rps.empty()) {
    side.ok = false;
    if (side.reason.empty())
      for (const StartRecord& start : side.starts)
        if (!start.problem.empty()) {
          side.reason = start.problem;
          break;
        }
    return;
  }
  side.ready_s = stats::median(ready);
  side.first_second_rps = stats::median(first);
  side.steady_rps = stats::mean(rps);
  side.steady_p50_s = stats::median(p50);
  side.steady_p99_s = stats::median(p99);
  side.seconds_to_steady = stats::median(to_steady);
  side.classification = most_common(classes, side.consistent);
}

std::string status_text(const std::map<int, std::int64_t>& statuses) {
  std::string text;
  for (const auto& [status, count] : statuses) {
    if (status > 0 && status < 400) continue;
    text +=
        fmt::format("{}{} x {}", text.empty() ? "" : ", ",
                    status == 0 ? std::string("connection failed") : fmt::format("HTTP {}", status), count);
  }
  return text;
}

void add_warnings(ServiceResult& result) {
  // The server, wrk and pypyready share the CPUs already; other work on them moves the figures.
  double load = std::max(result.load_average_start, result.load_average_end);
  bool measured =
      std::any_of(result.sides.begin(), result.sides.end(), [](const ServiceSide& s) { return s.ok; });
  if (measured && result.cpus > 0 && load > result.cpus)
    result.warnings.push_back(
        fmt::format("the machine was busy (load average {:.1f} on {} CPUs): other work "
                    "competed with the server and wrk, so throughput varies between "
                    "starts; rerun on a quieter machine for tighter intervals",
                    load, result.cpus));
  for (const ServiceSide& side : result.sides) {
    std::int64_t requests = 0, errors = 0;
    std::map<int, std::int64_t> statuses;
    for (const StartRecord& start : side.starts) {
      requests += start.requests;
      errors += start.errors;
      for (const auto& [status, count] : start.statuses)
        statuses[status] += count;
      if (start.sigterm_ignored)
        result.warnings.push_back(
            fmt::format("{}: the server ignored SIGTERM; its process group was killed "
                        "with SIGKILL after {:.1f} s",
                        side.id, start.stop_s));
      // A side that cannot run shows its problem as its reason already.
      if (side.ok && !start.ok && !start.problem.empty())
        result.warnings.push_back(fmt::format("{}: a start failed: {}", side.id, start.problem));
    }
    if (errors > 0)
      result.warnings.push_back(fmt::format("{}: {} of {} responses were errors ({})", side.id, errors,
                                            requests + errors, status_text(statuses)));
    if (side.ok && side.starts.size() > 1 && !side.consistent)
      result.warnings.push_back(fmt::format("{}: the starts disagree on the warmup classification", side.id));
    if (side.ok && result.ceiling_rps > 0 && side.steady_rps > kCeilingShare * result.ceiling_rps)
      result.warnings.push_back(fmt::format(
          "{}: {:.0f} requests/s is {:.0f} % of wrk's own ceiling on this machine ({:.0f} requests/s with {} "
          "connections): the load generator may be what limits this figure",
          side.id, side.steady_rps, 100 * side.steady_rps / result.ceiling_rps, result.ceiling_rps,
          result.connections));
    if (side.ok && result.rate_rps > 0 && side.steady_rps < 0.95 * result.rate_rps)
      result.warnings.push_back(
          fmt::format("{}: served {:.0f} of the {:.0f} requests/s scheduled: the server is saturated, and "
                      "its latencies include the wait behind the schedule",
                      side.id, side.steady_rps, result.rate_rps));
  }
}

}  // namespace

std::vector<double> request_times(const std::vector<SecondStats>& seconds) {
  std::vector<double> times;
  double carried = 0;
  for (const SecondStats& second : seconds) {
    if (second.requests <= 0) {
      carried += 1;
      continue;
    }
    double each = 1.0 / second.requests;
    times.push_back(carried + each);
    times.insert(times.end(), static_cast<std::size_t>(second.requests - 1), each);
    carried = 0;
  }
  return times;
}

void analyse_start(StartRecord& start, const std::vector<LoadRecord>& records, std::int64_t start_us) {
  for (const SecondStats& second : start.seconds) {
    start.requests += second.requests;
    start.errors += second.errors;
    start.peak_rss_bytes = std::max(start.peak_rss_bytes, second.rss_bytes);
  }
  if (start.seconds.empty() || start.requests == 0) return;
  // Seconds per request in each step (lower is better), as bench's iteration times; a stalled
  // step counts as one request so that it stays finite and visibly slow.
  std::size_t steps = start.seconds.size() * static_cast<std::size_t>(1000000 / kStepUs);
  std::vector<int> answered(steps, 0);
  for (const LoadRecord& record : records) {
    if (record.status <= 0 || record.status >= 400 || record.end_us < start_us) continue;
    auto step = static_cast<std::size_t>((record.end_us - start_us) / kStepUs);
    if (step < steps) ++answered[step];
  }
  double step_s = static_cast<double>(kStepUs) / 1e6;
  std::vector<double> series;
  series.reserve(answered.size());
  for (int count : answered)
    series.push_back(step_s / std::max(count, 1));
  start.analysis = stats::analyse_process(series, kSegmentTolerance, 0.0);
  std::size_t from = start.analysis.steady_start;
  start.seconds_to_steady = static_cast<double>(from) * step_s;
  // Without a steady state the last segment is too short to stand for the server (often one
  // slow moment at the end): the throughput is then that of the second half of the load.
  if (start.analysis.classification == "no-steady-state") from = steps / 2;
  std::int64_t steady_requests = 0;
  for (std::size_t i = from; i < steps; ++i)
    steady_requests += answered[i];
  start.steady_rps = static_cast<double>(steady_requests) / (static_cast<double>(steps - from) * step_s);
  // Latencies of the steady segment: from the first whole second inside it.
  auto first_second = static_cast<std::size_t>(std::ceil(static_cast<double>(from) * step_s));
  std::vector<double> latencies = latencies_between(
      records, start_us, std::min(first_second, start.seconds.size() - 1), start.seconds.size());
  if (!latencies.empty()) {
    start.steady_p50_s = stats::quantile(latencies, 0.5);
    start.steady_p90_s = stats::quantile(latencies, 0.9);
    start.steady_p99_s = stats::quantile(latencies, 0.99);
    start.steady_max_s = *std::max_element(latencies.begin(), latencies.end());
  }
}

void summarise_service(ServiceResult& result) {
  for (ServiceSide& side : result.sides)
    summarise_side(side);
  result.comparisons.clear();
  if (!result.sides.empty() && result.sides.front().ok) {
    const ServiceSide& base = result.sides.front();
    for (std::size_t c = 1; c < result.sides.size(); ++c) {
      const ServiceSide& cand = result.sides[c];
      ServiceComparison comparison;
      comparison.candidate_id = cand.id;
      if (cand.ok) {
        auto measured = [](const StartRecord& s) { return s.ok && s.steady_rps > 0; };
        std::vector<double> base_time, cand_time, base_p99, cand_p99;
        for (const StartRecord& s : base.starts)
          if (measured(s)) base_time.push_back(1 / s.steady_rps), base_p99.push_back(s.steady_p99_s);
        for (const StartRecord& s : cand.starts)
          if (measured(s)) cand_time.push_back(1 / s.steady_rps), cand_p99.push_back(s.steady_p99_s);
        // Start k of each side ran in round k, next to the other (ABBA): paired by round, so that
        // the machine's drift between rounds cancels, when two rounds or more measured both.
        std::vector<double> paired_base_time, paired_cand_time, paired_base_p99, paired_cand_p99;
        for (std::size_t k = 0; k < std::min(base.starts.size(), cand.starts.size()); ++k) {
          const StartRecord& base_start = base.starts[k];
          const StartRecord& cand_start = cand.starts[k];
          if (!measured(base_start) || !measured(cand_start)) continue;
          paired_base_time.push_back(1 / base_start.steady_rps);
          paired_cand_time.push_back(1 / cand_start.steady_rps);
          if (base_start.steady_p99_s > 0 && cand_start.steady_p99_s > 0) {
            paired_base_p99.push_back(base_start.steady_p99_s);
            paired_cand_p99.push_back(cand_start.steady_p99_s);
          }
        }
        comparison.throughput = paired_base_time.size() >= 2
                                    ? stats::paired_speedup(paired_base_time, paired_cand_time)
                                    : stats::welch_speedup(base_time, cand_time);
        comparison.p99_latency = paired_base_p99.size() >= 2
                                     ? stats::paired_speedup(paired_base_p99, paired_cand_p99)
                                     : stats::welch_speedup(base_p99, cand_p99);
        const StartRecord* b = median_start(base);
        const StartRecord* k = median_start(cand);
        if (b != nullptr && k != nullptr && b->steady_rps > 0 && k->steady_rps > 0)
          comparison.break_even =
              stats::break_even(b->ready_s, request_times(b->seconds), k->ready_s, request_times(k->seconds),
                                1 / b->steady_rps, 1 / k->steady_rps);
        if (base.peak_rss_bytes > 0)
          comparison.memory_ratio =
              static_cast<double>(cand.peak_rss_bytes) / static_cast<double>(base.peak_rss_bytes);
      }
      result.comparisons.push_back(comparison);
    }
  }
  add_warnings(result);
}

}  // namespace pypyready::bench::service
