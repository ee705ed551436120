#include "testdiff/code_index.h"

#include <gtest/gtest.h>

#include "testdiff/finding_links.h"

namespace pypyready::testdiff {
namespace {

constexpr std::string_view kSource = R"(class Report:
    def __init__(self, path):
        self.handle = open(path, "w")

    def __del__(self):
        self.handle.close()


def test_report():
    Report("x").write([])
    assert helper()
)";

TEST(CodeIndex, DefinitionsWithQualifiedNamesAndRanges) {
  std::vector<Definition> definitions = definitions_of(kSource);
  ASSERT_EQ(definitions.size(), 4u);
  EXPECT_EQ(definitions[0].qualified_name, "Report");
  EXPECT_TRUE(definitions[0].is_class);
  EXPECT_EQ(definitions[2].qualified_name, "Report.__del__");
  EXPECT_EQ(definitions[2].first_line, 5);
  EXPECT_EQ(definitions[2].last_line, 6);
  EXPECT_EQ(definitions[3].qualified_name, "test_report");
  EXPECT_TRUE(definitions[3].referenced_names.contains("Report"));
  EXPECT_TRUE(definitions[3].referenced_names.contains("helper"));
}

TEST(FindingLinks, TracebackFunctionAndCodeTheTestNames) {
  CodeIndex index;
  IndexedFile file;
  file.definitions = definitions_of(kSource);
  scan::Finding in_del;
  in_del.code = "PPY006";
  in_del.name = "cleanup-relies-on-del";
  in_del.begin.line = 5;
  scan::Finding elsewhere = in_del;
  elsewhere.code = "PPY010";
  elsewhere.begin.line = 11;
  file.findings = {in_del, elsewhere};
  index.files.emplace("tests/test_r.py", file);

  std::vector<Frame> frames{{"/proj/tests/test_r.py", 11, ""}};
  auto cause = std::optional<LikelyCause>(LikelyCause{"gc-timing", "x"});
  std::vector<RelatedFinding> found =
      link_findings(index, "tests/test_r.py::test_report", frames, "/proj", cause);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].code, "PPY010");
  EXPECT_EQ(found[0].link, "traceback");
  EXPECT_EQ(found[0].function, "test_report");
  EXPECT_FALSE(found[0].matches_cause);
  EXPECT_EQ(found[1].code, "PPY006");
  EXPECT_EQ(found[1].link, "called-by-test");
  EXPECT_EQ(found[1].function, "Report.__del__");
  EXPECT_TRUE(found[1].matches_cause);
}

}  // namespace
}  // namespace pypyready::testdiff
