#include "testdiff/junit.h"

#include <gtest/gtest.h>

namespace pypyready::testdiff {
namespace {

constexpr std::string_view kReport = R"(<?xml version="1.0" encoding="utf-8"?>
<testsuites><testsuite name="pytest" errors="1" failures="1" skipped="2" tests="5" time="0.6">
<testcase classname="" name="tests.test_broken" file="tests/test_broken.py" time="0.000">
  <error message="collection failure">ImportError while importing test module</error></testcase>
<testcase classname="tests.test_a" name="test_nested" file="tests/test_a.py" line="3" time="0.25">
  <failure message="AttributeError: 'int' object has no attribute 'nope'">def test_nested():
&gt;       helper(1)
tests/test_a.py:3: AttributeError</failure></testcase>
<testcase classname="tests.test_a" name="test_xf" file="tests/test_a.py" line="5" time="0.057">
  <skipped type="pytest.xfail" message=""/></testcase>
<testcase classname="tests.test_a" name="test_sk" file="tests/test_a.py" line="8" time="0.000">
  <skipped type="pytest.skip" message="no">skipped</skipped></testcase>
<testcase classname="tests.test_a.TestK" name="test_p[a b]" file="tests/test_a.py" line="12" time="0.001"/>
</testsuite></testsuites>)";

TEST(Junit, ReadsEveryOutcomeAndNodeId) {
  auto tests = parse_junit(kReport, "report.xml");
  ASSERT_TRUE(tests) << tests.error().message;
  ASSERT_EQ(tests->size(), 5u);
  EXPECT_EQ((*tests)[0].id, "tests/test_broken.py");
  EXPECT_EQ((*tests)[0].outcome, Outcome::kError);
  EXPECT_EQ((*tests)[1].id, "tests/test_a.py::test_nested");
  EXPECT_EQ((*tests)[1].outcome, Outcome::kFailed);
  EXPECT_EQ((*tests)[1].message, "AttributeError: 'int' object has no attribute 'nope'");
  EXPECT_NE((*tests)[1].details.find(">       helper(1)"), std::string::npos);
  EXPECT_DOUBLE_EQ((*tests)[1].duration_s, 0.25);
  EXPECT_EQ((*tests)[2].outcome, Outcome::kXfail);
  EXPECT_EQ((*tests)[3].outcome, Outcome::kSkipped);
  EXPECT_EQ((*tests)[4].id, "tests/test_a.py::TestK::test_p[a b]");
  EXPECT_EQ((*tests)[4].outcome, Outcome::kPassed);
}

TEST(Junit, MalformedXmlNamesTheSourceLineAndProblem) {
  auto tests = parse_junit("<testsuites>\n<testcase name=\"a\">\n</testsuites>", "run.xml");
  ASSERT_FALSE(tests);
  EXPECT_EQ(tests.error().message.rfind("run.xml:3:", 0), 0u) << tests.error().message;
  EXPECT_NE(tests.error().message.find("malformed JUnit XML"), std::string::npos);
}

TEST(Junit, TruncatedReportIsAnError) {
  std::string cut(kReport.substr(0, kReport.size() / 2));
  EXPECT_FALSE(parse_junit(cut, "cut.xml"));
}

TEST(Junit, OtherXmlIsRejected) {
  auto tests = parse_junit("<html><body/></html>", "page.xml");
  ASSERT_FALSE(tests);
  EXPECT_NE(tests.error().message.find("found <html>"), std::string::npos);
}

TEST(Junit, NodeIdWithoutFileAttribute) {
  EXPECT_EQ(node_id_of("", "tests.unit.test_x.TestThing", "test_y"),
            "tests/unit/test_x.py::TestThing::test_y");
  EXPECT_EQ(node_id_of("", "tests.test_x", "test_y"), "tests/test_x.py::test_y");
  EXPECT_EQ(node_id_of("", "", "tests.test_broken"), "tests/test_broken.py");
}

}  // namespace
}  // namespace pypyready::testdiff
