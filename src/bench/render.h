#pragma once
// Views of benchmark results: JSON in the `bench` section shape of design.md (units in the keys),
// a compact text table with warmup sparklines, Markdown and CSV. Renderers never compute
// statistics; they read BenchmarkResult (moves to src/report/ when that layer exists).

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "bench/harness.h"

namespace pypyready::bench {

/// The `bench` section: {"benchmarks": [...]}.
nlohmann::json to_json(const std::vector<BenchmarkResult>& results);

/// Compact table: one line per interpreter, then speedup / break-even / memory lines.
std::string render_text(const std::vector<BenchmarkResult>& results);

/// A Markdown table of the same numbers.
std::string render_markdown(const std::vector<BenchmarkResult>& results);

/// One CSV row per benchmark and interpreter.
std::string render_csv(const std::vector<BenchmarkResult>& results);

/// Eight-level bar characters for a series, bucketed to at most `width` columns.
std::string sparkline(const std::vector<double>& values, std::size_t width = 16);

}  // namespace pypyready::bench
