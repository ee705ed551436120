#include "bench/render.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "bench/duration_text.h"
#include "bench/ratio_json.h"
#include "bench/steady_sample.h"

namespace pypyready::bench {
namespace {

std::string mib(std::uint64_t bytes) {
  return fmt::format("{:.1f} MiB", static_cast<double>(bytes) / 1048576.0);
}

// The warmup curve shown: the middle one of the processes the figures rest on (a process left out
// ended inside its warmup and would show a curve that never settles).
const std::vector<double>* median_process(const InterpreterResult& side) {
  std::vector<const ProcessRecord*> counted = counted_processes(side);
  if (counted.empty()) return nullptr;
  return &counted[counted.size() / 2]->iterations_s;
}

}  // namespace

std::string sparkline(const std::vector<double>& values, std::size_t width) {
  static const char* const kBars[] = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
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
        std::vector<std::size_t> outliers;
        for (std::size_t i = 0; i < process.analysis.outliers.size(); ++i)
          if (process.analysis.outliers[i]) outliers.push_back(i);
        processes.push_back({{"iterations_s", process.iterations_s},
                             {"iterations_cpu_s", process.iterations_cpu_s},
                             {"changepoints", process.analysis.changepoints},
                             {"outliers", outliers},
                             {"classification", process.analysis.classification},
                             {"counted", process.counted},
                             {"steady_start", process.analysis.steady_start},
                             {"steady_mean_s", process.analysis.steady_mean_s},
                             {"seconds_to_steady", process.analysis.seconds_to_steady},
                             {"wall_s", process.wall_s},
                             {"cpu_s", process.cpu_s},
                             {"involuntary_switches", process.involuntary_switches},
                             {"peak_rss_bytes", process.peak_rss_bytes}});
      }
      nlohmann::json curve = nlohmann::json::array();
      for (const auto& sample : side.rss_curve)
        curve.push_back({sample.t_s, sample.rss_bytes});
      per[side.id] = {{"status", side.ok ? "ok" : "cannot-run"},
                      {"reason", side.reason},
                      {"startup_s", side.startup_s},
                      {"startup_runs_s", side.startup_runs_s},
                      {"startup_import_s", side.startup_import_s},
                      {"startup_import_runs_s", side.import_runs_s},
                      {"import_s", side.import_s},
                      {"first_iteration_s", side.first_iteration_s},
                      {"steady_mean_s", side.steady_mean_s},
                      {"steady_p50_s", side.steady_p50_s},
                      {"steady_p99_s", side.steady_p99_s},
                      {"iterations_to_steady", side.iterations_to_steady},
                      {"seconds_to_steady", side.seconds_to_steady},
                      {"classification", side.classification},
                      {"consistent", side.consistent},
                      {"wall_cpu_ratio", side.wall_cpu_ratio},
                      {"processes", processes},
                      {"peak_rss_bytes", side.peak_rss_bytes},
                      {"rss_curve", curve}};
    }
    nlohmann::json entry{
        {"name", result.name},
        {"mode", result.mode},
        {"per_interpreter", per},
        {"speedup", nullptr},
        {"speedup_cpu", nullptr},
        {"break_even", nullptr},
        {"memory_ratio", nullptr},
        {"warnings", result.warnings},
        {"stopped_because", result.stopped_because},
        {"total_s", result.total_s},
        {"load_average_start", result.load_average_start},
        {"load_average_end", result.load_average_end},
        {"cpus", result.cpus},
        {"pinned_cpu", result.pinned_cpu >= 0 ? nlohmann::json(result.pinned_cpu) : nullptr}};
    nlohmann::json comparisons = nlohmann::json::array();
    for (const auto& comparison : result.comparisons) {
      nlohmann::json be = nullptr;
      if (comparison.break_even)
        be = {{"seconds", comparison.break_even->seconds}, {"iterations", comparison.break_even->iterations}};
      comparisons.push_back({{"candidate", comparison.candidate_id},
                             {"speedup", ratio_json(comparison.speedup)},
                             {"speedup_unpaired", ratio_json(comparison.speedup_unpaired)},
                             {"speedup_bootstrap", ratio_json(comparison.bootstrap)},
                             {"speedup_cpu", ratio_json(comparison.speedup_cpu)},
                             {"break_even", be},
                             {"memory_ratio", comparison.memory_ratio}});
    }
    if (!comparisons.empty()) {
      entry["speedup"] = comparisons[0]["speedup"];
      entry["break_even"] = comparisons[0]["break_even"];
      entry["memory_ratio"] = comparisons[0]["memory_ratio"];
      entry["speedup_cpu"] = comparisons[0]["speedup_cpu"];
    }
    entry["comparisons"] = comparisons;
    benchmarks.push_back(entry);
  }
  return {{"benchmarks", benchmarks}};
}

std::string render_text(const std::vector<BenchmarkResult>& results) {
  std::string out;
  for (const auto& result : results) {
    bool per_iteration = has_iterations(result);
    out += fmt::format("{} ({}, {:.1f} s, stopped: {}{})\n", result.name, result.mode, result.total_s,
                       result.stopped_because,
                       result.pinned_cpu >= 0 ? fmt::format(", on CPU {}", result.pinned_cpu) : "");
    out += fmt::format("  {:<16} {:>9} {:>9} {:>9} {:>9} {:>9}  {:<26} {:>5} {:>10}  {}\n", "interpreter",
                       "start-up", "+import", per_iteration ? "first it" : "run", "steady", "p99", "warmup",
                       "procs", "peak RSS", per_iteration ? "warmup curve" : "");
    for (const auto& side : result.per_interpreter) {
      if (!side.ok) {
        out += fmt::format("  {:<16} cannot run: {}\n", side.id, side.reason);
        continue;
      }
      const auto* series = median_process(side);
      std::string warmup = side.classification;
      if (side.classification == "warmup" || side.classification == "slowdown")
        warmup +=
            fmt::format(" {:.0f} it, {}", side.iterations_to_steady, duration_text(side.seconds_to_steady));
      if (!side.consistent) warmup += " (mixed)";
      out += fmt::format("  {:<16} {:>9} {:>9} {:>9} {:>9} {:>9}  {:<26} {:>5} {:>10}  {}\n", side.id,
                         duration_text(side.startup_s), duration_text(side.startup_import_s),
                         duration_text(side.first_iteration_s), duration_text(side.steady_mean_s),
                         duration_text(side.steady_p99_s), warmup, side.processes.size(),
                         mib(side.peak_rss_bytes),
                         per_iteration && series != nullptr && series->size() > 1 ? sparkline(*series) : "");
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
      out += fmt::format("  {}: {} [{:.2f}x-{:.2f}x, 95% CI, {} process{}]", comparison.candidate_id, verdict,
                         s.low, s.high, s.processes, s.processes == 1 ? "" : "es");
      // Only the function probe times every call from process start (pytest-benchmark hides its
      // calibration calls), so only it has a break-even point.
      if (result.mode == "function") {
        out += comparison.break_even ? fmt::format(", break-even {} ({} iterations)",
                                                   duration_text(comparison.break_even->seconds),
                                                   comparison.break_even->iterations)
                                     : ", break-even never";
      }
      // Imported pytest-benchmark runs carry no memory figures.
      out += comparison.memory_ratio > 0 ? fmt::format(", memory {:.1f}x\n", comparison.memory_ratio) : "\n";
      // On a busy machine the CPU-time estimate is the steadier one; show it when they differ.
      if (comparison.speedup_cpu && !result.warnings.empty())
        out += fmt::format("  {}: by CPU time {:.2f}x [{:.2f}x-{:.2f}x]\n", comparison.candidate_id,
                           comparison.speedup_cpu->estimate, comparison.speedup_cpu->low,
                           comparison.speedup_cpu->high);
    }
    for (const auto& warning : result.warnings)
      out += "  warning: " + warning + "\n";
  }
  return out;
}

std::string render_markdown(const std::vector<BenchmarkResult>& results) {
  std::string out =
      "| benchmark | interpreter | status | start-up | start-up + import | first iteration | steady mean | "
      "classification | to steady | peak RSS |\n"
      "|---|---|---|---|---|---|---|---|---|---|\n";
  for (const auto& result : results)
    for (const auto& side : result.per_interpreter)
      out += fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |\n", result.name, side.id,
                         side.ok ? "ok" : "cannot run: " + side.reason, duration_text(side.startup_s),
                         duration_text(side.startup_import_s), duration_text(side.first_iteration_s),
                         duration_text(side.steady_mean_s), side.classification,
                         duration_text(side.seconds_to_steady), mib(side.peak_rss_bytes));
  std::string speedups;
  for (const auto& result : results)
    for (const auto& comparison : result.comparisons) {
      if (!comparison.speedup) continue;
      const auto& s = *comparison.speedup;
      std::string be = result.mode != "function" ? "n/a"
                       : comparison.break_even   ? duration_text(comparison.break_even->seconds)
                                                 : "never";
      speedups += fmt::format("| {} | {} | {:.2f}x | {:.2f}x-{:.2f}x | {} | {} | {:.1f}x |\n", result.name,
                              comparison.candidate_id, s.estimate, s.low, s.high, s.processes, be,
                              comparison.memory_ratio);
    }
  if (!speedups.empty())
    out +=
        "\n| benchmark | candidate | speedup | 95% CI | processes | break-even | memory |\n"
        "|---|---|---|---|---|---|---|\n" +
        speedups;
  for (const auto& result : results)
    for (const auto& warning : result.warnings)
      out += fmt::format("\n- warning ({}): {}", result.name, warning);
  if (!out.empty() && out.back() != '\n') out += "\n";
  return out;
}

std::string render_csv(const std::vector<BenchmarkResult>& results) {
  std::string out =
      "benchmark,interpreter,status,startup_s,steady_mean_s,steady_p99_s,classification,processes,"
      "peak_rss_bytes,startup_import_s,first_iteration_s,iterations_to_steady,seconds_to_steady,"
      "speedup,speedup_ci95_low,speedup_ci95_high\n";
  auto quote = [](const std::string& text) {
    std::string q = "\"";
    for (char c : text)
      q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
  };
  for (const auto& result : results)
    for (const auto& side : result.per_interpreter) {
      // The speedup columns belong to candidates; the baseline's row leaves them empty.
      std::string speedup = ",,";
      for (const auto& comparison : result.comparisons)
        if (comparison.candidate_id == side.id && comparison.speedup)
          speedup = fmt::format("{},{},{}", comparison.speedup->estimate, comparison.speedup->low,
                                comparison.speedup->high);
      out +=
          fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n", quote(result.name), side.id,
                      side.ok ? "ok" : "cannot-run", side.startup_s, side.steady_mean_s, side.steady_p99_s,
                      side.classification, side.processes.size(), side.peak_rss_bytes, side.startup_import_s,
                      side.first_iteration_s, side.iterations_to_steady, side.seconds_to_steady, speedup);
    }
  return out;
}

}  // namespace pypyready::bench
