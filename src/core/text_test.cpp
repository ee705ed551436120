#include "core/text.h"

#include <gtest/gtest.h>

namespace pypyready::core {
namespace {

TEST(Text, TrimRemovesSurroundingWhitespaceOnly) {
  EXPECT_EQ(trim("  a b\t\r\n"), "a b");
  EXPECT_EQ(trim(""), "");
  EXPECT_EQ(trim(" \t "), "");
  EXPECT_EQ(trim("x"), "x");
}

TEST(Text, MarkdownCellEscapesPipesAndLineBreaks) {
  EXPECT_EQ(markdown_table_cell("a|b\nc\r\nd"), "a\\|b c  d");
  EXPECT_EQ(markdown_table_cell("plain"), "plain");
}

}  // namespace
}  // namespace pypyready::core
