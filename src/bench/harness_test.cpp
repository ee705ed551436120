#include "bench/harness.h"

#include <gtest/gtest.h>

#include "bench/noise.h"
#include "bench/render.h"

namespace pypyready::bench {
namespace {

TEST(ParseProbeData, ReadsIterationsAndImportTime) {
  double import_s = 0;
  auto parsed = parse_probe_data("import_ns 2000000\n1000000 900000\n500000 400000\n", &import_s);
  ASSERT_TRUE(parsed.ok());
  EXPECT_DOUBLE_EQ(import_s, 0.002);
  EXPECT_EQ(parsed->first, (std::vector<double>{0.001, 0.0005}));
  EXPECT_EQ(parsed->second, (std::vector<double>{0.0009, 0.0004}));
}

TEST(ParseProbeData, ErrorLineBecomesTheReason) {
  auto parsed = parse_probe_data("error import ModuleNotFoundError: No module named 'numpy'\n");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().message, "import ModuleNotFoundError: No module named 'numpy'");
}

std::string budget_warning(const BenchmarkResult& result) {
  for (const std::string& warning : result.warnings)
    if (warning.find("--time-budget") != std::string::npos) return warning;
  return "";
}

TEST(RunBenchmark, TheBudgetCountsFromWhenItsClockStarted) {
  // Two "interpreters" that are /bin/true: every process succeeds at once. Neither the decision
  // nor a width can end the run (two equal programs can be decided "below 1.2x" after 3 rounds),
  // so only the budget or --max-runs does.
  BenchConfig config;
  for (const char* id : {"a", "b"}) {
    run::Interpreter interpreter;
    interpreter.id = id;
    interpreter.path = "/bin/true";
    config.interpreters.push_back(interpreter);
  }
  config.file = "/dev/null";
  config.time_budget_s = 30;
  config.min_runs = 3;
  config.min_speedup = 0;
  config.ci_width = 0;
  BenchmarkResult own_clock = run_benchmark(config);
  EXPECT_NE(own_clock.stopped_because, "time-budget");
  EXPECT_LT(own_clock.total_s, 30);
  EXPECT_EQ(budget_warning(own_clock), "");

  // The set-up before the first target (finding interpreters, choosing a CPU) is spent from its
  // budget: a clock started 40 s ago leaves nothing for more than the minimum rounds.
  config.budget_started = std::chrono::steady_clock::now() - std::chrono::seconds(40);
  BenchmarkResult spent = run_benchmark(config);
  EXPECT_EQ(spent.stopped_because, "time-budget");
  EXPECT_EQ(spent.per_interpreter[0].processes.size(), 3u);
  EXPECT_GE(spent.total_s, 40);
  // --min-runs comes before the budget, and the run says what that cost.
  EXPECT_NE(budget_warning(spent).find("s of a 30.0 s --time-budget: the start-up rows and the minimum of 3 "
                                       "rounds (--min-runs) took longer"),
            std::string::npos)
      << budget_warning(spent);
}

// A fake run: summarise() and the renderers work on recorded processes without running anything.
BenchmarkResult fake_result() {
  BenchmarkResult result;
  result.name = "work.py:f";
  result.mode = "function";
  result.stopped_because = "decided";
  InterpreterResult baseline, candidate;
  baseline.id = "cpython-3.11";
  candidate.id = "pypy-3.9";
  baseline.startup_s = 0.015;
  candidate.startup_s = 0.05;
  for (int p = 0; p < 4; ++p) {
    ProcessRecord a, b;
    a.iterations_s.assign(20, 0.1 + 0.001 * p);
    b.iterations_s = {0.3, 0.25, 0.2, 0.15, 0.1};
    b.iterations_s.insert(b.iterations_s.end(), 25, 0.02 + 0.0002 * p);
    a.peak_rss_bytes = 10 << 20;
    b.peak_rss_bytes = 50 << 20;
    baseline.processes.push_back(a);
    candidate.processes.push_back(b);
  }
  result.per_interpreter = {baseline, candidate};
  summarise(result, BenchConfig{});
  return result;
}

TEST(Summarise, ClassifiesAndCompares) {
  BenchmarkResult result = fake_result();
  EXPECT_EQ(result.per_interpreter[0].classification, "flat");
  EXPECT_EQ(result.per_interpreter[1].classification, "warmup");
  EXPECT_EQ(result.per_interpreter[1].iterations_to_steady, 5);
  ASSERT_EQ(result.comparisons.size(), 1u);
  ASSERT_TRUE(result.comparisons[0].speedup.has_value());
  EXPECT_NEAR(result.comparisons[0].speedup->estimate, 0.1015 / 0.0203, 0.05);
  EXPECT_DOUBLE_EQ(result.comparisons[0].memory_ratio, 5.0);
  ASSERT_TRUE(result.comparisons[0].break_even.has_value());
  EXPECT_EQ(result.comparisons[0].break_even->iterations, 12u);
}

TEST(Summarise, PairsByRoundOnlyWhenTheRoundsAreAligned) {
  BenchmarkResult result = fake_result();
  const Comparison& paired = result.comparisons[0];
  ASSERT_TRUE(paired.speedup && paired.speedup_unpaired);
  // Both sides slow down together from round to round: the pairing takes that out.
  EXPECT_LT(paired.speedup->high - paired.speedup->low,
            paired.speedup_unpaired->high - paired.speedup_unpaired->low);
  result.rounds_aligned = false;
  summarise(result, BenchConfig{});
  const Comparison& unpaired = result.comparisons[0];
  ASSERT_TRUE(unpaired.speedup && unpaired.speedup_unpaired);
  EXPECT_DOUBLE_EQ(unpaired.speedup->low, unpaired.speedup_unpaired->low);
  EXPECT_DOUBLE_EQ(unpaired.speedup->high, unpaired.speedup_unpaired->high);
}

TEST(Summarise, AProcessWithoutSteadyStateIsLeftOutOfTheSpeedup) {
  BenchmarkResult result = fake_result();
  double steady = result.comparisons[0].speedup->estimate;
  std::size_t break_even = result.comparisons[0].break_even->iterations;
  // Round 0's PyPy process was stopped inside its warmup (the first process's length is a guess).
  result.per_interpreter[1].processes[0].iterations_s = {0.9, 0.6, 0.5, 0.45, 0.4, 0.35};
  summarise(result, BenchConfig{});
  const auto& pypy = result.per_interpreter[1];
  EXPECT_EQ(pypy.processes[0].analysis.classification, "no-steady-state");
  EXPECT_FALSE(pypy.processes[0].counted);
  EXPECT_TRUE(pypy.processes[1].counted);
  EXPECT_TRUE(result.per_interpreter[0].processes[0].counted);
  EXPECT_NEAR(pypy.steady_mean_s, 0.0204, 0.0002);
  // The interval rests on rounds 1-3, paired: as tight as before, the estimate the same.
  const Comparison& comparison = result.comparisons[0];
  EXPECT_EQ(comparison.speedup->processes, 3);
  EXPECT_NEAR(comparison.speedup->estimate, steady, 0.01 * steady);
  EXPECT_LT(comparison.speedup->high / comparison.speedup->low, 1.02);
  // Nor does it cut the warmup curve short: the break-even stays where the others put it.
  ASSERT_TRUE(comparison.break_even.has_value());
  EXPECT_EQ(comparison.break_even->iterations, break_even);
  // Counted in the JSON, so that a reader can redo the figures.
  EXPECT_FALSE(to_json({result})["benchmarks"][0]["per_interpreter"]["pypy-3.9"]["processes"][0]["counted"]);
}

TEST(Summarise, WithoutTwoSteadyProcessesTheLongestCount) {
  BenchmarkResult result = fake_result();
  // Every PyPy process still falling when it ended; the later ones ran longer (as the harness
  // doubles the length while processes end unsteady).
  auto& processes = result.per_interpreter[1].processes;
  for (std::size_t p = 0; p < processes.size(); ++p) {
    processes[p].iterations_s.clear();
    for (std::size_t i = 0; i < (6u << p); ++i)
      processes[p].iterations_s.push_back(0.2 / (1.0 + 0.5 * static_cast<double>(i)));
  }
  summarise(result, BenchConfig{});
  for (const auto& process : processes)
    EXPECT_EQ(process.analysis.classification, "no-steady-state");
  // In-process time 0.64, 0.87, 1.12 and 1.38 s: the first is under half the longest.
  EXPECT_FALSE(processes[0].counted);
  EXPECT_TRUE(processes[1].counted && processes[2].counted && processes[3].counted);
  ASSERT_TRUE(result.comparisons[0].speedup.has_value());
  EXPECT_EQ(result.comparisons[0].speedup->processes, 3);
  auto warnings = noise_warnings(result);
  EXPECT_NE(std::find_if(warnings.begin(), warnings.end(),
                         [](const std::string& w) {
                           return w.find("the final segments of the 3") != std::string::npos;
                         }),
            warnings.end());
}

TEST(Summarise, ConsistencyAndNoiseWarnings) {
  BenchmarkResult result = fake_result();
  EXPECT_TRUE(result.per_interpreter[1].consistent);
  EXPECT_TRUE(noise_warnings(result).empty());
  // One PyPy process that never settles, a busy machine, and CPython waiting for the CPU.
  std::vector<double> unsteady(16, 0.02);
  unsteady.insert(unsteady.end(), 4, 0.06);
  result.per_interpreter[1].processes[0].iterations_s = unsteady;
  for (auto& process : result.per_interpreter[0].processes) {
    process.iterations_cpu_s.assign(process.iterations_s.size(), 0.07);
  }
  result.load_average_start = 6;
  result.cpus = 2;
  summarise(result, BenchConfig{});
  EXPECT_FALSE(result.per_interpreter[1].consistent);
  EXPECT_NEAR(result.per_interpreter[0].wall_cpu_ratio, 0.1015 / 0.07, 0.01);
  auto warnings = noise_warnings(result);
  auto has = [&](const std::string& part) {
    return std::any_of(warnings.begin(), warnings.end(),
                       [&](const std::string& w) { return w.find(part) != std::string::npos; });
  };
  EXPECT_TRUE(has("load average 6.0 on 2 CPUs"));
  EXPECT_TRUE(has("cpython-3.11: wall time was 45 % above CPU time"));
  EXPECT_TRUE(has("pypy-3.9: processes disagree"));
  EXPECT_TRUE(has("pypy-3.9: 1 of 4 processes reached no steady state"));
}

TEST(Render, JsonCarriesUnitsInKeysAndTextShowsTheVerdict) {
  std::vector<BenchmarkResult> results{fake_result()};
  nlohmann::json json = to_json(results);
  const auto& pypy = json["benchmarks"][0]["per_interpreter"]["pypy-3.9"];
  EXPECT_EQ(pypy["status"], "ok");
  EXPECT_EQ(pypy["classification"], "warmup");
  EXPECT_EQ(pypy["processes"].size(), 4u);
  EXPECT_EQ(pypy["processes"][0]["steady_start"], 5);
  EXPECT_NEAR(pypy["processes"][0]["seconds_to_steady"].get<double>(), 1.0, 1e-9);
  EXPECT_TRUE(pypy["processes"][0]["outliers"].empty());
  EXPECT_TRUE(pypy["consistent"].get<bool>());
  EXPECT_TRUE(json["benchmarks"][0]["speedup"]["ci95"].is_array());
  EXPECT_EQ(json["benchmarks"][0]["break_even"]["iterations"], 12);
  std::string text = render_text(results);
  EXPECT_NE(text.find("pypy-3.9: 5.0"), std::string::npos) << text;
  EXPECT_NE(text.find("x faster"), std::string::npos);
  EXPECT_NE(render_csv(results).find("\"work.py:f\",pypy-3.9,ok"), std::string::npos);
  EXPECT_NE(render_markdown(results).find("| work.py:f | cpython-3.11 | ok |"), std::string::npos);
}

TEST(Render, SparklineSpansLowToHigh) {
  EXPECT_EQ(sparkline({1, 2, 3, 4, 5, 6, 7, 8}), "▁▂▃▄▅▆▇█");
  EXPECT_EQ(sparkline({}), "");
}

}  // namespace
}  // namespace pypyready::bench
