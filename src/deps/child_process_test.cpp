#include "deps/child_process.h"

#include <gtest/gtest.h>

#include "deps/interpreter_paths.h"

namespace pypyready::deps {
namespace {

using std::chrono::milliseconds;

TEST(ChildProcessTest, CapturesOutputAndStatus) {
  auto run = run_child({"sh", "-c", "echo out; echo err >&2; exit 3"}, milliseconds(10000));
  ASSERT_TRUE(run.ok()) << run.error().message;
  EXPECT_EQ(run->out, "out\n");
  EXPECT_EQ(run->err, "err\n");
  EXPECT_EQ(run->exit_code, 3);
  EXPECT_FALSE(run->timed_out);
}

TEST(ChildProcessTest, TimeoutKillsTheWholeGroup) {
  // The grandchild holds the pipe open; only killing the group ends the read.
  auto run = run_child({"sh", "-c", "sleep 30 & sleep 30"}, milliseconds(300));
  ASSERT_TRUE(run.ok());
  EXPECT_TRUE(run->timed_out);
  EXPECT_EQ(run->exit_code, 128 + 9);
}

TEST(ChildProcessTest, MissingProgramIsAnError) {
  auto run = run_child({"/nonexistent/python9"}, milliseconds(1000));
  ASSERT_FALSE(run.ok());
  EXPECT_EQ(run.error().message, "/nonexistent/python9: cannot run: No such file or directory");
}

TEST(InterpreterPathsTest, ParsesProbeOutput) {
  auto sites = parse_interpreter_probe(
      "executable=/x/python\nimplementation=pypy\nversion=3.9.16\nsite=/\nsite=/\nsite=/nonexistent\n", "py");
  ASSERT_TRUE(sites.ok());
  EXPECT_EQ(sites->implementation, "pypy");
  EXPECT_EQ(sites->sites, std::vector<std::filesystem::path>{"/"});
  EXPECT_FALSE(parse_interpreter_probe("garbage", "py").ok());
}

TEST(InterpreterPathsTest, AsksARealInterpreter) {
  auto sites = query_interpreter_sites("/usr/bin/python3", milliseconds(20000));
  if (!sites.ok() && sites.error().message.find("cannot run") != std::string::npos)
    GTEST_SKIP() << "no /usr/bin/python3";
  ASSERT_TRUE(sites.ok()) << sites.error().message;
  EXPECT_EQ(sites->implementation, "cpython");
  EXPECT_FALSE(sites->sites.empty());
}

}  // namespace
}  // namespace pypyready::deps
