#include "scan/rules/name_shapes.h"

#include <gtest/gtest.h>

#include <string_view>

namespace pypyready::scan::rules {
namespace {

constexpr std::string_view kNames[] = {"join", "Self", "exception", "x",
                                       "a_name_longer_than_sixty_four_bytes_"
                                       "_to_wrap_the_length_index_around"};
constexpr NameShapes kShapes{kNames};

TEST(NameShapes, EveryListedNamePasses) {
  for (std::string_view name : kNames)
    EXPECT_TRUE(kShapes.may_contain(name)) << name;
  static_assert(kShapes.may_contain("join"), "built at compile time");
}

TEST(NameShapes, NamesOfAnotherLengthOrEndByteAreRejected) {
  EXPECT_FALSE(kShapes.may_contain("self"));  // first byte differs from "Self"
  EXPECT_FALSE(kShapes.may_contain("joins"));
  EXPECT_FALSE(kShapes.may_contain("jail"));
  EXPECT_FALSE(kShapes.may_contain("y"));
  EXPECT_FALSE(kShapes.may_contain(""));
}

TEST(NameShapes, AnEmptyNamePassesOnlyWhenListed) {
  constexpr std::string_view kWithEmpty[] = {"", "a"};
  constexpr NameShapes shapes{kWithEmpty};
  EXPECT_TRUE(shapes.may_contain(""));
  EXPECT_TRUE(shapes.may_contain("a"));
  EXPECT_FALSE(shapes.may_contain("b"));
}

TEST(NameShapes, NamesAddedOneByOneAgreeWithTheList) {
  NameShapes added;
  EXPECT_FALSE(added.may_contain("join"));
  for (std::string_view name : kNames)
    added.add(name);
  for (std::string_view name : {"join", "Self", "self", "joins", "jail", "x", "y", ""})
    EXPECT_EQ(added.may_contain(name), kShapes.may_contain(name)) << name;
}

}  // namespace
}  // namespace pypyready::scan::rules
