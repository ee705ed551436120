#include "bench/render.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace pypyready::bench {
namespace {

std::string seconds(double s) {
  if (s <= 0) return "-";
  if (s < 1e-3) return fmt::format("{:.1f} us", s * 1e6);
  if (s < 1) return fmt::format("{:.2f} ms", s * 1e3);
  return fmt::format("{:.3f} s", s);
}

std::string mib(std::uint64_t bytes) {
  return fmt::format("{:.1f} MiB", static_cast<double>(bytes) / 1048576.0);
}

nlohmann::json ratio_json(const std::optional<stats::Ratio>& ratio) {
  if (!ratio) return nullptr;
  return {
      {"estimate", ratio->estimate}, {"ci95", {ratio->low, ratio->high}}, {"processes", ratio->processes}};
}

const std::vector<double>* median_process(const InterpreterResult& side) {
  if (side.processes.empty()) return nullptr;
  return &side.processes[side.processes.size() / 2].iterations_s;
}

}  // namespace

std::string sparkline(const std::vector<double>& values, std::size_t width) {
  static const char* kBars[] = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
  if (values.empty()) return "";
  std::size_t columns = std::min(width, values.size());
  std::vector<double> buckets(columns, 0);
  for (std::size_t c = 0; c < columns; ++c) {
    std::size_t from = c * values.size() / columns, to = (c + 1) * values.size() / columns;
    for (std::size_t i = from; i < to; ++i)
      buckets[c] += values[i] / static_cast<double>(to - from);
  }
  auto [low, high] = std::minmax_element(buckets.begin(), buckets.end());
  std::string out;
  for (double b : buckets) {
    int level = *high > *low ? static_cast<int>(std::lround((b - *low) / (*high - *low) * 7)) : 0;
    out += kBars[std::clamp(level, 0, 7)];
  }
  return out;
}

nlohmann::json to_json(const std::vector<BenchmarkResult>& results) {
  nlohmann::json benchmarks = nlohmann::json::array();
  for (const auto& result : results) {
    nlohmann::json per = nlohmann::json::object();
    for (const auto& side : result.per_interpreter) {
      nlohmann::json processes = nlohmann::json::array();
      for (const auto& process : side.processes) {
        processes.push_back({{"iterations_s", process.iterations_s},
                             {"iterations_cpu_s", process.iterations_cpu_s},
                             {"changepoints", process.analysis.changepoints},
                             {"classification", process.analysis.classification},
                             {"wall_s", process.wall_s},
                             {"peak_rss_bytes", process.peak_rss_bytes}});
      }
      nlohmann::json curve = nlohmann::json::array();
      for (const auto& sample : side.rss_curve)
        curve.push_back({sample.t_s, sample.rss_bytes});
      per[side.id] = {{"status", side.ok ? "ok" : "cannot-run"},
                      {"reason", side.reason},
                      {"startup_s", side.startup_s},
                      {"import_s", side.import_s},
                      {"first_iteration_s", side.first_iteration_s},
                      {"steady_mean_s", side.steady_mean_s},
                      {"steady_p50_s", side.steady_p50_s},
                      {"steady_p99_s", side.steady_p99_s},
                      {"iterations_to_steady", side.iterations_to_steady},
                      {"seconds_to_steady", side.seconds_to_steady},
                      {"classification", side.classification},
                      {"processes", processes},
                      {"peak_rss_bytes", side.peak_rss_bytes},
                      {"rss_curve", curve}};
    }
    nlohmann::json entry{{"name", result.name},         {"mode", result.mode},
                         {"per_interpreter", per},      {"speedup", nullptr},
                         {"break_even", nullptr},       {"memory_ratio", nullptr},
                         {"warnings", result.warnings}, {"stopped_because", result.stopped_because},
                         {"total_s", result.total_s}};
    nlohmann::json comparisons = nlohmann::json::array();
    for (const auto& comparison : result.comparisons) {
      nlohmann::json be = nullptr;
      if (comparison.break_even)
        be = {{"seconds", comparison.break_even->seconds}, {"iterations", comparison.break_even->iterations}};
      comparisons.push_back({{"candidate", comparison.candidate_id},
                             {"speedup", ratio_json(comparison.speedup)},
                             {"speedup_bootstrap", ratio_json(comparison.bootstrap)},
                             {"break_even", be},
                             {"memory_ratio", comparison.memory_ratio}});
    }
    if (!comparisons.empty()) {
      entry["speedup"] = comparisons[0]["speedup"];
      entry["break_even"] = comparisons[0]["break_even"];
      entry["memory_ratio"] = comparisons[0]["memory_ratio"];
    }
    entry["comparisons"] = comparisons;
    benchmarks.push_back(entry);
  }
  return {{"benchmarks", benchmarks}};
}

std::string render_text(const std::vector<BenchmarkResult>& results) {
  std::string out;
  for (const auto& result : results) {
    out += fmt::format("{} ({}, {:.1f} s, stopped: {})\n", result.name, result.mode, result.total_s,
                       result.stopped_because);
    for (const auto& side : result.per_interpreter) {
      if (!side.ok) {
        out += fmt::format("  {:<16} cannot run: {}\n", side.id, side.reason);
        continue;
      }
      const auto* series = median_process(side);
      out += fmt::format("  {:<16} start-up {:>9}  steady {:>9} (p99 {:>9})  {:<15} {:>3} proc  {:>10}  {}\n",
                         side.id, seconds(side.startup_s), seconds(side.steady_mean_s),
                         seconds(side.steady_p99_s), side.classification, side.processes.size(),
                         mib(side.peak_rss_bytes),
                         series != nullptr && series->size() > 1 ? sparkline(*series) : "");
    }
    for (const auto& comparison : result.comparisons) {
      if (!comparison.speedup) {
        out += fmt::format("  {}: no speedup (needs 2+ successful processes on both sides)\n",
                           comparison.candidate_id);
        continue;
      }
      const auto& s = *comparison.speedup;
      std::string verdict = s.estimate >= 1 ? fmt::format("{:.2f}x faster", s.estimate)
                                            : fmt::format("{:.2f}x slower", 1 / s.estimate);
      out += fmt::format("  {}: {} [{:.2f}x-{:.2f}x, 95% CI, {} processes]", comparison.candidate_id, verdict,
                         s.low, s.high, s.processes);
      if (result.mode == "function") {
        out += comparison.break_even
                   ? fmt::format(", break-even {} ({} iterations)", seconds(comparison.break_even->seconds),
                                 comparison.break_even->iterations)
                   : ", break-even never";
      }
      out += fmt::format(", memory {:.1f}x\n", comparison.memory_ratio);
    }
    for (const auto& warning : result.warnings)
      out += "  warning: " + warning + "\n";
  }
  return out;
}

std::string render_markdown(const std::vector<BenchmarkResult>& results) {
  std::string out =
      "| benchmark | interpreter | status | start-up | steady mean | classification | peak RSS |\n"
      "|---|---|---|---|---|---|---|\n";
  for (const auto& result : results)
    for (const auto& side : result.per_interpreter)
      out += fmt::format("| {} | {} | {} | {} | {} | {} | {} |\n", result.name, side.id,
                         side.ok ? "ok" : "cannot run: " + side.reason, seconds(side.startup_s),
                         seconds(side.steady_mean_s), side.classification, mib(side.peak_rss_bytes));
  return out;
}

std::string render_csv(const std::vector<BenchmarkResult>& results) {
  std::string out =
      "benchmark,interpreter,status,startup_s,steady_mean_s,steady_p99_s,classification,processes,"
      "peak_rss_bytes\n";
  auto quote = [](const std::string& text) {
    std::string q = "\"";
    for (char c : text)
      q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
  };
  for (const auto& result : results)
    for (const auto& side : result.per_interpreter)
      out += fmt::format("{},{},{},{},{},{},{},{},{}\n", quote(result.name), side.id,
                         side.ok ? "ok" : "cannot-run", side.startup_s, side.steady_mean_s, side.steady_p99_s,
                         side.classification, side.processes.size(), side.peak_rss_bytes);
  return out;
}

}  // namespace pypyready::bench
