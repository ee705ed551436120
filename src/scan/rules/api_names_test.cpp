#include "scan/rules/api_names.h"

#include <gtest/gtest.h>

namespace pypyready::scan::rules {
namespace {

TEST(ApiNames, ExactEntriesMatchWholeNamesOnly) {
  const ApiNames names{"sys.getrefcount", "gc.get_referrers"};
  EXPECT_TRUE(names.contains("sys.getrefcount"));
  EXPECT_TRUE(names.contains("gc.get_referrers"));
  EXPECT_FALSE(names.contains("sys.getrefcounts"));
  EXPECT_FALSE(names.contains("os.getrefcount"));
  EXPECT_FALSE(names.contains(""));
}

TEST(ApiNames, LastComponentIsTheCheapPreCheck) {
  const ApiNames names{"sys.getrefcount", "sys.implementation.name"};
  EXPECT_TRUE(names.may_end_with("getrefcount"));
  EXPECT_TRUE(names.may_end_with("name"));
  EXPECT_FALSE(names.may_end_with("implementation"));  // a middle component is not the end
  EXPECT_FALSE(names.may_end_with("getrefcoun"));
  EXPECT_FALSE(names.may_end_with("nbme"));             // same length and first letter, other word
  EXPECT_FALSE(names.may_end_with("sys.getrefcount"));  // dotted: only wildcards can match
}

TEST(ApiNames, WildcardEntriesMatchByPrefix) {
  const ApiNames names{"sys._*", "ctypes.pythonapi"};
  EXPECT_TRUE(names.contains("sys._getframe"));
  EXPECT_TRUE(names.contains("sys._"));
  EXPECT_FALSE(names.contains("sys.getframe"));
  EXPECT_TRUE(names.may_end_with("_getframe"));
  EXPECT_TRUE(names.may_end_with("_x.y"));  // a getattr string may be dotted
  EXPECT_FALSE(names.may_end_with("getframe"));
}

TEST(ApiNames, LongWordsShareTheLastLengthBit) {
  const std::string_view long_name =
      "module.a_very_long_function_name_that_goes_past_sixty_four_bytes_in_all";
  const ApiNames names{long_name};
  EXPECT_TRUE(names.contains(long_name));
  EXPECT_FALSE(names.contains("module.a_very_long_function_name_that_goes_past_sixty_four_bytes_in_al_"));
  EXPECT_TRUE(names.may_end_with("a_very_long_function_name_that_goes_past_sixty_four_bytes_in_all"));
}

}  // namespace
}  // namespace pypyready::scan::rules
