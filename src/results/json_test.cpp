// report.json round trips, keeps keys it does not know, and names file, path and expectation
// when the input is not a report.

#include <gtest/gtest.h>

#include "results/json.h"

namespace pypyready::results {
namespace {

Results sample() {
  Results r;
  r.tool = {"0.1.0", "2026-01-01T00:00:00Z", "2026-01-01T00:01:00Z", "pypyready check ."};
  r.project = {"examples/logstats", "logstats", "pyproject.toml"};
  r.interpreters = {{"cpython-3.11", "cpython", "3.11.2", "3.11.2", "/usr/bin/python3", ".so", "baseline"},
                    {"pypy-3.9", "pypy", "3.9.16", "7.3.11", "/usr/bin/pypy3", ".pypy39.so", "candidate"}};
  r.stages = {{"scan", "ok", "", 0.1}, {"test", "not-run", "no test command", 0}};
  r.scan = ScanSection{};
  r.scan->files_scanned = 4;
  Finding f;
  f.code = "PPY001";
  f.name = "write-on-unclosed-temporary-file";
  f.severity = "error";
  f.path = "src/a.py";
  f.line = 3;
  f.fix = FindingFix{"use with", "safe", nlohmann::json::array({{{"content", "x"}}})};
  r.scan->findings.push_back(f);
  r.scan->language_level = LanguageLevel{"3.8", "3.9", {{"first_use", {{"path", "a.py"}, {"line", 1}}}}};
  r.deps = DepsSection{};
  Dependency d;
  d.name = "pyyaml";
  d.kind = "cython";
  d.verdict = "slower";
  d.pulled_in_by = {{"app", "pyyaml"}};
  d.evidence = {{"knowledge", "pure fallback", {}}};
  d.extra = {{"has_fallback", true}};
  r.deps->dependencies.push_back(d);
  r.bench = BenchSection{};
  Benchmark b;
  b.name = "run_once";
  b.mode = "function";
  b.speedup = Speedup{4.8, 4.1, 5.6, 6};
  b.break_even = BreakEven{0.9, 12};
  b.memory_ratio = 3.1;
  BenchInterpreter side;
  side.peak_rss_bytes = 52u << 20;
  side.processes = {{0.5, 52u << 20, {{"iterations_s", {0.1, 0.1}}}}};
  b.per_interpreter["cpython-3.11"] = side;
  r.bench->benchmarks.push_back(b);
  r.decision = Decision{"migrate-after-fixes",
                        "one blocker",
                        {{"cpu-bound", "CPU-bound pure Python", "met", "4.8x", {{"speedup", 4.8}}}},
                        {{"finding", "src/a.py:3 PPY001", "use with"}},
                        {{"pypyready scan --fix", "1 fixable"}}};
  return r;
}

TEST(ResultsJson, RoundTripsEverySection) {
  nlohmann::json first = to_json(sample());
  auto read = from_json_text(first.dump(), "report.json");
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ(to_json(*read), first);
  EXPECT_EQ(read->decision->criteria[0].numbers.at("speedup"), 4.8);
  EXPECT_EQ(read->bench->benchmarks[0].speedup->ci95_high, 5.6);
  EXPECT_EQ(read->scan->findings[0].fix->description, "use with");
}

TEST(ResultsJson, KeepsKeysItDoesNotKnow) {
  nlohmann::json document = to_json(sample());
  document["scan"]["statistics"] = {{"PPY001", 1}};
  document["bench"]["benchmarks"][0]["per_interpreter"]["cpython-3.11"]["rss_curve"] = {{0.1, 1000}};
  auto read = from_json_text(document.dump(), "report.json");
  ASSERT_TRUE(read.ok()) << read.error().message;
  nlohmann::json again = to_json(*read);
  EXPECT_EQ(again["scan"]["statistics"]["PPY001"], 1);
  EXPECT_EQ(again["bench"]["benchmarks"][0]["per_interpreter"]["cpython-3.11"]["rss_curve"][0][1], 1000);
  EXPECT_EQ(again["deps"]["dependencies"][0]["has_fallback"], true);
}

TEST(ResultsJson, NotJsonNamesTheFile) {
  auto read = from_json_text("{oops", "out/report.json");
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().message,
            "out/report.json: not valid JSON; expected a report.json written by `pypyready check`");
}

TEST(ResultsJson, MissingOrOtherSchemaIsRejected) {
  auto missing = from_json_text(R"({"findings": []})", "scan.json");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().message,
            "scan.json: no \"schema\" key; expected a pypyready report (\"schema\": \"pypyready/1\")");
  auto other = from_json_text(R"({"schema": "pypyready/9"})", "r.json");
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().message,
            "r.json: schema \"pypyready/9\" is not supported; expected \"pypyready/1\"");
}

TEST(ResultsJson, WrongTypeNamesThePath) {
  nlohmann::json document = to_json(sample());
  document["bench"]["benchmarks"][0]["speedup"]["estimate"] = "fast";
  auto read = from_json_text(document.dump(), "report.json");
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().message,
            "report.json: $.bench.benchmarks[0].speedup.estimate: expected a number, found string");
  document = to_json(sample());
  document["decision"]["criteria"][0]["state"] = "maybe";
  read = from_json_text(document.dump(), "report.json");
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().message,
            "report.json: $.decision.criteria[0].state: expected met, not-met or unknown");
}

TEST(ResultsJson, SectionsThatDidNotRunStayAbsent) {
  Results r;
  nlohmann::json document = to_json(r);
  EXPECT_FALSE(document.contains("bench"));
  EXPECT_FALSE(document.contains("decision"));
  auto read = from_json_text(document.dump(), "r.json");
  ASSERT_TRUE(read.ok());
  EXPECT_FALSE(read->bench.has_value());
}

}  // namespace
}  // namespace pypyready::results
