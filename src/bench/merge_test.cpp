#include "bench/merge.h"

#include <gtest/gtest.h>

namespace pypyready::bench {
namespace {

// A `bench` section with one benchmark per (name, estimate, low, high); a negative estimate stands
// for "no speedup" (a side that could not run).
nlohmann::json section(const std::vector<std::tuple<std::string, double, double, double>>& benchmarks) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& [name, estimate, low, high] : benchmarks) {
    nlohmann::json speedup =
        estimate < 0 ? nlohmann::json(nullptr)
                     : nlohmann::json{{"estimate", estimate}, {"ci95", {low, high}}, {"processes", 5}};
    list.push_back({{"name", name},
                    {"per_interpreter",
                     {{"cpython-3.11", nlohmann::json::object()}, {"pypy-3.9", nlohmann::json::object()}}},
                    {"speedup", speedup},
                    {"comparisons", {{{"candidate", "pypy-3.9"}, {"speedup", speedup}}}}});
  }
  return {{"benchmarks", list}};
}

TEST(MergeRuns, PoolsEachBenchmarkAcrossRunsFromDifferentDirectories) {
  std::vector<SavedRun> runs{
      {"a.json", section({{"/ci/job-1/proj/bench/loop.py", 1.90, 1.85, 1.95},
                          {"/ci/job-1/proj/cli.py", 0.50, 0.49, 0.51}})},
      {"b.json", section({{"/home/runner/proj/bench/loop.py", 2.05, 2.00, 2.10},
                          {"/home/runner/proj/cli.py", 0.52, 0.51, 0.53}})},
      {"c.json", section({{"/tmp/x/bench/loop.py", 1.98, 1.93, 2.03}, {"/tmp/x/cli.py", -1, 0, 0}})},
  };
  auto merged = merge_runs(runs);
  ASSERT_EQ(merged.size(), 2U);
  EXPECT_EQ(merged[0].name, "loop.py");
  EXPECT_EQ(merged[0].baseline, "cpython-3.11");
  EXPECT_EQ(merged[0].candidate, "pypy-3.9");
  ASSERT_EQ(merged[0].runs.size(), 3U);
  ASSERT_TRUE(merged[0].pooled.has_value());
  EXPECT_EQ(merged[0].pooled->runs, 3);
  // The runs disagree beyond their own intervals: the pooled interval holds all three estimates.
  EXPECT_LT(merged[0].pooled->ratio.low, 1.90);
  EXPECT_GT(merged[0].pooled->ratio.high, 2.05);
  EXPECT_GT(merged[0].pooled->between_runs_sd, 0.02);
  // cli.py: two of three runs have a speedup, so it is still pooled; the third is listed.
  EXPECT_EQ(merged[1].name, "cli.py");
  ASSERT_EQ(merged[1].runs.size(), 3U);
  EXPECT_FALSE(merged[1].runs[2].speedup.has_value());
  EXPECT_TRUE(merged[1].pooled.has_value());

  std::string text = render_merged_text(merged, runs.size());
  EXPECT_NE(text.find("merged 3 runs"), std::string::npos) << text;
  EXPECT_NE(text.find("loop.py, pypy-3.9 over cpython-3.11: "), std::string::npos) << text;
  EXPECT_NE(text.find("no speedup"), std::string::npos) << text;
  nlohmann::json json = merged_json(merged, runs);
  EXPECT_EQ(json["runs"].size(), 3U);
  EXPECT_EQ(json["benchmarks"][0]["speedup"]["runs"], 3);
  // Three runs: a further run's range is given and is wider than the pooled interval.
  ASSERT_EQ(json["benchmarks"][0]["next_run95"].size(), 2U);
  EXPECT_LT(json["benchmarks"][0]["next_run95"][0].get<double>(), merged[0].pooled->ratio.low);
  EXPECT_NE(text.find("a further run: "), std::string::npos) << text;
  EXPECT_TRUE(json["benchmarks"][1]["next_run95"].is_null());  // cli.py: two runs only
  EXPECT_TRUE(json["benchmarks"][1]["per_run"][2]["speedup"].is_null());
  EXPECT_NE(render_merged_markdown(merged, runs.size()).find("| loop.py | pypy-3.9 |"), std::string::npos);
}

// One run of loop.py whose baseline took `baseline_s` per iteration (0: not recorded).
SavedRun timed_run(const std::string& source, double speedup, double baseline_s) {
  nlohmann::json run = section({{"/p/loop.py", speedup, speedup * 0.98, speedup * 1.02}});
  if (baseline_s > 0) run["benchmarks"][0]["per_interpreter"]["cpython-3.11"]["steady_p50_s"] = baseline_s;
  return {source, run};
}

TEST(MergeRuns, SaysWhenTheRunsRanAtDifferentSpeedsAndTheSpeedupFollowed) {
  // As on a shared machine: the slower the machine ran CPython, the higher the speedup.
  std::vector<SavedRun> runs{timed_run("a.json", 1.03, 0.48), timed_run("b.json", 1.05, 0.52),
                             timed_run("c.json", 1.13, 0.80), timed_run("d.json", 1.08, 0.60)};
  auto merged = merge_runs(runs);
  ASSERT_EQ(merged.size(), 1U);
  EXPECT_NEAR(merged[0].baseline_time_spread(), 0.80 / 0.48, 1e-9);
  ASSERT_TRUE(merged[0].speedup_time_correlation().has_value());
  EXPECT_GT(*merged[0].speedup_time_correlation(), 0.9);
  std::string text = render_merged_text(merged, runs.size());
  EXPECT_NE(text.find("cpython-3.11 took x1.67 as long in the slowest run"), std::string::npos) << text;
  EXPECT_NE(text.find("the speedup rises as the baseline's time grows"), std::string::npos) << text;
  EXPECT_NE(text.find("800.00 ms"), std::string::npos) << text;  // each run's time beside its speedup
  EXPECT_NE(render_merged_markdown(merged, runs.size()).find("- loop.py, pypy-3.9: cpython-3.11 took x1.67"),
            std::string::npos);
  nlohmann::json json = merged_json(merged, runs)["benchmarks"][0];
  EXPECT_NEAR(json["baseline_time_spread"].get<double>(), 1.6667, 1e-3);
  EXPECT_GT(json["speedup_time_correlation"].get<double>(), 0.9);
  EXPECT_EQ(json["per_run"][2]["baseline_s"], 0.80);
}

TEST(MergeRuns, SaysNothingOfSpeedWhenTheRunsRanAlikeOrDidNotRecordIt) {
  std::vector<SavedRun> alike{timed_run("a.json", 1.03, 0.50), timed_run("b.json", 1.10, 0.52),
                              timed_run("c.json", 1.05, 0.55)};
  auto merged = merge_runs(alike);
  EXPECT_LT(merged[0].baseline_time_spread(), 1.2);
  EXPECT_FALSE(merged[0].speedup_time_correlation().has_value());  // three runs: too few to say
  std::string text = render_merged_text(merged, alike.size());
  EXPECT_EQ(text.find("as long in the slowest run"), std::string::npos) << text;
  EXPECT_TRUE(merged_json(merged, alike)["benchmarks"][0]["speedup_time_correlation"].is_null());

  // A run saved without the time shows "-" and does not count towards the spread.
  std::vector<SavedRun> untimed{timed_run("a.json", 1.03, 0.50), timed_run("b.json", 1.10, 0)};
  merged = merge_runs(untimed);
  EXPECT_EQ(merged[0].baseline_time_spread(), 1.0);
  EXPECT_TRUE(merged_json(merged, untimed)["benchmarks"][0]["per_run"][1]["baseline_s"].is_null());
  EXPECT_NE(render_merged_text(merged, untimed.size()).find(" -  b.json"), std::string::npos);
}

TEST(MergeRuns, KeepsWholePathsWhenARunHoldsTwoFilesOfTheSameName) {
  std::vector<SavedRun> runs{
      {"a.json", section({{"/p/one/main.py", 1.5, 1.4, 1.6}, {"/p/two/main.py", 0.8, 0.7, 0.9}})},
      {"b.json", section({{"/p/one/main.py", 1.6, 1.5, 1.7}, {"/p/two/main.py", 0.9, 0.8, 1.0}})},
  };
  auto merged = merge_runs(runs);
  ASSERT_EQ(merged.size(), 2U);
  EXPECT_EQ(merged[0].name, "/p/one/main.py");
  EXPECT_EQ(merged[1].name, "/p/two/main.py");
  EXPECT_EQ(merged[0].runs.size(), 2U);
}

TEST(MergeRuns, ABenchmarkInOneRunIsListedNotPooled) {
  std::vector<SavedRun> runs{
      {"a.json", section({{"/p/main.py:work", 1.5, 1.4, 1.6}})},
      {"b.json", section({{"/p/other.py", 0.9, 0.8, 1.0}})},
      {"c.json", nlohmann::json::object()},  // a section without benchmarks merges as nothing
  };
  auto merged = merge_runs(runs);
  ASSERT_EQ(merged.size(), 2U);
  EXPECT_EQ(merged[0].name, "main.py:work");
  EXPECT_FALSE(merged[0].pooled.has_value());
  EXPECT_NE(render_merged_text(merged, 3).find("not pooled: 1 of 1 runs have a speedup"), std::string::npos);
  // Fields of the wrong type count as absent rather than stopping the merge.
  nlohmann::json odd = section({{"/p/main.py:work", 1.6, 1.5, 1.7}});
  odd["benchmarks"].push_back(42);
  odd["benchmarks"].push_back({{"name", 7}});
  odd["benchmarks"][0]["comparisons"][0]["speedup"]["processes"] = "five";
  odd["benchmarks"][0]["comparisons"].push_back({{"candidate", nullptr}});
  // An interval that does not hold its estimate, or reaches 0, is no answer to pool.
  nlohmann::json impossible = section({{"/p/main.py:work", 1.6, 0.0, 1.7}});
  auto tolerant = merge_runs({runs[0], {"odd.json", odd}, {"impossible.json", impossible}});
  ASSERT_EQ(tolerant.size(), 1U);
  EXPECT_EQ(tolerant[0].name, "main.py:work");
  ASSERT_EQ(tolerant[0].runs.size(), 3U);
  EXPECT_FALSE(tolerant[0].runs[2].speedup.has_value());
  ASSERT_TRUE(tolerant[0].pooled.has_value());
  EXPECT_EQ(tolerant[0].pooled->runs, 2);
  // Command targets keep their whole command line.
  auto commands = merge_runs({{"a.json", section({{"/usr/bin/tool --in /data/x.py", 1.2, 1.1, 1.3}})},
                              {"b.json", section({{"/usr/bin/tool --in /data/x.py", 1.3, 1.2, 1.4}})}});
  ASSERT_EQ(commands.size(), 1U);
  EXPECT_EQ(commands[0].name, "/usr/bin/tool --in /data/x.py");
}

}  // namespace
}  // namespace pypyready::bench
