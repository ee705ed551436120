#include <gtest/gtest.h>

#include "bench/pytest_benchmark/saved_run.h"

namespace pypyready::bench::pytest_benchmark {
namespace {

// The shape pytest-benchmark 3.2 writes, cut down to the keys that matter.
const char* const kPyPyRun = R"({
  "machine_info": {"python_implementation": "PyPy", "python_version": "3.9.16",
                   "python_implementation_version": "7.3.11"},
  "benchmarks": [
    {"group": null, "name": "test_loop", "fullname": "tests/test_bench.py::test_loop",
     "options": {"disable_gc": false, "timer": "perf_counter", "min_rounds": 5, "max_time": 1.0,
                 "min_time": 5e-06, "warmup": 100000},
     "stats": {"min": 1e-05, "max": 0.004, "mean": 0.0014, "stddev": 0.0019, "rounds": 3,
               "median": 0.0002, "iterations": 10, "data": [0.004, 0.0002, 1e-05]}},
    {"group": "text", "name": "test_join", "fullname": "tests/test_bench.py::test_join",
     "options": {"warmup": false},
     "stats": {"min": 1e-06, "max": 2e-06, "mean": 1.5e-06, "stddev": 3e-07, "rounds": 40,
               "median": 1.4e-06, "iterations": 1}}
  ],
  "datetime": "2026-12-05T17:00:00.000000", "version": "3.2.2"})";

TEST(PytestBenchmarkReader, ReadsRoundsAndInterpreter) {
  auto run = parse_saved_run(kPyPyRun, "0001_pypy.json");
  ASSERT_TRUE(run) << run.error().message;
  EXPECT_EQ(run->implementation, "pypy");
  EXPECT_EQ(run->python_version, "3.9.16");
  EXPECT_EQ(run->implementation_version, "7.3.11");
  ASSERT_EQ(run->benchmarks.size(), 2u);
  const SavedBenchmark& loop = run->benchmarks[0];
  EXPECT_EQ(loop.fullname, "tests/test_bench.py::test_loop");
  EXPECT_EQ(loop.calls_per_round, 10);
  EXPECT_EQ(loop.rounds_s, (std::vector<double>{0.004, 0.0002, 1e-05}));
  EXPECT_EQ(loop.warmup_calls, 100000);
  EXPECT_DOUBLE_EQ(loop.max_time_s, 1.0);
  EXPECT_EQ(loop.min_rounds, 5);
  EXPECT_TRUE(loop.group.empty());
}

TEST(PytestBenchmarkReader, SummaryOnlyWithoutData) {
  auto run = parse_saved_run(kPyPyRun, "0001_pypy.json");
  ASSERT_TRUE(run);
  const SavedBenchmark& join = run->benchmarks[1];
  EXPECT_TRUE(join.rounds_s.empty());
  EXPECT_EQ(join.summary.rounds, 40);
  EXPECT_DOUBLE_EQ(join.summary.mean_s, 1.5e-06);
  EXPECT_EQ(join.warmup_calls, 0);
  EXPECT_EQ(join.group, "text");
}

// Each malformed input is rejected with the file, the place and what was expected there.
struct Malformed {
  const char* text;
  const char* message;
};

class PytestBenchmarkReaderMalformed : public testing::TestWithParam<Malformed> {};

TEST_P(PytestBenchmarkReaderMalformed, NamesFileAndExpectation) {
  auto run = parse_saved_run(GetParam().text, "saved.json");
  ASSERT_FALSE(run);
  EXPECT_EQ(run.error().message, GetParam().message);
}

INSTANTIATE_TEST_SUITE_P(
    Inputs, PytestBenchmarkReaderMalformed,
    testing::Values(
        Malformed{"{\"benchmarks\": [",
                  "saved.json: not valid JSON; expected a pytest-benchmark file (written "
                  "by --benchmark-json or --benchmark-save)"},
        Malformed{
            "{\"version\": \"3.2.2\"}",
            "saved.json: expected a pytest-benchmark JSON object with a \"benchmarks\" list (written by "
            "--benchmark-json or --benchmark-save)"},
        Malformed{
            "[1, 2]",
            "saved.json: expected a pytest-benchmark JSON object with a \"benchmarks\" list (written by "
            "--benchmark-json or --benchmark-save)"},
        Malformed{R"({"benchmarks": [{"name": "t"}]})",
                  "saved.json: $.benchmarks[0].stats: expected an object with the timings (\"mean\", "
                  "\"rounds\", \"data\")"},
        Malformed{R"({"benchmarks": [{"name": "t", "stats": {"mean": "fast"}}]})",
                  "saved.json: $.benchmarks[0].stats.mean: expected a number, found string"},
        Malformed{R"({"benchmarks": [{"name": "t", "stats": {"mean": 1, "data": [0.1, "x"]}}]})",
                  "saved.json: $.benchmarks[0].stats.data[1]: expected a non-negative number of seconds, "
                  "found \"x\""},
        Malformed{R"({"benchmarks": [{"name": "t", "stats": {"data": [0.1, -2]}}]})",
                  "saved.json: $.benchmarks[0].stats.data[1]: expected a non-negative number of seconds, "
                  "found -2"},
        Malformed{R"({"benchmarks": [{"name": "t", "stats": {"rounds": 3}}]})",
                  "saved.json: $.benchmarks[0].stats: expected \"data\" (seconds per call of each round) or "
                  "at least \"mean\""},
        Malformed{R"({"benchmarks": [{"name": "t", "stats": {"mean": 1, "iterations": 0}}]})",
                  "saved.json: $.benchmarks[0].stats.iterations: expected a positive number of calls per "
                  "round"},
        Malformed{R"({"benchmarks": [{"stats": {"mean": 1}}]})",
                  "saved.json: $.benchmarks[0]: expected a \"name\" or \"fullname\" (the test's node id)"},
        Malformed{R"({"benchmarks": [{"name": "t", "options": {"warmup": "auto"}, "stats": {"mean": 1}}]})",
                  "saved.json: $.benchmarks[0].options.warmup: expected false or a number of calls"},
        Malformed{R"({"benchmarks": [7]})", "saved.json: $.benchmarks[0]: expected an object, found number"},
        Malformed{R"({"machine_info": [], "benchmarks": []})",
                  "saved.json: $.machine_info: expected an object, found array"}));

TEST(PytestBenchmarkReader, WarmupTrueIsOnWithoutCount) {
  auto run = parse_saved_run(R"({"benchmarks": [{"name": "t", "options": {"warmup": true},
                                  "stats": {"mean": 1}}]})",
                             "s.json");
  ASSERT_TRUE(run) << run.error().message;
  EXPECT_EQ(run->benchmarks[0].warmup_calls, -1);
  EXPECT_TRUE(run->implementation.empty());
}

TEST(PytestBenchmarkReader, MissingFileNamesIt) {
  auto run = read_saved_run("/nonexistent/0001_cpython.json");
  ASSERT_FALSE(run);
  EXPECT_NE(run.error().message.find("/nonexistent/0001_cpython.json"), std::string::npos);
}

}  // namespace
}  // namespace pypyready::bench::pytest_benchmark
