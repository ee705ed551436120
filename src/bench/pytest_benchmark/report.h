#pragma once
// Views of a pytest-benchmark suite comparison: the per-benchmark tables of every other benchmark
// (bench/render.h) framed by where the numbers came from and the suite's geometric mean. Reads
// SuiteResult only; computes nothing.

#include <nlohmann/json.hpp>
#include <string>

#include "bench/pytest_benchmark/suite_result.h"

namespace pypyready::bench::pytest_benchmark {

/// The `bench` section: the benchmarks as bench::to_json writes them, each with a
/// `pytest_benchmark` object, plus `suite`.
nlohmann::json suite_to_json(const SuiteResult& suite);

std::string render_suite_text(const SuiteResult& suite);
std::string render_suite_markdown(const SuiteResult& suite);

/// The suite's one-line verdict: "pypy-3.9: geometric mean 3.1x faster [2.6x-3.8x, 95% CI, 4
/// processes] over 4 benchmarks".
std::string suite_line(const SuiteResult& suite);

}  // namespace pypyready::bench::pytest_benchmark
