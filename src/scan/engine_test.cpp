// Unit tests of the engine's parts: suppressions, selection, globs and .gitignore, config.

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "scan/checker.h"
#include "scan/config.h"
#include "scan/discovery.h"
#include "scan/gitignore.h"
#include "scan/registry.h"
#include "scan/selection.h"
#include "scan/suppression.h"

namespace pypyready::scan {
namespace {

TEST(Suppression, ParsesNoqaAndIgnoreComments) {
  bool all = false;
  std::vector<std::string> codes;
  EXPECT_TRUE(Suppressions::parse_comment("# noqa: PPY001,PPY002", all, codes));
  EXPECT_FALSE(all);
  EXPECT_EQ(codes, (std::vector<std::string>{"PPY001", "PPY002"}));
  codes.clear();
  EXPECT_TRUE(Suppressions::parse_comment("# pypyready: ignore[PPY010]", all, codes));
  EXPECT_EQ(codes, (std::vector<std::string>{"PPY010"}));
  codes.clear();
  EXPECT_TRUE(Suppressions::parse_comment("# NOQA", all, codes));
  EXPECT_TRUE(all);
  all = false;
  EXPECT_FALSE(Suppressions::parse_comment("# an ordinary comment", all, codes));
}

TEST(Checker, SuppressionsDropOnlyTheNamedCodes) {
  Checker checker({find_rule("PPY010"), find_rule("PPY012")});
  FileResult result = checker.check("t.py",
                                    "import sys, gc\n"
                                    "sys.getrefcount(1); gc.freeze()  # noqa: PPY010\n"
                                    "sys.getrefcount(1)  # pypyready: ignore[PPY012]\n");
  ASSERT_EQ(result.findings.size(), 2u);
  EXPECT_EQ(result.findings[0].code, "PPY012");
  EXPECT_EQ(result.findings[1].code, "PPY010");
  EXPECT_EQ(result.findings[1].begin.line, 3u);
  EXPECT_EQ(result.findings[1].begin.column, 1u);
  EXPECT_EQ(result.findings[1].end.column, 16u);
}

TEST(Checker, ReportsSyntaxErrorsAsData) {
  Checker checker({find_rule("PPY010")});
  FileResult result = checker.check("bad.py", "def f(:\n");
  ASSERT_TRUE(result.syntax_error.has_value());
  EXPECT_EQ(result.syntax_error->line, 1u);
  EXPECT_TRUE(result.findings.empty());
}

TEST(Selection, PrefixesSelectAndIgnore) {
  auto chosen = select_rules({{"PPY01"}, {"PPY012"}});
  ASSERT_TRUE(chosen.ok());
  for (const RuleEntry* entry : *chosen) {
    EXPECT_TRUE(entry->info->code.starts_with("PPY01"));
    EXPECT_NE(entry->info->code, "PPY012");
  }
  EXPECT_FALSE(select_rules({{"XYZ9"}, {}}).ok());
}

TEST(Glob, StarsAndDoubleStars) {
  EXPECT_TRUE(glob_match("*.py", "a.py"));
  EXPECT_FALSE(glob_match("*.py", "dir/a.py"));
  EXPECT_TRUE(glob_match("**/a.py", "x/y/a.py"));
  EXPECT_TRUE(glob_match("**/a.py", "a.py"));
  EXPECT_TRUE(glob_match("tests/**", "tests/x/y.py"));
  EXPECT_TRUE(glob_match("file[0-9].py", "file3.py"));
  EXPECT_FALSE(glob_match("file[0-9].py", "filex.py"));
}

std::vector<std::filesystem::path> sorted_by_path_compare(std::vector<std::filesystem::path> paths) {
  std::stable_sort(paths.begin(), paths.end());
  return paths;
}

std::vector<std::filesystem::path> sorted_by_path_order(const std::vector<std::filesystem::path>& paths) {
  std::vector<std::filesystem::path> sorted;
  for (std::size_t index : path_order(paths))
    sorted.push_back(paths[index]);
  return sorted;
}

TEST(Discovery, PathSortAgreesWithPathCompare) {
  // Names chosen around '/': '-', '.', ' ' and '_' sort below or above it as bytes.
  const std::vector<std::string> names = {"a", "a-b", "a.py", "b", "a b", "A", "_", "\xc3\xa9", "ab", "a_"};
  std::mt19937 random(20261206);
  for (const char* root : {"", "/", "./"}) {
    std::vector<std::filesystem::path> paths;
    for (int count = 0; count < 300; ++count) {
      std::string path = root;
      int depth = 1 + static_cast<int>(random() % 4);
      for (int level = 0; level < depth; ++level)
        path += (level ? "/" : "") + names[random() % names.size()];
      paths.emplace_back(path);
    }
    EXPECT_EQ(sorted_by_path_order(paths), sorted_by_path_compare(paths)) << "root '" << root << "'";
  }
  // Paths the keys cannot order (empty components, absolute next to relative) still sort.
  std::vector<std::filesystem::path> odd = {"a//z", "a/b", "/c", "a/", "b"};
  EXPECT_EQ(sorted_by_path_order(odd), sorted_by_path_compare(odd));
}

TEST(Gitignore, NegationDirectoriesAndAnchors) {
  GitignoreFile file("/p", "build/\n*.gen.py\n!keep.gen.py\n/top.py\n");
  EXPECT_EQ(file.match("/p/build", true), std::optional<bool>(true));
  EXPECT_EQ(file.match("/p/build", false), std::nullopt);
  EXPECT_EQ(file.match("/p/sub/x.gen.py", false), std::optional<bool>(true));
  EXPECT_EQ(file.match("/p/keep.gen.py", false), std::optional<bool>(false));
  EXPECT_EQ(file.match("/p/top.py", false), std::optional<bool>(true));
  EXPECT_EQ(file.match("/p/sub/top.py", false), std::nullopt);
}

TEST(Config, ReadsKeysAndRejectsUnknownOnes) {
  auto config = parse_config(
      "[tool.pypyready]\nselect = [\"PPY0\"]\nignore = [\"PPY022\"]\n"
      "[tool.pypyready.per-file-ignores]\n\"tests/*\" = [\"PPY010\"]\n",
      "/p/pyproject.toml", true);
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(config->select, std::vector<std::string>{"PPY0"});
  ASSERT_EQ(config->per_file_ignores.size(), 1u);
  EXPECT_EQ(config->per_file_ignores[0].pattern, "tests/*");
  auto bad = parse_config("selct = []\n", "/p/pypyready.toml", false);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("selct"), std::string::npos);
  EXPECT_NE(bad.error().message.find("/p/pypyready.toml"), std::string::npos);
}

}  // namespace
}  // namespace pypyready::scan
