#include "testdiff/event_stream.h"

#include <gtest/gtest.h>

namespace pypyready::testdiff {
namespace {

TEST(EventStream, FinishedTestsAndTheOneStillRunning) {
  std::string lines =
      R"({"event": "start", "id": "t.py::a"})"
      "\n"
      R"({"event": "report", "id": "t.py::a", "when": "setup", "outcome": "passed", "duration": 0.5, "xfail": false, "message": ""})"
      "\n"
      R"({"event": "report", "id": "t.py::a", "when": "call", "outcome": "failed", "duration": 1.0, "xfail": false, "message": "def a():\nE   assert 1 == 2\nt.py:3: AssertionError"})"
      "\n"
      R"({"event": "report", "id": "t.py::a", "when": "teardown", "outcome": "passed", "duration": 0.0, "xfail": false, "message": ""})"
      "\n"
      R"({"event": "start", "id": "t.py::b"})"
      "\n"
      R"({"event": "report", "id": "t.py::b", "when": "setup", "outcome": "passed", "duration": 0.0, "xfa)";
  EventSummary summary = read_events(lines);
  ASSERT_EQ(summary.finished.size(), 1u);
  EXPECT_EQ(summary.finished[0].id, "t.py::a");
  EXPECT_EQ(summary.finished[0].outcome, Outcome::kFailed);
  EXPECT_EQ(summary.finished[0].message, "assert 1 == 2");
  EXPECT_DOUBLE_EQ(summary.finished[0].duration_s, 1.5);
  EXPECT_EQ(summary.running, "t.py::b");
}

TEST(EventStream, SetupErrorAndXfail) {
  std::string lines =
      R"({"event": "report", "id": "t.py::c", "when": "setup", "outcome": "failed", "duration": 0, "xfail": false, "message": "E fixture"})"
      "\n"
      R"({"event": "report", "id": "t.py::c", "when": "teardown", "outcome": "passed", "duration": 0, "xfail": false, "message": ""})"
      "\n"
      R"({"event": "report", "id": "t.py::d", "when": "call", "outcome": "skipped", "duration": 0, "xfail": true, "message": ""})"
      "\n"
      R"({"event": "report", "id": "t.py::d", "when": "teardown", "outcome": "passed", "duration": 0, "xfail": false, "message": ""})"
      "\n";
  EventSummary summary = read_events(lines);
  ASSERT_EQ(summary.finished.size(), 2u);
  EXPECT_EQ(summary.finished[0].outcome, Outcome::kError);
  EXPECT_EQ(summary.finished[1].outcome, Outcome::kXfail);
  EXPECT_TRUE(summary.running.empty());
}

TEST(EventStream, RootdirFromTheSessionEvent) {
  std::string lines = R"({"event": "session", "rootdir": "/p/sub"})"
                      "\n"
                      R"({"event": "start", "id": "tests/t.py::a"})"
                      "\n";
  EventSummary summary = read_events(lines);
  EXPECT_EQ(summary.rootdir, "/p/sub");
  EXPECT_EQ(summary.running, "tests/t.py::a");
}

}  // namespace
}  // namespace pypyready::testdiff
