#include "scan/line_index.h"

#include <gtest/gtest.h>

namespace pypyready::scan {
namespace {

// The table of line starts is filled on the first question; every question must find it.
TEST(LineIndex, AnswersFromTheFirstQuestionOn) {
  {
    LineIndex lines("ab\ncd\n");
    EXPECT_EQ(lines.line_count(), 3u);
  }
  {
    LineIndex lines("ab\ncd\n");
    EXPECT_EQ(lines.line_text(2), "cd");
    EXPECT_EQ(lines.line_text(4), "");
  }
  {
    LineIndex lines("x = 1\n\xc3\xa9t\xc3\xa9 = 2\n");
    Location at = lines.location(2, 3);  // after "é" and "t"
    EXPECT_EQ(at.line, 2u);
    EXPECT_EQ(at.column, 3u);
    EXPECT_EQ(at.offset, 9u);
    EXPECT_EQ(lines.line_count(), 3u);
  }
  LineIndex empty("");
  EXPECT_EQ(empty.line_count(), 1u);
  EXPECT_EQ(empty.location(5, 7).line, 1u);
}

}  // namespace
}  // namespace pypyready::scan
