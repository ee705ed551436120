// The HTML page on hand-made Results: every section and chart appears when its data is there,
// project strings never become markup, and missing sections are simply left out.

#include <gtest/gtest.h>

#include "report/render.h"

namespace pypyready::report {
namespace {

std::size_t count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1))
    ++n;
  return n;
}

results::Benchmark benchmark() {
  results::Benchmark b;
  b.name = "bench/bench_parse.py:run_once";
  b.mode = "function";
  for (const auto& [id, scale] : {std::pair{"cpython-3.11", 1.0}, std::pair{"pypy-3.9", 0.2}}) {
    results::BenchInterpreter side;
    side.startup_s = 0.02;
    side.steady_mean_s = 0.01 * scale;
    side.peak_rss_bytes = static_cast<std::uint64_t>(50e6 / scale);
    nlohmann::json iterations = nlohmann::json::array();
    for (int i = 0; i < 50; ++i)
      iterations.push_back((i < 10 ? 0.05 : 0.01) * scale);
    results::BenchProcess process;
    process.extra = {{"iterations_s", iterations}, {"changepoints", {10}}, {"steady_start", 10}};
    side.processes = {process};
    side.extra = {{"steady_p50_s", 0.01 * scale},
                  {"steady_p99_s", 0.012 * scale},
                  {"rss_curve", {{0, 1e6}, {0.5, 4e7}, {1.0, 5e7}}}};
    b.per_interpreter[id] = side;
  }
  b.speedup = results::Speedup{4.8, 4.1, 5.6, 5};
  b.break_even = results::BreakEven{0.9, 20};
  b.memory_ratio = 3.1;
  return b;
}

results::Results hostile() {
  results::Results r;
  r.tool.version = "0.1.0";
  r.project = {"examples/<b>x</b>", "<img src=x onerror=alert(1)>", ""};
  r.interpreters = {{"cpython-3.11", "cpython", "3.11.2", "3.11.2", "", "", "baseline"},
                    {"pypy-3.9", "pypy", "3.9.16", "7.3.11", "", "", "candidate"}};
  r.scan = results::ScanSection{};
  results::Finding finding;
  finding.code = "PPY001";
  finding.name = "unclosed-file";
  finding.severity = "error";
  finding.path = "src/\"quoted\" 'name'.py";
  finding.line = 3;
  finding.message = "</li></ul><script>alert(1)</script>";
  finding.extra = {{"line_text", "x = open('<script>')"}};
  finding.fix = results::FindingFix{"use `with` & close", "safe", nlohmann::json::array()};
  r.scan->findings = {finding};
  r.deps = results::DepsSection{};
  results::Dependency dep;
  dep.name = "psycopg2";
  dep.kind = "c-api";
  dep.verdict = "blocked\" onmouseover=\"alert(1)";
  dep.evidence = {{"elf", "needs <PyObject_GC_IsFinalized>", {"PyObject_GC_IsFinalized"}}};
  r.deps->dependencies = {dep};
  r.test = results::TestSection{};
  results::TestCase test;
  test.id = "tests/test_x.py::test_<script>alert(1)</script>";
  test.outcomes = {{"cpython-3.11", "passed"}, {"pypy-3.9", "failed"}};
  test.group = "pypy-only-failure";
  r.test->tests = {test};
  r.bench = results::BenchSection{};
  r.bench->benchmarks = {benchmark()};
  r.profile = results::ProfileSection{
      "cpython-3.11", {{"python", 0.7}, {"native_stdlib", 0.2}, {"wait", 0.1}}, 2.0, 4.0, {}};
  r.profile->extra["hotspots"] = {
      {{"file", "src/<x>.py"}, {"line", 31}, {"function", "_take"}, {"kind", "python"}, {"share", 0.25}}};
  r.decision = results::Decision{"migrate-after-fixes",
                                 "1 blocker <b>",
                                 {{"cpu-bound", "CPU-bound pure Python", "met", "measured 4.8x", {}},
                                  {"tests-pass", "tests pass", "not-met", "1 PyPy-only failure", {}}},
                                 {{"finding", "src/a.py:3 PPY001", "use with"}},
                                 {{"pypyready scan --fix", "1 finding has a safe fix"}}};
  return r;
}

TEST(RenderHtml, ProjectStringsNeverBecomeMarkup) {
  std::string page = render_html(hostile());
  EXPECT_EQ(page.find("<script"), std::string::npos);
  EXPECT_EQ(page.find("<img"), std::string::npos);
  EXPECT_EQ(page.find("<b>"), std::string::npos);
  EXPECT_EQ(page.find("onmouseover=\""), std::string::npos);
  EXPECT_NE(page.find("test_&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(page.find("src/&quot;quoted&quot; &#39;name&#39;.py:3:1"), std::string::npos);
  EXPECT_NE(page.find("x = open(&#39;&lt;script&gt;&#39;)"), std::string::npos);
  // An unknown verdict word gets the neutral badge: project text never picks a CSS class.
  EXPECT_NE(page.find("<span class=\"badge neutral\">blocked&quot; onmouseover"), std::string::npos);
}

TEST(RenderHtml, SelfContainedWithEverySection) {
  std::string page = render_html(hostile());
  EXPECT_EQ(page.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(page.find("Content-Security-Policy"), std::string::npos);
  for (const char* external : {"http://", "https://", "src=\"", "href=\"//", "@import", "url("}) {
    // The SVG namespace is an identifier, not a load.
    std::string copy = page;
    for (auto at = copy.find("xmlns=\"http://www.w3.org/2000/svg\""); at != std::string::npos;
         at = copy.find("xmlns=\"http://www.w3.org/2000/svg\""))
      copy.erase(at, 34);
    EXPECT_EQ(copy.find(external), std::string::npos) << external;
  }
  EXPECT_NE(page.find("<h1 id=\"verdict\" class=\"verdict warn\">MIGRATE AFTER FIXES</h1>"),
            std::string::npos);
  EXPECT_EQ(count(page, "<li class=\"criterion\">"), 2u);
  for (const char* id : {"id=\"bench\"", "id=\"profile\"", "id=\"deps\"", "id=\"scan\"", "id=\"tests\""})
    EXPECT_NE(page.find(id), std::string::npos) << id;
  for (const char* chart : {"class=\"warmup\"", "class=\"speedup\"", "class=\"cumulative\"",
                            "class=\"memory\"", "class=\"attribution\""})
    EXPECT_NE(page.find(chart), std::string::npos) << chart;
  EXPECT_NE(page.find("class=\"changepoint s1\""), std::string::npos);
  EXPECT_NE(page.find("<circle class=\"breakeven\""), std::string::npos);
  EXPECT_NE(page.find("4.8x [4.1x – 5.6x]"), std::string::npos);
  EXPECT_NE(page.find("1 missing C-API symbol<"), std::string::npos);
  EXPECT_NE(page.find("70 %"), std::string::npos);
  EXPECT_NE(page.find("<td>25.0 %</td><td><code>src/&lt;x&gt;.py:31</code></td><td>_take</td>"),
            std::string::npos);
}

TEST(RenderHtml, TheWarmupChartSaysWhichProcessesItRestsOn) {
  results::Results r = hostile();
  results::BenchInterpreter& pypy = r.bench->benchmarks[0].per_interpreter["pypy-3.9"];
  results::BenchProcess cut_short = pypy.processes[0];
  cut_short.extra["counted"] = false;
  pypy.processes.push_back(cut_short);
  std::string page = render_html(r);
  EXPECT_NE(page.find("the middle one of those the steady figures rest on (CPython 3.11.2: 1 of 1 processes; "
                      "PyPy 7.3.11: 1 of 2 processes; the others ended inside their warmup)"),
            std::string::npos);

  pypy.processes.pop_back();
  EXPECT_EQ(render_html(r).find("the others ended inside"), std::string::npos);
}

TEST(RenderHtml, AbsentSectionsAreLeftOut) {
  results::Results r;
  r.tool.version = "0.1.0";
  r.project = {".", "empty", ""};
  std::string page = render_html(r);
  EXPECT_NE(page.find("No verdict"), std::string::npos);
  for (const char* id :
       {"id=\"bench\"", "id=\"profile\"", "id=\"deps\"", "id=\"scan\"", "id=\"tests\"", "<svg"})
    EXPECT_EQ(page.find(id), std::string::npos) << id;
}

}  // namespace
}  // namespace pypyready::report
