#include "bench/speed_shift.h"

#include <gtest/gtest.h>

namespace pypyready::bench {
namespace {

// Rounds of two interpreters; each figure gets up to +-2 % of fixed jitter, about what a quiet
// machine's processes show.
BenchmarkResult rounds(const std::vector<std::pair<double, double>>& seconds,
                       const std::string& mode = "process") {
  BenchmarkResult result;
  result.mode = mode;
  result.per_interpreter.resize(2);
  result.per_interpreter[0].id = "cpython-3.11";
  result.per_interpreter[1].id = "pypy-3.9";
  for (std::size_t k = 0; k < seconds.size(); ++k) {
    double jitter = 1 + 0.01 * static_cast<double>(static_cast<int>((k * 7) % 5) - 2);
    for (std::size_t side = 0; side < 2; ++side) {
      ProcessRecord process;
      double value = (side == 0 ? seconds[k].first : seconds[k].second) * jitter;
      (mode == "function" ? process.analysis.steady_mean_s : process.wall_s) = value;
      result.per_interpreter[side].processes.push_back(process);
    }
  }
  return result;
}

std::vector<std::pair<double, double>> repeated(std::size_t count, double baseline, double candidate) {
  return std::vector<std::pair<double, double>>(count, {baseline, candidate});
}

std::vector<std::pair<double, double>> shifted() {
  // The regex workload in bench/README.md: CPython 0.50 s then 0.33 s, PyPy 0.43 s then 0.31 s.
  auto values = repeated(6, 0.50, 0.43);
  auto after = repeated(6, 0.33, 0.31);
  values.insert(values.end(), after.begin(), after.end());
  return values;
}

TEST(SpeedShift, NamesTheSegmentsAndTheSpeedupInEach) {
  auto warning = speed_shift_warning(rounds(shifted()));
  ASSERT_TRUE(warning.has_value());
  EXPECT_EQ(
      *warning,
      "cpython-3.11: the machine's speed changed during the run (497.50 ms in rounds 1-6, 330.00 ms in "
      "rounds 7-12; pypy-3.9 in them: 1.16x, 1.06x): the interpreters need not slow down alike, so a run "
      "at another time can give a speedup outside this interval");
}

TEST(SpeedShift, InFunctionModeTheSteadyMeansCount) {
  auto warning = speed_shift_warning(rounds(shifted(), "function"));
  ASSERT_TRUE(warning.has_value());
  // The whole-process figures are 0 here: the warning came from the steady means.
  EXPECT_NE(warning->find("in rounds 7-12"), std::string::npos);

  // Processes that ended inside their warmup say nothing of the machine: rounds 1-3 ran short
  // and slow, uncounted; the steady rounds after them are all alike.
  BenchmarkResult warming = rounds(repeated(12, 0.50, 0.43), "function");
  for (auto& side : warming.per_interpreter)
    for (std::size_t k = 0; k < 3; ++k) {
      side.processes[k].analysis.steady_mean_s *= 1.5;
      side.processes[k].counted = false;
    }
  EXPECT_FALSE(speed_shift_warning(warming).has_value());
  for (auto& side : warming.per_interpreter)
    for (std::size_t k = 0; k < 3; ++k)
      side.processes[k].counted = true;
  EXPECT_NE(speed_shift_warning(warming).value_or("").find("in rounds 1-3"), std::string::npos);
}

TEST(SpeedShift, QuietWithoutAShiftOrWithTooFewRounds) {
  EXPECT_FALSE(speed_shift_warning(rounds(repeated(12, 0.50, 0.43))).has_value());
  // A 6 % step: within what the warning lets pass.
  auto small = repeated(6, 0.50, 0.43);
  auto after = repeated(6, 0.53, 0.45);
  small.insert(small.end(), after.begin(), after.end());
  EXPECT_FALSE(speed_shift_warning(rounds(small)).has_value());
  std::vector<std::pair<double, double>> five{
      {0.5, 0.43}, {0.5, 0.43}, {0.33, 0.31}, {0.33, 0.31}, {0.33, 0.31}};
  EXPECT_FALSE(speed_shift_warning(rounds(five)).has_value());
  EXPECT_FALSE(speed_shift_warning(rounds(shifted(), "pytest-benchmark")).has_value());
}

}  // namespace
}  // namespace pypyready::bench
