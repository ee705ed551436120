#include "scan/suppression.h"

#include <gtest/gtest.h>

namespace pypyready::scan {
namespace {

// Comments the marker pre-check turns away must be exactly those that hold no marker.
TEST(Suppressions, PreCheckKeepsEveryMarker) {
  bool all = false;
  std::vector<std::string> codes;
  EXPECT_FALSE(Suppressions::parse_comment("# quite quick, no qualms", all, codes));
  EXPECT_FALSE(Suppressions::parse_comment("#q", all, codes));
  EXPECT_FALSE(Suppressions::parse_comment("# see [1]", all, codes));
  EXPECT_FALSE(all);
  EXPECT_TRUE(codes.empty());

  EXPECT_TRUE(Suppressions::parse_comment("# NoQa", all, codes));
  EXPECT_TRUE(all);
  all = false;
  EXPECT_TRUE(Suppressions::parse_comment("# q q noqa:PPY003", all, codes));
  EXPECT_FALSE(all);
  EXPECT_TRUE(Suppressions::parse_comment("# PPY: Ignore[ppy004]", all, codes));
  EXPECT_EQ(codes, (std::vector<std::string>{"PPY003", "PPY004"}));
}

}  // namespace
}  // namespace pypyready::scan
