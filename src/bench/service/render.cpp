#include "bench/service/render.h"

#include <fmt/format.h>

#include "bench/ratio_json.h"
#include "bench/render.h"

namespace pypyready::bench::service {
namespace {

std::string seconds_text(double s) {
  if (s <= 0) return "-";
  if (s < 1e-3) return fmt::format("{:.0f} us", s * 1e6);
  if (s < 1) return fmt::format("{:.1f} ms", s * 1e3);
  return fmt::format("{:.2f} s", s);
}

std::string mib(std::uint64_t bytes) {
  return fmt::format("{:.0f} MiB", static_cast<double>(bytes) / 1048576.0);
}

// A server's last output inside a message: its lines indented under the line that quotes it.
std::string indented(const std::string& text) {
  std::string out;
  for (char c : text)
    out += c == '\n' ? std::string("\n      | ") : std::string(1, c);
  return out;
}

std::vector<double> throughput_curve(const StartRecord& start) {
  std::vector<double> curve;
  for (const SecondStats& second : start.seconds)
    curve.push_back(second.requests);
  return curve;
}

// The start whose curve the text shows: the first successful one.
const StartRecord* shown_start(const ServiceSide& side) {
  for (const StartRecord& start : side.starts)
    if (start.ok) return &start;
  return nullptr;
}

// The analysis runs on quarter seconds: its changepoints as seconds since the load started.
std::vector<double> changepoint_seconds(const StartRecord& start) {
  std::vector<double> seconds;
  for (std::size_t index : start.analysis.changepoints)
    seconds.push_back(static_cast<double>(index) * kAnalysisStepS);
  return seconds;
}

nlohmann::json start_json(const StartRecord& start) {
  nlohmann::json seconds = nlohmann::json::array();
  for (std::size_t i = 0; i < start.seconds.size(); ++i) {
    const SecondStats& s = start.seconds[i];
    seconds.push_back({{"t_s", i},
                       {"requests", s.requests},
                       {"errors", s.errors},
                       {"p50_s", s.p50_s},
                       {"p90_s", s.p90_s},
                       {"p99_s", s.p99_s},
                       {"max_s", s.max_s},
                       {"rss_bytes", s.rss_bytes}});
  }
  nlohmann::json statuses = nlohmann::json::object();
  for (const auto& [status, count] : start.statuses)
    statuses[status == 0 ? "connection-failed" : std::to_string(status)] = count;
  return {{"ok", start.ok},
          {"problem", start.problem},
          {"wall_s", start.ready_s + start.load_s},
          {"ready_s", start.ready_s},
          {"load_s", start.load_s},
          {"peak_rss_bytes", start.peak_rss_bytes},
          {"requests", start.requests},
          {"errors", start.errors},
          {"statuses", statuses},
          {"per_second", seconds},
          {"changepoints_s", changepoint_seconds(start)},
          {"classification", start.analysis.classification},
          {"seconds_to_steady", start.seconds_to_steady},
          {"steady_throughput_rps", start.steady_rps},
          {"steady_p50_s", start.steady_p50_s},
          {"steady_p90_s", start.steady_p90_s},
          {"steady_p99_s", start.steady_p99_s},
          {"steady_max_s", start.steady_max_s},
          {"sigterm_ignored", start.sigterm_ignored},
          {"stop_s", start.stop_s},
          {"server_ending", start.server_ending},
          {"last_output", start.last_output},
          {"wrk",
           {{"requests", start.totals.requests},
            {"connect_errors", start.totals.connect_errors},
            {"read_errors", start.totals.read_errors},
            {"write_errors", start.totals.write_errors},
            {"timeout_errors", start.totals.timeout_errors},
            {"status_errors", start.totals.status_errors},
            {"requests_per_s", start.totals.requests_per_s}}}};
}

}  // namespace

nlohmann::json to_json(const ServiceResult& result) {
  nlohmann::json per = nlohmann::json::object();
  for (const ServiceSide& side : result.sides) {
    nlohmann::json starts = nlohmann::json::array();
    for (const StartRecord& start : side.starts)
      starts.push_back(start_json(start));
    // The common keys keep their units: startup_s is the time until the server was ready,
    // steady_mean_s the steady time per request (1 / throughput) under this load.
    per[side.id] = {{"status", side.ok ? "ok" : "cannot-run"},
                    {"reason", side.reason},
                    {"startup_s", side.ready_s},
                    {"first_iteration_s", side.first_second_rps > 0 ? 1 / side.first_second_rps : 0},
                    {"steady_mean_s", side.steady_rps > 0 ? 1 / side.steady_rps : 0},
                    {"steady_p50_s", side.steady_p50_s},
                    {"steady_p99_s", side.steady_p99_s},
                    {"seconds_to_steady", side.seconds_to_steady},
                    {"classification", side.classification},
                    {"consistent", side.consistent},
                    {"peak_rss_bytes", side.peak_rss_bytes},
                    {"ready_s", side.ready_s},
                    {"first_second_rps", side.first_second_rps},
                    {"steady_throughput_rps", side.steady_rps},
                    {"processes", starts}};
  }
  nlohmann::json comparisons = nlohmann::json::array();
  for (const ServiceComparison& comparison : result.comparisons) {
    nlohmann::json be = nullptr;
    if (comparison.break_even)
      be = {{"seconds", comparison.break_even->seconds},
            {"iterations", comparison.break_even->iterations},
            {"requests", comparison.break_even->iterations}};
    comparisons.push_back({{"candidate", comparison.candidate_id},
                           {"speedup", ratio_json(comparison.throughput)},
                           {"latency_p99_speedup", ratio_json(comparison.p99_latency)},
                           {"break_even", be},
                           {"memory_ratio", comparison.memory_ratio}});
  }
  nlohmann::json entry{{"name", result.name},
                       {"mode", "service"},
                       {"per_interpreter", per},
                       {"speedup", nullptr},
                       {"latency_p99_speedup", nullptr},
                       {"break_even", nullptr},
                       {"memory_ratio", nullptr},
                       {"warnings", result.warnings},
                       {"total_s", result.total_s},
                       {"load_average_start", result.load_average_start},
                       {"load_average_end", result.load_average_end},
                       {"cpus", result.cpus},
                       {"service",
                        {{"command", result.command},
                         {"requests", result.requests},
                         {"load", result.load},
                         {"rate_rps", result.rate_rps},
                         {"connections", result.connections},
                         {"duration_s", result.duration_s},
                         {"wrk_ceiling_rps", result.ceiling_rps}}},
                       {"comparisons", comparisons}};
  if (!comparisons.empty()) {
    for (const char* key : {"speedup", "latency_p99_speedup", "break_even", "memory_ratio"})
      entry[key] = comparisons[0][key];
  }
  return entry;
}

std::string render_text(const ServiceResult& result) {
  std::string out = fmt::format(
      "{} (service, {}{}, {} connections, {} s of load per start, {:.0f} s in all)\n", result.name,
      result.load, result.rate_rps > 0 ? fmt::format(" at {:.0f} requests/s", result.rate_rps) : "",
      result.connections, result.duration_s, result.total_s);
  std::string requests;
  for (const std::string& request : result.requests)
    requests += (requests.empty() ? "" : ", ") + request;
  out += "  requests: " + requests;
  if (result.ceiling_rps > 0)
    out += fmt::format("; wrk's ceiling here: {:.0f} requests/s", result.ceiling_rps);
  out += "\n";
  out += fmt::format("  {:<14} {:>8} {:>9} {:>9} {:>9} {:>9}  {:<20} {:>6} {:>8}  {}\n", "interpreter",
                     "ready", "1st s/s", "steady/s", "p50", "p99", "warmup", "starts", "peak RSS",
                     "throughput per second");
  for (const ServiceSide& side : result.sides) {
    if (!side.ok) {
      out += fmt::format("  {:<14} cannot run: {}\n", side.id, indented(side.reason));
      continue;
    }
    std::string warmup = side.classification;
    if (side.classification == "warmup" || side.classification == "slowdown")
      warmup += fmt::format(" {:.1f} s", side.seconds_to_steady);
    if (!side.consistent) warmup += " (mixed)";
    int ok_starts = 0;
    for (const StartRecord& start : side.starts)
      ok_starts += start.ok ? 1 : 0;
    const StartRecord* shown = shown_start(side);
    out += fmt::format("  {:<14} {:>8} {:>9.0f} {:>9.0f} {:>9} {:>9}  {:<20} {:>6} {:>8}  {}\n", side.id,
                       seconds_text(side.ready_s), side.first_second_rps, side.steady_rps,
                       seconds_text(side.steady_p50_s), seconds_text(side.steady_p99_s), warmup, ok_starts,
                       mib(side.peak_rss_bytes),
                       shown != nullptr ? sparkline(throughput_curve(*shown), 30) : "");
  }
  for (const ServiceComparison& comparison : result.comparisons) {
    if (!comparison.throughput) {
      out += fmt::format("  {}: no speedup (needs 2+ successful starts on both sides)\n",
                         comparison.candidate_id);
      continue;
    }
    const auto& t = *comparison.throughput;
    out += fmt::format("  {}: throughput {:.2f}x [{:.2f}x-{:.2f}x, 95% CI, {} starts]",
                       comparison.candidate_id, t.estimate, t.low, t.high, t.processes);
    if (comparison.p99_latency) {
      // Worded the way the tail moved, the interval in the same direction as the estimate.
      const auto& p = *comparison.p99_latency;
      bool lower = p.estimate >= 1;
      out += fmt::format(", p99 latency {:.2f}x {} [{:.2f}x-{:.2f}x]", lower ? p.estimate : 1 / p.estimate,
                         lower ? "lower" : "higher", lower ? p.low : 1 / p.high, lower ? p.high : 1 / p.low);
    }
    out += comparison.break_even
               ? fmt::format(", break-even {} after start ({} requests)",
                             seconds_text(comparison.break_even->seconds), comparison.break_even->iterations)
               : ", break-even never";
    out += fmt::format(", memory {:.1f}x\n", comparison.memory_ratio);
  }
  for (const std::string& warning : result.warnings)
    out += "  warning: " + indented(warning) + "\n";
  return out;
}

std::string render_markdown(const ServiceResult& result) {
  std::string out = fmt::format("### {} (service, {}, {} connections, {} s per start)\n\n", result.name,
                                result.load, result.connections, result.duration_s);
  out +=
      "| interpreter | status | ready | first second | steady throughput | p50 | p99 | warmup | to steady | "
      "peak RSS |\n"
      "|---|---|---|---|---|---|---|---|---|---|\n";
  for (const ServiceSide& side : result.sides)
    out += fmt::format("| {} | {} | {} | {:.0f}/s | {:.0f}/s | {} | {} | {} | {:.1f} s | {} |\n", side.id,
                       side.ok ? "ok" : "cannot run: " + side.reason.substr(0, side.reason.find('\n')),
                       seconds_text(side.ready_s), side.first_second_rps, side.steady_rps,
                       seconds_text(side.steady_p50_s), seconds_text(side.steady_p99_s), side.classification,
                       side.seconds_to_steady, mib(side.peak_rss_bytes));
  for (const ServiceComparison& comparison : result.comparisons)
    if (comparison.throughput)
      out += fmt::format(
          "\n{}: throughput {:.2f}x ({:.2f}x-{:.2f}x, 95% CI){}.\n", comparison.candidate_id,
          comparison.throughput->estimate, comparison.throughput->low, comparison.throughput->high,
          comparison.break_even
              ? fmt::format(", break-even {} after start", seconds_text(comparison.break_even->seconds))
              : "");
  if (result.ceiling_rps > 0)
    out += fmt::format("\nwrk's ceiling on this machine: {:.0f} requests/s.\n", result.ceiling_rps);
  for (const std::string& warning : result.warnings)
    out += "\n- warning: " + warning;
  if (!out.ends_with('\n')) out += "\n";
  return out;
}

std::string render_csv(const ServiceResult& result) {
  std::string out = "interpreter,start,second,requests,errors,p50_s,p90_s,p99_s,max_s,rss_bytes\n";
  for (const ServiceSide& side : result.sides)
    for (std::size_t k = 0; k < side.starts.size(); ++k)
      for (std::size_t i = 0; i < side.starts[k].seconds.size(); ++i) {
        const SecondStats& s = side.starts[k].seconds[i];
        out += fmt::format("{},{},{},{},{},{},{},{},{},{}\n", side.id, k + 1, i, s.requests, s.errors,
                           s.p50_s, s.p90_s, s.p99_s, s.max_s, s.rss_bytes);
      }
  return out;
}

}  // namespace pypyready::bench::service
