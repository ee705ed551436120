// The scan baseline: fingerprints ignore line numbers and whitespace, duplicates are counted,
// paths are relative to the baseline's folder, and a damaged file is an error that says so.

#include <gtest/gtest.h>

#include "scan/baseline.h"

namespace pypyready::scan {
namespace {

Finding finding(std::string_view code, std::string path, std::uint32_t line, std::string text) {
  Finding f;
  f.code = code;
  f.path = std::move(path);
  f.begin.line = line;
  f.line_text = std::move(text);
  return f;
}

std::vector<FileResult> files(std::vector<Finding> findings) {
  FileResult file;
  file.path = "proj/src/a.py";
  file.findings = std::move(findings);
  return {file};
}

TEST(ScanBaseline, NormalizedLineIgnoresIndentationAndSpacing) {
  EXPECT_EQ(normalize_line("    data = open(p,  'w').write(x)\t"), "data = open(p, 'w').write(x)");
  EXPECT_EQ(normalize_line("\t\t"), "");
  EXPECT_EQ(fingerprint("PPY001", "src/a.py", "  x = 1"), fingerprint("PPY001", "src/a.py", "x   =\t1"));
  EXPECT_NE(fingerprint("PPY001", "src/a.py", "x = 1"), fingerprint("PPY002", "src/a.py", "x = 1"));
  EXPECT_NE(fingerprint("PPY001", "src/a.py", "x = 1"), fingerprint("PPY001", "src/b.py", "x = 1"));
}

TEST(ScanBaseline, KnownFindingsStayKnownWhenTheirLinesMove) {
  auto today = files({finding("PPY001", "proj/src/a.py", 10, "f = open(p)"),
                      finding("PPY002", "proj/src/a.py", 20, "def __del__(self):")});
  auto baseline = parse_baseline(baseline_text(today, "proj"), "baseline.json");
  ASSERT_TRUE(baseline) << baseline.error().message;

  // Tomorrow: five lines added above, re-indented, and one new finding.
  auto tomorrow = files({finding("PPY001", "proj/src/a.py", 15, "    f  =  open(p)"),
                         finding("PPY002", "proj/src/a.py", 25, "def __del__(self):"),
                         finding("PPY001", "proj/src/a.py", 40, "g = open(q)")});
  BaselineFilter filter = remove_known(tomorrow, *baseline, "proj");
  EXPECT_EQ(filter.known, 2u);
  EXPECT_EQ(filter.gone, 0u);
  ASSERT_EQ(tomorrow[0].findings.size(), 1u);
  EXPECT_EQ(tomorrow[0].findings[0].line_text, "g = open(q)");
}

TEST(ScanBaseline, DuplicatesAreCountedAndFixedOnesAreGone) {
  auto today = files({finding("PPY001", "proj/src/a.py", 1, "f = open(p)"),
                      finding("PPY001", "proj/src/a.py", 2, "f = open(p)"),
                      finding("PPY003", "proj/src/a.py", 3, "sys._getframe()")});
  std::string text = baseline_text(today, "proj");
  EXPECT_NE(text.find("\"count\": 2"), std::string::npos) << text;
  EXPECT_EQ(text.find("\"line\""), std::string::npos) << "no line numbers in the baseline";
  auto baseline = parse_baseline(text, "baseline.json");
  ASSERT_TRUE(baseline);

  auto later = files({finding("PPY001", "proj/src/a.py", 1, "f = open(p)"),
                      finding("PPY001", "proj/src/a.py", 2, "f = open(p)"),
                      finding("PPY001", "proj/src/a.py", 3, "f = open(p)")});
  BaselineFilter filter = remove_known(later, *baseline, "proj");
  EXPECT_EQ(filter.known, 2u);
  EXPECT_EQ(filter.gone, 1u);  // the PPY003 finding was fixed
  EXPECT_EQ(later[0].findings.size(), 1u);
}

TEST(ScanBaseline, PathsAreRelativeToTheBaselineFolder) {
  auto from_root = files({finding("PPY001", "proj/src/a.py", 1, "f = open(p)")});
  auto baseline = parse_baseline(baseline_text(from_root, "proj"), "b.json");
  ASSERT_TRUE(baseline);
  // The same file reached through another spelling of its path.
  auto other_spelling = files({finding("PPY001", "proj/./src/../src/a.py", 1, "f = open(p)")});
  EXPECT_EQ(remove_known(other_spelling, *baseline, "proj/").known, 1u);
  EXPECT_NE(baseline_text(from_root, "proj").find("\"path\": \"src/a.py\""), std::string::npos);
}

TEST(ScanBaseline, TheFileIsStableFromRunToRun) {
  auto a = files({finding("PPY002", "proj/z.py", 9, "b"), finding("PPY001", "proj/a.py", 1, "a")});
  auto b = files({finding("PPY001", "proj/a.py", 7, "a"), finding("PPY002", "proj/z.py", 3, "b")});
  EXPECT_EQ(baseline_text(a, "proj"), baseline_text(b, "proj"));
}

TEST(ScanBaseline, DamagedFilesAreErrorsThatNameTheFile) {
  for (const char* text :
       {"not json", "[]", R"({"schema": "other/1", "findings": []})", R"({"schema": "pypyready-baseline/1"})",
        R"({"schema": "pypyready-baseline/1", "findings": [{"code": "PPY001"}]})",
        R"({"schema": "pypyready-baseline/1", "findings": [{"code": "A", "path": "p",
                               "line_text": "", "count": 0}]})",
        R"({"schema": "pypyready-baseline/1", "findings": [{"code": "A", "path": "p",
                               "line_text": "", "count": "2"}]})"}) {
    auto parsed = parse_baseline(text, "ci/baseline.json");
    ASSERT_FALSE(parsed) << text;
    EXPECT_EQ(parsed.error().message.rfind("ci/baseline.json: not a pypyready baseline", 0), 0u)
        << parsed.error().message;
  }
  EXPECT_TRUE(parse_baseline(R"({"schema": "pypyready-baseline/1", "findings": []})", "b.json"));
}

}  // namespace
}  // namespace pypyready::scan
