#include "bench/pytest_benchmark/command.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace pypyready::bench::pytest_benchmark {
namespace {

TEST(PytestBenchmarkCommand, OwnOptionsFirstUserArgumentsLast) {
  auto argv = pytest_argv("/usr/bin/pypy3", "/tmp/p", RunSettings{}, {"-k", "loop"});
  ASSERT_GE(argv.size(), 5u);
  EXPECT_EQ(argv[0], "/usr/bin/pypy3");
  EXPECT_EQ(argv[1], "-m");
  EXPECT_EQ(argv[2], "pytest");
  auto has = [&](const std::string& word) { return std::find(argv.begin(), argv.end(), word) != argv.end(); };
  EXPECT_TRUE(has("--benchmark-only"));
  EXPECT_TRUE(has("--benchmark-warmup=off"));
  EXPECT_TRUE(has("--benchmark-json=/tmp/p/report.json"));
  // pytest-benchmark creates its storage folder even when saving nothing: not in the project.
  EXPECT_TRUE(has("--benchmark-storage=file:///tmp/p/storage"));
  EXPECT_TRUE(has("--benchmark-min-rounds=30"));
  // argparse keeps the last value, so the user's settings win over pypyready's.
  EXPECT_EQ(argv[argv.size() - 2], "-k");
  EXPECT_EQ(argv.back(), "loop");
}

TEST(PytestBenchmarkCommand, RejectsArgumentsThatHideTheReport) {
  EXPECT_TRUE(check_user_args({"-k", "loop", "--benchmark-min-rounds=100"}));
  for (const char* arg : {"--benchmark-json=x.json", "--benchmark-disable", "--benchmark-skip"}) {
    auto checked = check_user_args({arg});
    ASSERT_FALSE(checked) << arg;
    EXPECT_NE(checked.error().message.find(arg), std::string::npos);
  }
}

TEST(PytestBenchmarkCommand, ReadsFailuresFromTheShortSummary) {
  const char* output =
      "tests/test_bench.py ..F.E\n"
      "=========================== short test summary info ============================\n"
      "FAILED tests/test_bench.py::test_refcount - AttributeError: module 'sys' has no attribute "
      "'getrefcount'\n"
      "ERROR tests/test_bench.py::test_setup[1] - RuntimeError: no fixture\n"
      "ERROR tests/test_broken.py - SyntaxError: invalid syntax\n"
      "FAILED tests/test_bare.py::test_no_reason\n"
      "==================== 1 failed, 3 passed, 2 errors in 2.31s =====================\n";
  auto failures = failed_tests(output);
  ASSERT_EQ(failures.size(), 4u);
  EXPECT_EQ(failures["tests/test_bench.py::test_refcount"],
            "AttributeError: module 'sys' has no attribute 'getrefcount'");
  EXPECT_EQ(failures["tests/test_bench.py::test_setup[1]"], "RuntimeError: no fixture");
  EXPECT_EQ(failures["tests/test_bare.py::test_no_reason"], "failed");
  // A collection error names the file: every benchmark in it is explained by it.
  EXPECT_EQ(failure_of(failures, "tests/test_broken.py::test_x"), "SyntaxError: invalid syntax");
  EXPECT_EQ(failure_of(failures, "tests/test_bench.py::test_loop"), "");
}

}  // namespace
}  // namespace pypyready::bench::pytest_benchmark
