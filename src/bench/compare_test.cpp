#include "bench/compare.h"

#include <gtest/gtest.h>

#include <random>

namespace pypyready::bench {
namespace {

// A saved `bench` section with one benchmark whose two interpreters have `processes` processes
// with steady means around the given levels (2 % noise), and a speedup with the given interval.
nlohmann::json section(double cpython_level, double pypy_level, std::uint64_t seed, double startup = 0.015) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> noise(1.0, 0.02);
  auto side = [&](double level, double rss) {
    nlohmann::json processes = nlohmann::json::array();
    nlohmann::json startup_runs = nlohmann::json::array();
    for (int p = 0; p < 8; ++p) {
      processes.push_back({{"steady_mean_s", level * noise(rng)}, {"iterations_s", {level}}});
      startup_runs.push_back(startup * noise(rng));
    }
    return nlohmann::json{{"status", "ok"},
                          {"processes", processes},
                          {"startup_runs_s", startup_runs},
                          {"peak_rss_bytes", rss}};
  };
  double ratio = cpython_level / pypy_level;
  return {{"benchmarks",
           {{{"name", "work.py:f"},
             {"per_interpreter",
              {{"cpython-3.11", side(cpython_level, 10e6)}, {"pypy-3.9", side(pypy_level, 50e6)}}},
             {"speedup", {{"estimate", ratio}, {"ci95", {ratio * 0.97, ratio * 1.03}}, {"processes", 8}}}}}}};
}

const Change* find(const std::vector<Change>& changes, const std::string& interpreter,
                   const std::string& quantity) {
  for (const auto& change : changes)
    if (change.interpreter == interpreter && change.quantity == quantity) return &change;
  return nullptr;
}

TEST(Compare, SameMachineSameCodeIsNoSignificantChange) {
  auto changes = compare_sections(section(0.1, 0.02, 1), section(0.1, 0.02, 2));
  ASSERT_EQ(changes.size(), 7u);  // 3 per interpreter + the speedup
  for (const auto& change : changes)
    EXPECT_FALSE(change.significant) << change.interpreter << " " << change.quantity;
  EXPECT_FALSE(has_regression(changes));
}

TEST(Compare, SlowerPyPyIsASignificantRegression) {
  auto changes = compare_sections(section(0.1, 0.02, 1), section(0.1, 0.03, 2));
  const Change* steady = find(changes, "pypy-3.9", "steady_mean_s");
  ASSERT_NE(steady, nullptr);
  EXPECT_TRUE(steady->significant);
  EXPECT_EQ(steady->verdict, "slower");
  EXPECT_NEAR(steady->ratio, 2.0 / 3.0, 0.03);
  EXPECT_LT(steady->high, 1.0);
  const Change* speedup = find(changes, "", "speedup");
  ASSERT_NE(speedup, nullptr);
  EXPECT_EQ(speedup->verdict, "speedup shrank");
  EXPECT_FALSE(find(changes, "cpython-3.11", "steady_mean_s")->significant);
  EXPECT_TRUE(has_regression(changes));
  std::string text = render_changes_text(changes);
  EXPECT_NE(text.find("pypy-3.9 steady_mean_s: 19."), std::string::npos) << text;
  EXPECT_NE(text.find("ms -> 29."), std::string::npos) << text;
  EXPECT_NE(text.find("slower (significant)"), std::string::npos) << text;
  auto json = changes_json(changes);
  EXPECT_EQ(json["changes"].size(), changes.size());
}

TEST(Compare, OlderFilesWithoutPerProcessSteadyMeansStillCompare) {
  nlohmann::json before = section(0.1, 0.02, 1), after = section(0.1, 0.02, 2);
  for (auto& [id, side] : before["benchmarks"][0]["per_interpreter"].items())
    for (auto& process : side["processes"])
      process.erase("steady_mean_s");
  auto changes = compare_sections(before, after);
  ASSERT_NE(find(changes, "cpython-3.11", "steady_mean_s"), nullptr);
  EXPECT_TRUE(compare_sections(before, nlohmann::json::object()).empty());
}

}  // namespace
}  // namespace pypyready::bench
