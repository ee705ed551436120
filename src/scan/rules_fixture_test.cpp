// Runs every rule of the registry alone on its fixture (tests/scan/fixtures/<snake_name>.py)
// and checks that the lines it fires on are exactly the lines marked `# expect: CODE`.

#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>

#include "core/file_io.h"
#include "scan/checker.h"
#include "scan/registry.h"

namespace pypyready::scan {
namespace {

std::string snake_name(std::string_view kebab) {
  std::string name(kebab);
  for (char& c : name) {
    if (c == '-') c = '_';
  }
  return name;
}

std::filesystem::path fixture_path(const RuleInfo& info) {
  return std::filesystem::path(PYPYREADY_SOURCE_DIR) / "tests/scan/fixtures" /
         (snake_name(info.name) + ".py");
}

class RuleFixture : public testing::TestWithParam<const RuleEntry*> {};

TEST_P(RuleFixture, FiresExactlyOnMarkedLines) {
  const RuleEntry& entry = *GetParam();
  core::Result<std::string> source = core::read_file(fixture_path(*entry.info));
  ASSERT_TRUE(source.ok()) << source.error().message;

  std::set<std::uint32_t> expected;
  std::uint32_t line = 1;
  std::string marker = "# expect: " + std::string(entry.info->code);
  std::size_t start = 0;
  while (start <= source->size()) {
    std::size_t end = source->find('\n', start);
    if (end == std::string::npos) end = source->size();
    if (std::string_view(*source).substr(start, end - start).find(marker) != std::string_view::npos) {
      expected.insert(line);
    }
    start = end + 1;
    ++line;
  }
  ASSERT_FALSE(expected.empty()) << "the fixture marks no line with " << marker;

  Checker checker({&entry});
  FileResult result = checker.check("fixture.py", *source);
  ASSERT_FALSE(result.syntax_error.has_value())
      << result.syntax_error->message << " at line " << result.syntax_error->line;
  std::set<std::uint32_t> fired;
  for (const Finding& finding : result.findings) {
    EXPECT_EQ(finding.code, entry.info->code);
    fired.insert(finding.begin.line);
  }
  EXPECT_EQ(fired, expected);
}

std::vector<const RuleEntry*> all_rules() {
  std::vector<const RuleEntry*> entries;
  for (const RuleEntry& entry : rule_registry())
    entries.push_back(&entry);
  return entries;
}

INSTANTIATE_TEST_SUITE_P(Registry, RuleFixture, testing::ValuesIn(all_rules()),
                         [](const testing::TestParamInfo<const RuleEntry*>& param) {
                           return std::string(param.param->info->code);
                         });

TEST(Registry, SortedUniqueAndDocumented) {
  std::string previous;
  for (const RuleEntry& entry : rule_registry()) {
    EXPECT_LT(previous, std::string(entry.info->code));
    previous = entry.info->code;
    EXPECT_FALSE(entry.info->doc.what.empty()) << entry.info->code;
    EXPECT_FALSE(entry.info->doc.why.empty()) << entry.info->code;
    EXPECT_TRUE(entry.info->doc.source.starts_with("https://")) << entry.info->code;
    EXPECT_FALSE(entry.info->doc.example.empty()) << entry.info->code;
    EXPECT_FALSE(entry.info->doc.use_instead.empty()) << entry.info->code;
    EXPECT_EQ(entry.info->name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-"),
              std::string_view::npos);
    EXPECT_TRUE(std::filesystem::exists(fixture_path(*entry.info))) << fixture_path(*entry.info);
  }
}

}  // namespace
}  // namespace pypyready::scan
