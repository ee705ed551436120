// The chart building blocks: scales, round ticks, number text, thinning long series.

#include <gtest/gtest.h>

#include "report/html/svg.h"

namespace pypyready::report::html {
namespace {

TEST(Svg, LinearAndLogScalesMapEnds) {
  Scale linear{0, 10, 100, 200};
  EXPECT_DOUBLE_EQ(linear(0), 100);
  EXPECT_DOUBLE_EQ(linear(5), 150);
  Scale log{0.001, 1, 300, 0, true};
  EXPECT_DOUBLE_EQ(log(0.001), 300);
  EXPECT_NEAR(log(0.01), 200, 1e-9);
  EXPECT_NEAR(log(1), 0, 1e-9);
  EXPECT_DOUBLE_EQ(log(0), log(-5));  // no value on a log axis: clamped, not NaN
}

TEST(Svg, TicksAreRound) {
  EXPECT_EQ(ticks(0, 10, 5, false), (std::vector<double>{0, 2, 4, 6, 8, 10}));
  EXPECT_EQ(ticks(0, 0.9, 4, false), (std::vector<double>{0, 0.25, 0.5, 0.75}));
  EXPECT_EQ(ticks(0.002, 3, 4, true), (std::vector<double>{0.01, 0.1, 1}));
}

TEST(Svg, NumbersAreShort) {
  EXPECT_EQ(num(12), "12");
  EXPECT_EQ(num(12.345), "12.3");
  EXPECT_EQ(num(-0.01), "0");
}

TEST(Svg, ThinKeepsShortSeriesAndAveragesLongOnes) {
  std::vector<std::pair<double, double>> points;
  for (int i = 0; i < 1000; ++i)
    points.emplace_back(i, i % 2 == 0 ? 1.0 : 3.0);
  auto thinned = thin(points, 100);
  ASSERT_EQ(thinned.size(), 100u);
  EXPECT_DOUBLE_EQ(thinned[0].second, 2.0);
  EXPECT_DOUBLE_EQ(thinned[0].first, 4.5);
  EXPECT_EQ(thin(points, 5000).size(), 1000u);
}

}  // namespace
}  // namespace pypyready::report::html
