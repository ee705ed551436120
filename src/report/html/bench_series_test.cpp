// The process a chart draws: the middle one of those the steady figures rest on.

#include "report/html/bench_series.h"

#include <gtest/gtest.h>

namespace pypyready::report::html {
namespace {

results::BenchProcess process(double level, const nlohmann::json& counted) {
  results::BenchProcess p;
  p.extra = {{"iterations_s", {level, level, level}}, {"steady_start", 0}};
  if (!counted.is_null()) p.extra["counted"] = counted;
  return p;
}

results::Benchmark one_side(std::vector<results::BenchProcess> processes) {
  results::Benchmark benchmark;
  benchmark.per_interpreter["pypy-3.9"].processes = std::move(processes);
  return benchmark;
}

TEST(BenchSeries, DrawsTheMiddleCountedProcess) {
  // The middle process ended inside its warmup and is not counted: the middle of the other two is
  // the last one.
  results::Results results;
  auto series =
      bench_series(one_side({process(0.1, true), process(0.9, false), process(0.2, true)}), results);
  ASSERT_EQ(series.size(), 1u);
  EXPECT_EQ(series[0].iterations_s, (std::vector<double>{0.2, 0.2, 0.2}));
  EXPECT_EQ(series[0].processes_run, 3u);
  EXPECT_EQ(series[0].processes_counted, 2u);
}

TEST(BenchSeries, OlderReportsWithoutCountedDrawTheMiddleProcess) {
  results::Results results;
  auto series =
      bench_series(one_side({process(0.1, nullptr), process(0.3, nullptr), process(0.2, "yes")}), results);
  ASSERT_EQ(series.size(), 1u);
  EXPECT_EQ(series[0].iterations_s, (std::vector<double>{0.3, 0.3, 0.3}));
  EXPECT_EQ(series[0].processes_counted, 3u);
}

}  // namespace
}  // namespace pypyready::report::html
