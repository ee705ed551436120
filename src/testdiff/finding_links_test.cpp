#include "testdiff/finding_links.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace pypyready::testdiff {
namespace {

scan::Finding finding_at(std::string_view code, int line) {
  scan::Finding finding;
  finding.code = code;
  finding.name = "rule";
  finding.begin.line = static_cast<std::size_t>(line);
  return finding;
}

IndexedFile indexed(std::string_view source, std::vector<scan::Finding> findings) {
  IndexedFile file;
  file.definitions = definitions_of(source);
  file.findings = std::move(findings);
  return file;
}

bool has(const std::vector<RelatedFinding>& found, std::string_view code) {
  return std::any_of(found.begin(), found.end(), [&](const RelatedFinding& f) { return f.code == code; });
}

constexpr std::string_view kStore =
    "import sys\n"                      // 1
    "class Store:\n"                    // 2
    "    def size(self):\n"             // 3
    "        return measure(self)\n"    // 4
    "    def order(self):\n"            // 5
    "        return list(set(self))\n"  // 6
    "def measure(x):\n"                 // 7
    "    return helper(x)\n"            // 8
    "def helper(x):\n"                  // 9
    "    return sys.getsizeof(x)\n"     // 10
    "TABLE = sys.getrefcount(1)\n";     // 11

constexpr std::string_view kTest =
    "from store import Store\n"
    "def test_size():\n"
    "    assert Store().size() < 10\n";

CodeIndex index_of_both() {
  CodeIndex index;
  index.files["store.py"] =
      indexed(kStore, {finding_at("PPY020", 6), finding_at("PPY011", 10), finding_at("PPY010", 11)});
  index.files["test_store.py"] = indexed(kTest, {});
  return index;
}

TEST(FindingLinks, FollowsCallsSeveralLevelsButOnlyTheMethodsNamed) {
  CodeIndex index = index_of_both();
  auto found = link_findings(index, "test_store.py::test_size", {}, "/p", std::nullopt);
  // Store.size -> measure -> helper: the getsizeof finding two calls down is linked ...
  EXPECT_TRUE(has(found, "PPY011"));
  // ... but not Store.order, which the test never names, nor the module's top level.
  EXPECT_FALSE(has(found, "PPY020"));
  EXPECT_FALSE(has(found, "PPY010"));
}

TEST(FindingLinks, ModuleLevelFrameLinksOnlyItsLine) {
  CodeIndex index = index_of_both();
  std::vector<Frame> frames{{"store.py", 11, ""}};
  auto found = link_findings(index, "test_store.py", frames, "/p", std::nullopt);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].code, "PPY010");
  EXPECT_EQ(found[0].link, "traceback");
}

}  // namespace
}  // namespace pypyready::testdiff
