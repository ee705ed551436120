#include "testdiff/failure_text.h"

#include <gtest/gtest.h>

namespace pypyready::testdiff {
namespace {

constexpr std::string_view kNested = R"(def test_nested():
>       helper(1)

tests/test_a.py:5: 
_ _ _ _ _ _ _ _

x = 1

    def helper(x):
>       return x.nope
E       AttributeError: 'int' object has no attribute 'nope'

tests/test_a.py:3: AttributeError)";

TEST(FailureText, FramesOutermostFirst) {
  std::vector<Frame> frames = traceback_frames(kNested);
  ASSERT_EQ(frames.size(), 2u);
  EXPECT_EQ(frames[0].path, "tests/test_a.py");
  EXPECT_EQ(frames[0].line, 5);
  EXPECT_EQ(frames[1].line, 3);
  auto named = traceback_frames("/usr/lib/python3.11/importlib/__init__.py:126: in import_module\n");
  ASSERT_EQ(named.size(), 1u);
  EXPECT_EQ(named[0].function, "import_module");
}

TEST(FailureText, KeepsSourceErrorAndLocationLines) {
  std::vector<std::string> lines = relevant_lines(kNested, 10);
  std::vector<std::string> expected{">       helper(1)", "tests/test_a.py:5:", ">       return x.nope",
                                    "E       AttributeError: 'int' object has no attribute 'nope'",
                                    "tests/test_a.py:3: AttributeError"};
  EXPECT_EQ(lines, expected);
  EXPECT_EQ(relevant_lines(kNested, 2).front(),
            "E       AttributeError: 'int' object has no attribute 'nope'");
}

}  // namespace
}  // namespace pypyready::testdiff
