#include "app/commands/bench_merge.h"

#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <optional>

#include "app/commands/output.h"
#include "bench/merge.h"
#include "core/file_io.h"

namespace pypyready::app {
namespace {

// The line and column of nlohmann's 1-based byte position, for a parse error's message.
std::string position_of(const std::string& text, std::size_t byte) {
  std::size_t at = std::min(byte == 0 ? 0 : byte - 1, text.size());  // 0-based
  auto before = text.begin() + static_cast<std::ptrdiff_t>(at);
  auto line = 1 + std::count(text.begin(), before, '\n');
  auto line_start = std::find(std::make_reverse_iterator(before), text.rend(), '\n').base();
  return fmt::format("line {}, column {}", line, before - line_start + 1);
}

// The run's `bench` section, or why the file cannot be one.
std::optional<bench::SavedRun> read_run(const std::string& path) {
  auto text = core::read_file(path);
  if (!text) {
    std::cerr << "pypyready bench --merge: " << text.error().message << "; left out\n";
    return std::nullopt;
  }
  nlohmann::json document;
  try {
    document = nlohmann::json::parse(*text);
  } catch (const nlohmann::json::parse_error& error) {
    std::cerr
        << "pypyready bench --merge: " << path << ": " << position_of(*text, error.byte)
        << ": not valid JSON; expected the output of `pypyready bench --format json` or --save; left out\n";
    return std::nullopt;
  }
  if (!document.is_object() || !document.contains("bench") || !document["bench"].is_object()) {
    std::cerr << "pypyready bench --merge: " << path
              << ": no \"bench\" section; expected the output of `pypyready bench --format json`, a --save "
                 "file or a report.json of `pypyready check`; left out\n";
    return std::nullopt;
  }
  return bench::SavedRun{path, document["bench"]};
}

std::string merged_csv(const std::vector<bench::MergedBenchmark>& merged) {
  std::string out =
      "benchmark,baseline,candidate,speedup,ci_low,ci_high,runs,between_runs_sd,"
      "heterogeneity_i2,next_run_low,next_run_high\n";
  for (const auto& benchmark : merged) {
    if (!benchmark.pooled) continue;
    const auto& pooled = *benchmark.pooled;
    std::string quoted;  // CSV doubles a quote inside a quoted field
    for (char c : benchmark.name)
      quoted += c == '"' ? std::string(2, '"') : std::string(1, c);
    auto bound = [&](bool low) {
      return pooled.next_run ? fmt::format("{:.6g}", low ? pooled.next_run->first : pooled.next_run->second)
                             : "";
    };
    out +=
        fmt::format("\"{}\",{},{},{:.6g},{:.6g},{:.6g},{},{:.6g},{:.6g},{},{}\n", quoted, benchmark.baseline,
                    benchmark.candidate, pooled.ratio.estimate, pooled.ratio.low, pooled.ratio.high,
                    pooled.runs, pooled.between_runs_sd, pooled.heterogeneity, bound(true), bound(false));
  }
  return out;
}

}  // namespace

ExitCode run_bench_merge(const std::vector<std::string>& files, const std::string& format,
                         const std::string& output) {
  std::vector<bench::SavedRun> runs;
  for (const auto& file : files)
    if (auto run = read_run(file)) runs.push_back(std::move(*run));
  if (runs.size() < 2) {
    std::cerr << fmt::format("error: --merge needs two or more runs; {} of the {} given could be read\n",
                             runs.size(), files.size());
    return ExitCode::kUsageError;
  }
  auto merged = bench::merge_runs(runs);
  std::string text;
  if (format == "json") {
    nlohmann::json document{{"schema", "pypyready/1"}, {"bench_merged", bench::merged_json(merged, runs)}};
    text = document.dump(2) + "\n";
  } else if (format == "markdown") {
    text = bench::render_merged_markdown(merged, runs.size());
  } else if (format == "csv") {
    text = merged_csv(merged);
  } else {
    text = bench::render_merged_text(merged, runs.size());
  }
  return emit_report("bench", output, text) ? ExitCode::kSuccess : ExitCode::kUsageError;
}

}  // namespace pypyready::app
