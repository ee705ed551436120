#include "profile/model.h"

#include <gtest/gtest.h>

#include "profile/report.h"

namespace pypyready::profile {
namespace {

// An attribution with these seconds per category (the shares follow).
Attribution with_seconds(std::map<std::string, double> seconds) {
  Attribution a;
  for (const char* category : kCategories)
    a.seconds[category] = seconds.count(category) ? seconds[category] : 0;
  for (const auto& [category, value] : a.seconds)
    a.total_s += value;
  for (const auto& [category, value] : a.seconds)
    a.shares[category] = value / a.total_s;
  return a;
}

TEST(Model, PurePythonRangeFollowsTheJitFactors) {
  ModelParameters p;
  p.pypy_startup_s = 0.05;
  Attribution a = with_seconds({{"python", 9.95}, {"startup", 0.05}});
  Prediction prediction = predict(a, p);
  // Optimistic: 0.05 + 9.95 / 10; pessimistic: 0.05 + 9.95 / 1.5.
  EXPECT_NEAR(prediction.pypy_fast_s, 0.05 + 0.995, 1e-9);
  EXPECT_NEAR(prediction.pypy_slow_s, 0.05 + 9.95 / 1.5, 1e-9);
  EXPECT_NEAR(prediction.speedup_high, 10.0 / 1.045, 1e-9);
  EXPECT_NEAR(prediction.speedup_low, 10.0 / (0.05 + 9.95 / 1.5), 1e-9);
  EXPECT_LT(prediction.speedup_low, prediction.speedup_high);
  EXPECT_EQ(prediction.outlook, "likely-faster");
  EXPECT_TRUE(prediction.notes.empty());  // long enough, no extensions, short start-up
}

TEST(Model, NativeSystemAndWaitAreNotSpedUp) {
  ModelParameters p;
  p.pypy_startup_s = 0.02;
  Attribution a = with_seconds({{"native_stdlib", 1.0}, {"system", 0.5}, {"wait", 0.5}, {"startup", 0.02}});
  Prediction prediction = predict(a, p);
  EXPECT_NEAR(prediction.pypy_fast_s, 0.02 + 1.0 + 1.0, 1e-9);
  EXPECT_NEAR(prediction.pypy_slow_s, 0.02 + 1.6 + 1.0, 1e-9);
  EXPECT_LE(prediction.speedup_high, 1.0 + 1e-9);
}

TEST(Model, NoPromiseBelowFortyPercentPurePython) {
  // 39 % pure Python, the rest waiting: even the optimistic end says no gain is to be expected.
  Attribution a = with_seconds({{"python", 3.9}, {"wait", 6.1}});
  Prediction prediction = predict(a);
  EXPECT_EQ(prediction.outlook, "no-gain-expected");
  EXPECT_NE(prediction.summary.find("do not expect a gain"), std::string::npos) << prediction.summary;
  Attribution more = with_seconds({{"python", 4.1}, {"wait", 5.9}});
  EXPECT_NE(predict(more).outlook, "no-gain-expected");
}

TEST(Model, UncertainWhenTheLowEndIsNotAGain) {
  Attribution a = with_seconds({{"python", 5}, {"native_stdlib", 5}});
  Prediction prediction = predict(a);
  EXPECT_LT(prediction.speedup_low, kFasterAbove);
  EXPECT_EQ(prediction.outlook, "uncertain");
}

TEST(Model, ShortRunsGetTheWarmupWarning) {
  Prediction prediction = predict(with_seconds({{"python", 0.5}, {"startup", 0.02}}));
  ASSERT_FALSE(prediction.notes.empty());
  EXPECT_NE(prediction.notes[0].find("JIT warm-up"), std::string::npos);
  EXPECT_EQ(predict(with_seconds({{"python", 1.5}})).notes.size(), 0u);
}

TEST(Model, ExtensionsAreSlowerOnPyPyAndNamed) {
  Attribution a = with_seconds({{"python", 1}, {"native_extensions", 2}});
  a.native_by_module.push_back({"fastops", "native_extensions", 2, 2.0 / 3});
  ModelParameters p;
  p.pypy_startup_s = 0;
  Prediction prediction = predict(a, p);
  EXPECT_NEAR(prediction.pypy_slow_s, 1 / 1.5 + 2 * 6.0, 1e-9);
  EXPECT_LT(prediction.speedup_high, 1.0);
  bool named = false;
  for (const auto& note : prediction.notes)
    named = named || note.find("fastops") != std::string::npos;
  EXPECT_TRUE(named);
}

TEST(Model, Directions) {
  EXPECT_EQ(direction_of(1.15), "faster");
  EXPECT_EQ(direction_of(1.0), "same");
  EXPECT_EQ(direction_of(0.87), "slower");
}

TEST(Verify, InsideAndOutsideTheRange) {
  Prediction prediction;
  prediction.speedup_low = 1.0;
  prediction.speedup_high = 4.0;  // middle 2.0
  Verification inside = verify_prediction(prediction, 2.5, 2.2, 2.8);
  EXPECT_TRUE(inside.within_range);
  EXPECT_NEAR(inside.error_factor, 1.25, 1e-9);
  EXPECT_EQ(inside.predicted_direction, "faster");
  EXPECT_EQ(inside.measured_direction, "faster");
  Verification outside = verify_prediction(prediction, 0.5, 0.4, 0.6);
  EXPECT_FALSE(outside.within_range);
  EXPECT_NEAR(outside.error_factor, 4.0, 1e-9);
  EXPECT_EQ(outside.measured_direction, "slower");
}

TEST(StackedBar, CellsAddUpToTheWidth) {
  Attribution a = with_seconds({{"python", 1}, {"native_stdlib", 1}, {"wait", 1}});
  std::string bar = stacked_bar(a, 10);
  // Each glyph is one cell; count them by their UTF-8 lead bytes.
  std::size_t cells = 0;
  for (unsigned char c : bar)
    cells += (c & 0xC0) != 0x80 ? 1 : 0;
  EXPECT_EQ(cells, 10u);
  EXPECT_EQ(bar.find("█"), 0u);
  EXPECT_NE(bar.find("·"), std::string::npos);
  EXPECT_EQ(stacked_bar(with_seconds({{"python", 1}}), 5), "█████");
}

}  // namespace
}  // namespace pypyready::profile
