// Runs every rule of the registry alone on its fixture, beside the rule in src/scan/rules/, and
// checks that the lines it fires on are exactly the lines marked `expect: CODE`:
// - a rule over syntax nodes: <snake_name>.py, lines marked `# expect: CODE`;
// - a file rule: every file under the folder <snake_name>/, lines marked `expect: CODE` in any
//   comment syntax (`# expect`, `/* expect */`, `// expect`). A binaries.txt in the folder lists
//   binaries to build at test time with cc (name, C file or "empty", marker); binaries are
//   expected at line 1.
// Rules run with the target PyPy at Python 3.9, so fixtures show both sides of that version.

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "core/file_io.h"
#include "deps/child_process.h"
#include "scan/checker.h"
#include "scan/registry.h"
#include "scan/rule_entry_printer.h"

namespace pypyready::scan {

namespace {

namespace fs = std::filesystem;

constexpr PythonVersion kFixtureTarget{3, 9};

std::string snake_name(std::string_view kebab) {
  std::string name(kebab);
  for (char& c : name) {
    if (c == '-') c = '_';
  }
  return name;
}

fs::path fixture_path(const RuleEntry& entry) {
  fs::path folder = fs::path(PYPYREADY_SOURCE_DIR) / "src/scan/rules";
  std::string name = snake_name(entry.info->name);
  return entry.make_file != nullptr ? folder / name : folder / (name + ".py");
}

// The 1-based lines of `text` that contain `marker`.
std::set<std::uint32_t> marked_lines(std::string_view text, std::string_view marker) {
  std::set<std::uint32_t> lines;
  std::uint32_t line = 1;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    if (text.substr(start, end - start).find(marker) != std::string_view::npos) lines.insert(line);
    start = end + 1;
    ++line;
  }
  return lines;
}

using Places = std::map<std::string, std::set<std::uint32_t>>;  // file -> lines

class RuleFixture : public testing::TestWithParam<const RuleEntry*> {};

ScanSettings fixture_settings() {
  ScanSettings settings;
  settings.target_python = kFixtureTarget;
  return settings;
}

void check_python_fixture(const RuleEntry& entry) {
  core::Result<std::string> source = core::read_file(fixture_path(entry));
  ASSERT_TRUE(source.ok()) << source.error().message;
  std::set<std::uint32_t> expected = marked_lines(*source, "# expect: " + std::string(entry.info->code));
  ASSERT_FALSE(expected.empty()) << "the fixture marks no line with # expect: " << entry.info->code;

  Checker checker({&entry}, fixture_settings());
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

// Builds the binaries listed in binaries.txt into `into`; returns the expected places.
Places build_binaries(const fs::path& folder, const fs::path& into, std::string_view marker) {
  Places expected;
  core::Result<std::string> list = core::read_file(folder / "binaries.txt");
  if (!list) return expected;
  std::istringstream lines(*list);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty() || line.front() == '#') continue;
    std::istringstream words(line);
    std::string name, source;
    words >> name >> source;
    fs::path target = into / name;
    if (source == "empty") {
      EXPECT_TRUE(core::write_file_atomically(target, "").ok()) << target;
    } else {
      core::Result<deps::ChildOutput> built =
          deps::run_child({"cc", "-shared", "-fPIC", "-o", target.string(), (folder / source).string()},
                          std::chrono::seconds(60));
      if (!built || built->exit_code != 0) {
        ADD_FAILURE() << "cc could not build " << name << ": "
                      << (built ? built->err : built.error().message);
        continue;
      }
    }
    if (line.find(marker) != std::string::npos) expected[target.string()].insert(1);
  }
  return expected;
}

void check_file_fixture(const RuleEntry& entry) {
  const fs::path folder = fixture_path(entry);
  ASSERT_TRUE(fs::is_directory(folder)) << folder;
  const std::string marker = "expect: " + std::string(entry.info->code);
  // A private folder: several test binaries (or build directories) may run this at once.
  std::string pattern =
      (fs::path(testing::TempDir()) / ("fixture_" + snake_name(entry.info->name) + "_XXXXXX"));
  ASSERT_NE(mkdtemp(pattern.data()), nullptr) << pattern;
  const fs::path binaries = pattern;

  Places expected = build_binaries(folder, binaries, marker);
  std::vector<fs::path> files;
  for (const fs::directory_entry& file : fs::recursive_directory_iterator(folder)) {
    if (file.is_regular_file() && file.path().filename() != "binaries.txt") files.push_back(file.path());
  }
  for (const fs::directory_entry& file : fs::directory_iterator(binaries))
    files.push_back(file.path());

  Checker checker({&entry}, fixture_settings());
  Places fired;
  for (const fs::path& file : files) {
    core::Result<std::string> bytes = core::read_file(file);
    ASSERT_TRUE(bytes.ok()) << bytes.error().message;
    if (file.parent_path() != binaries) {
      std::set<std::uint32_t> lines = marked_lines(*bytes, marker);
      if (!lines.empty()) expected[file.string()] = lines;
    }
    FileResult result = checker.check(file.string(), *bytes);
    for (const Finding& finding : result.findings) {
      EXPECT_EQ(finding.code, entry.info->code);
      EXPECT_EQ(finding.path, file.string());
      fired[file.string()].insert(finding.begin.line);
    }
  }
  ASSERT_FALSE(expected.empty()) << "the fixture marks no line with " << marker;
  EXPECT_EQ(fired, expected);
  fs::remove_all(binaries);
}

TEST_P(RuleFixture, FiresExactlyOnMarkedLines) {
  const RuleEntry& entry = *GetParam();
  if (entry.make_file != nullptr) {
    check_file_fixture(entry);
  } else {
    check_python_fixture(entry);
  }
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
    EXPECT_NE(entry.make == nullptr, entry.make_file == nullptr)
        << entry.info->code << ": exactly one factory";
    EXPECT_TRUE(std::filesystem::exists(fixture_path(entry))) << fixture_path(entry);
  }
}

}  // namespace
}  // namespace pypyready::scan
