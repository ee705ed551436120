#include "testdiff/likely_cause.h"

#include <gtest/gtest.h>

namespace pypyready::testdiff {
namespace {

std::string kind_of(std::string_view message, std::string_view details = "") {
  auto cause = classify_failure(message, details);
  return cause ? cause->kind : "none";
}

TEST(LikelyCause, RecognisesEachPattern) {
  EXPECT_EQ(kind_of("AttributeError: module 'sys' has no attribute 'getrefcount'"), "cpython-only-api");
  EXPECT_EQ(kind_of("OSError: [Errno 24] Too many open files: '/tmp/x'"), "too-many-open-files");
  EXPECT_EQ(kind_of("TypeError: getsizeof(...) not implemented on PyPy", "sys.getsizeof(x)"), "getsizeof");
  EXPECT_EQ(kind_of("RecursionError: maximum recursion depth exceeded"), "recursion-depth");
  EXPECT_EQ(kind_of("ResourceWarning: unclosed file <_io.TextIOWrapper>"), "unclosed-resource");
  EXPECT_EQ(kind_of("ReferenceError: weakly-referenced object no longer exists"), "gc-timing");
  EXPECT_EQ(
      kind_of("AssertionError: assert False", "E  +  where '' = <bound method TextIOWrapper.read of x>()"),
      "unflushed-file");
  EXPECT_EQ(kind_of("assert [1, 2, 3] == [3, 2, 1]"), "ordering");
  EXPECT_EQ(kind_of("assert 1 == 2"), "none");
}

TEST(LikelyCause, NamesTheMissingAttribute) {
  auto cause = classify_failure("AttributeError: module 'gc' has no attribute 'get_stats'", "");
  ASSERT_TRUE(cause);
  EXPECT_NE(cause->explanation.find("gc.get_stats does not exist on PyPy"), std::string::npos);
}

TEST(LikelyCause, OrderingNeedsTheSameItems) {
  EXPECT_TRUE(differs_only_in_order("E       assert ['b', 'a'] == ['a', 'b']"));
  EXPECT_TRUE(differs_only_in_order("assert {'x': (1, 2), 'y': 3} == {'y': 3, 'x': (1, 2)}"));
  EXPECT_FALSE(differs_only_in_order("assert ['a', 'b'] == ['a', 'b']"));
  EXPECT_FALSE(differs_only_in_order("assert ['a', 'b'] == ['a', 'c']"));
  EXPECT_FALSE(differs_only_in_order("assert ['a, b'] == ['b, a']"));
  EXPECT_FALSE(differs_only_in_order("assert x == y"));
}

TEST(LikelyCause, RulesMapToCauses) {
  EXPECT_TRUE(rule_matches_cause("PPY010", "cpython-only-api"));
  EXPECT_FALSE(rule_matches_cause("PPY010", "ordering"));
  EXPECT_EQ(cause_of_rule("PPY006")->kind, "gc-timing");
  EXPECT_FALSE(cause_of_rule("PPY999"));
}

TEST(LikelyCause, DelBeforeTheFailingLineIsGcTiming) {
  std::string details =
      "    def test_drop():\n        s = Sub()\n        del s\n>       assert Sub.live == 0\nE       assert "
      "1 == 0\n";
  EXPECT_EQ(kind_of("assert 1 == 0", details), "gc-timing");
  // A `del` after the failing line, or in an E line, says nothing.
  EXPECT_EQ(kind_of("assert 1 == 0", ">       assert Sub.live == 0\nE       assert 1 == 0\n    del s\n"),
            "none");
  EXPECT_EQ(kind_of("assert 1 == 0", "    delivered = 1\n>       assert x == 0\n"), "none");
}

TEST(LikelyCause, EmptyReadBackIsUnflushed) {
  std::string details =
      ">           assert written.read() == 'added apple\\n'\nE           AssertionError: assert '' == "
      "'added apple\\n'\n";
  EXPECT_EQ(kind_of("AssertionError: assert '' == 'added apple'", details), "unflushed-file");
  // An empty string compared on a line that reads nothing back is no sign of it.
  EXPECT_EQ(kind_of("assert '' == 'a'", ">       assert name() == 'a'\nE       assert '' == 'a'\n"), "none");
}

TEST(LikelyCause, MissingRecursionErrorSaysSo) {
  auto cause = classify_failure("Failed: DID NOT RAISE <class 'RecursionError'>", "");
  ASSERT_TRUE(cause);
  EXPECT_EQ(cause->kind, "recursion-depth");
  EXPECT_NE(cause->explanation.find("did not come"), std::string::npos);
}

TEST(LikelyCause, CrashAndIdentityKinds) {
  LikelyCause crash = crash_cause("killed by signal 11 (Segmentation fault)");
  EXPECT_EQ(crash.kind, "interpreter-crash");
  EXPECT_NE(crash.explanation.find("signal 11"), std::string::npos);
  EXPECT_EQ(cause_of_rule("PPY016")->kind, "identity");
  EXPECT_EQ(cause_of_rule("PPY017")->kind, "identity");
  EXPECT_TRUE(rule_matches_cause("PPY024", "interpreter-crash"));
}

}  // namespace
}  // namespace pypyready::testdiff
