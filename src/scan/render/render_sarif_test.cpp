// SARIF columns: GitHub code scanning reads them as UTF-16 code units, so a character beyond
// U+FFFF before a finding counts twice, while code-point columns elsewhere stay as they are.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "scan/checker.h"
#include "scan/registry.h"
#include "scan/render/render.h"

namespace pypyready::scan {
namespace {

nlohmann::json sarif_of(std::string_view source) {
  Checker checker({find_rule("PPY010")});
  ScanReport report;
  report.files.push_back(checker.check("t.py", source));
  report.files_scanned = 1;
  std::ostringstream out;
  render_sarif(report, out);
  return nlohmann::json::parse(out.str());
}

TEST(SarifColumns, CountUtf16CodeUnits) {
  // "\xF0\x9F\x98\x80" is U+1F600 (two UTF-16 units), "\xC3\xA9" is U+00E9 (one).
  nlohmann::json sarif = sarif_of("import sys\ns = '\xF0\x9F\x98\x80\xC3\xA9'; sys.getrefcount(s)\n");
  const nlohmann::json& run = sarif["runs"][0];
  EXPECT_EQ(run["columnKind"], "utf16CodeUnits");
  ASSERT_EQ(run["results"].size(), 1u);
  const nlohmann::json& region = run["results"][0]["locations"][0]["physicalLocation"]["region"];
  // Code points: `s = '` is 5, the two characters 2, `'; ` 3: the call starts at column 11.
  EXPECT_EQ(region["startColumn"], 12);
  EXPECT_EQ(region["endColumn"], 12 + 15);  // `sys.getrefcount`
  EXPECT_EQ(region["startLine"], 2);
}

TEST(SarifColumns, AsciiAndBmpTextKeepCodePointColumns) {
  Checker checker({find_rule("PPY010")});
  FileResult result = checker.check("t.py", "import sys\ns = '\xC3\xA9'; sys.getrefcount(s)\n");
  ASSERT_EQ(result.findings.size(), 1u);
  EXPECT_EQ(result.findings[0].begin.column, 10u);
  EXPECT_EQ(result.findings[0].begin.utf16_column, 10u);
  nlohmann::json sarif = sarif_of("import sys\ns = '\xC3\xA9'; sys.getrefcount(s)\n");
  EXPECT_EQ(sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startColumn"], 10);
}

TEST(SarifColumns, MultiLineFindingEndsAreCountedOnTheirOwnLine) {
  Checker checker({find_rule("PPY016")});
  FileResult result = checker.check("t.py", "x = 1\nx is (\n    '\xF0\x9F\x98\x80')\n");
  ASSERT_EQ(result.findings.size(), 1u);
  EXPECT_EQ(result.findings[0].begin.line, 2u);
  EXPECT_EQ(result.findings[0].end.line, 3u);
  EXPECT_EQ(result.findings[0].end.column, 9u);
  EXPECT_EQ(result.findings[0].end.utf16_column, 10u);
}

}  // namespace
}  // namespace pypyready::scan
