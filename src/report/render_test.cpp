// The renderers on a hand-made Results: the terminal look of design.md and the Markdown table.

#include <gtest/gtest.h>

#include "report/render.h"

namespace pypyready::report {
namespace {

results::Results sample() {
  results::Results r;
  r.tool.version = "0.1.0";
  r.project = {"examples/logstats", "logstats", "pyproject.toml"};
  r.interpreters = {{"cpython-3.11", "cpython", "3.11.2", "3.11.2", "", "", "baseline"},
                    {"pypy-3.9", "pypy", "3.9.16", "7.3.11", "", "", "candidate"}};
  r.stages = {{"scan", "ok", "", 0}, {"test", "not-run", "no [tool.pypyready.test] table", 0}};
  r.scan = results::ScanSection{};
  r.scan->files_scanned = 87;
  results::Finding error;
  error.severity = "error";
  error.fix = results::FindingFix{"use with", "safe", nlohmann::json::array()};
  results::Finding warning;
  warning.severity = "warning";
  r.scan->findings = {error, warning};
  r.decision =
      results::Decision{"migrate-after-fixes",
                        "PyPy pays off; 1 blocker(s) to fix first",
                        {{"cpu-bound", "CPU-bound pure Python", "met", "measured 4.8x", {}},
                         {"tests-pass", "tests pass", "not-met", "3 PyPy-only failures | see report", {}}},
                        {{"finding", "src/io.py:42 PPY001", "use with"}},
                        {{"pypyready scan --fix", "1 finding(s) have a safe fix"}}};
  return r;
}

TEST(RenderText, HasTheLookOfTheDesign) {
  std::string text = render_text(sample(), TextOptions{false, "pypyready-report/report.json"});
  EXPECT_EQ(text,
            "pypyready 0.1.0 · project: logstats · CPython 3.11.2 vs PyPy 7.3.11 (Python 3.9)\n"
            "\n"
            " scan    2 findings in 87 files (1 error, 1 warning, 0 info) · 1 fixable with --fix\n"
            " test    not run: no [tool.pypyready.test] table\n"
            "\n"
            " Verdict: MIGRATE AFTER FIXES\n"
            "   [met]     CPU-bound pure Python  measured 4.8x\n"
            "   [not met] tests pass             3 PyPy-only failures | see report\n"
            " Next:\n"
            "   1. pypyready scan --fix (1 finding(s) have a safe fix)\n"
            " Report: pypyready-report/report.json\n");
}

TEST(RenderText, ColoursOnlyWhenAsked) {
  EXPECT_EQ(render_text(sample(), TextOptions{}).find('\033'), std::string::npos);
  EXPECT_NE(render_text(sample(), TextOptions{true, ""}).find("\033[1;33mMIGRATE AFTER FIXES\033[0m"),
            std::string::npos);
}

TEST(RenderMarkdown, VerdictCriteriaTableAndEscapedCells) {
  std::string md = render_markdown(sample());
  EXPECT_EQ(md.rfind("## pypyready: MIGRATE AFTER FIXES\n", 0), 0u);
  EXPECT_NE(md.find("| tests pass | ❌ not met | 3 PyPy-only failures \\| see report |"), std::string::npos);
  EXPECT_NE(md.find("1. **pypyready scan --fix** — 1 finding(s) have a safe fix"), std::string::npos);
  EXPECT_NE(md.find("| finding | `src/io.py:42 PPY001` | use with |"), std::string::npos);
}

}  // namespace
}  // namespace pypyready::report
