// Fixes: the unified diff, one pass of edits, and whole-file fixing (re-parse, idempotence,
// byte order mark and line ends kept), including every rule's fixture.

#include <gtest/gtest.h>

#include <filesystem>

#include "core/file_io.h"
#include "python/parser.h"
#include "scan/checker.h"
#include "scan/fix_apply.h"
#include "scan/fixer.h"
#include "scan/registry.h"
#include "scan/rule_entry_printer.h"
#include "scan/unified_diff.h"

namespace pypyready::scan {
namespace {

TEST(UnifiedDiff, EqualTextsHaveNoDiff) {
  EXPECT_EQ(unified_diff("a\nb\n", "a\nb\n", "f.py"), "");
}

TEST(UnifiedDiff, OneChangedLineWithContext) {
  std::string before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
  std::string after = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";
  EXPECT_EQ(unified_diff(before, after, "f.py"),
            "--- f.py\n+++ f.py\n"
            "@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
}

TEST(UnifiedDiff, DistantChangesGetTwoHunksAndNearOnesOne) {
  std::string before, after;
  for (int line = 1; line <= 20; ++line) {
    before += std::to_string(line) + "\n";
    after += (line == 2 || line == 18 ? "x" : std::to_string(line)) + "\n";
  }
  std::string diff = unified_diff(before, after, "f.py");
  EXPECT_NE(diff.find("@@ -1,5 +1,5 @@\n 1\n-2\n+x\n 3\n"), std::string::npos) << diff;
  EXPECT_NE(diff.find("@@ -15,6 +15,6 @@\n"), std::string::npos) << diff;

  std::string close = before;
  close.replace(close.find("\n8\n") + 1, 1, "y");  // changes 2 and 8: 5 equal lines between
  close.replace(close.find("\n2\n") + 1, 1, "x");
  std::string one = unified_diff(before, close, "f.py");
  EXPECT_EQ(one.find("\n@@", one.find("\n@@") + 1), std::string::npos) << one;
  EXPECT_NE(one.find("@@ -1,11 +1,11 @@\n"), std::string::npos) << one;
}

TEST(UnifiedDiff, InsertionsDeletionsAndEmptyRanges) {
  EXPECT_EQ(unified_diff("", "a\n", "f.py"), "--- f.py\n+++ f.py\n@@ -0,0 +1 @@\n+a\n");
  EXPECT_EQ(unified_diff("a\nb\n", "b\n", "f.py"), "--- f.py\n+++ f.py\n@@ -1,2 +1 @@\n-a\n b\n");
  EXPECT_EQ(unified_diff("a\nb\nc\n", "a\nx\ny\nc\n", "f.py"),
            "--- f.py\n+++ f.py\n@@ -1,3 +1,4 @@\n a\n-b\n+x\n+y\n c\n");
}

TEST(UnifiedDiff, MarksALastLineWithoutNewline) {
  EXPECT_EQ(unified_diff("a\nb", "a\nc", "f.py"),
            "--- f.py\n+++ f.py\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n"
            "\\ No newline at end of file\n");
  EXPECT_EQ(unified_diff("a", "a\n", "f.py"),
            "--- f.py\n+++ f.py\n@@ -1 +1 @@\n-a\n\\ No newline at end of file\n+a\n");
}

// Replays a diff on `before` the way patch does, to check that the hunks are consistent.
std::string apply_diff(std::string_view before, std::string_view diff) {
  std::vector<std::string> lines;
  for (std::size_t start = 0; start < before.size();) {
    std::size_t end = before.find('\n', start);
    end = end == std::string_view::npos ? before.size() : end + 1;
    lines.emplace_back(before.substr(start, end - start));
    start = end;
  }
  std::vector<std::string> out;
  std::size_t next = 0;
  std::size_t position = diff.find("@@");
  while (position != std::string_view::npos && position < diff.size()) {
    // "@@ -A,B +C,D @@": a hunk with an empty old range (B == 0) goes after line A.
    std::size_t line_end = diff.find('\n', position);
    std::string header(diff.substr(position + 4, line_end - position - 4));
    std::size_t old_start = std::stoul(header);
    std::size_t space = header.find(' ');
    bool empty_range = header.substr(0, space).ends_with(",0");
    std::size_t first = empty_range || old_start == 0 ? old_start : old_start - 1;
    while (next < first)
      out.push_back(lines[next++]);
    position = line_end + 1;
    while (position < diff.size() && diff.substr(position, 2) != "@@") {
      std::size_t end = diff.find('\n', position);
      std::string body(diff.substr(position + 1, end - position));
      char kind = diff[position];
      position = end + 1;
      bool no_newline = diff.substr(position, 2) == "\\ ";
      if (no_newline) {
        body.pop_back();
        position = diff.find('\n', position) + 1;
      }
      if (kind == ' ' || kind == '-') {
        EXPECT_EQ(lines.at(next), body);
        ++next;
      }
      if (kind == ' ' || kind == '+') out.push_back(body);
    }
  }
  while (next < lines.size())
    out.push_back(lines[next++]);
  std::string text;
  for (const std::string& line : out)
    text += line;
  return text;
}

TEST(UnifiedDiff, ReplayingTheDiffGivesTheNewText) {
  // Pseudo-random edits over a text with many repeated lines, where a poor script is easy.
  std::uint32_t seed = 12345;
  auto next = [&] { return seed = seed * 1103515245u + 12345u, (seed >> 16) & 0x7fff; };
  for (int round = 0; round < 200; ++round) {
    std::string before, after;
    int count = static_cast<int>(next() % 40);
    for (int line = 0; line < count; ++line) {
      std::string text = std::string(1, static_cast<char>('a' + next() % 4)) + "\n";
      before += text;
      switch (next() % 6) {
        case 0:
          break;  // deleted
        case 1:
          after += "new\n" + text;
          break;
        case 2:
          after += std::string(1, static_cast<char>('a' + next() % 4)) + "\n";
          break;
        default:
          after += text;
      }
    }
    if (next() % 3 == 0 && !after.empty()) after.pop_back();  // no newline at the end
    std::string diff = unified_diff(before, after, "f.py", static_cast<int>(next() % 4));
    if (before == after) {
      EXPECT_EQ(diff, "");
      continue;
    }
    EXPECT_EQ(apply_diff(before, diff), after) << "round " << round << "\n" << diff;
  }
}

Finding with_fix(std::uint32_t begin, std::uint32_t end, std::string content, bool safe = true) {
  Finding finding;
  finding.code = "PPY999";
  Fix fix;
  fix.description = "test";
  fix.edits.push_back(Edit{{1, begin + 1, begin}, {1, end + 1, end}, std::move(content)});
  fix.safe = safe;
  finding.fix = std::move(fix);
  return finding;
}

TEST(ApplyFixes, AppliesNonOverlappingAndLeavesOverlappingForLater) {
  std::vector<Finding> findings{with_fix(0, 3, "XYZ"), with_fix(2, 5, "no"), with_fix(6, 7, "Q")};
  FixPass pass = apply_fixes("abcdefgh", findings);
  EXPECT_EQ(pass.text, "XYZdefQh");
  EXPECT_EQ(pass.applied, (std::vector<std::size_t>{0, 2}));
}

TEST(ApplyFixes, SharesIdenticalEditsAndSkipsUnsafeOrOutOfRange) {
  Finding first = with_fix(0, 0, "import x\n");
  first.fix->edits.push_back(Edit{{2, 1, 9}, {2, 2, 10}, "1"});
  Finding second = with_fix(0, 0, "import x\n");
  second.fix->edits.push_back(Edit{{4, 1, 11}, {4, 2, 12}, "2"});
  std::vector<Finding> findings{first, second, with_fix(4, 5, "u", false), with_fix(20, 30, "far")};
  FixPass pass = apply_fixes("pass\nfoo\na\nb\n", findings);
  EXPECT_EQ(pass.text, "import x\npass\nfoo\n1\n2\n");
  EXPECT_EQ(pass.applied, (std::vector<std::size_t>{0, 1}));
}

TEST(ApplyFixes, InsertionAtTheStartOfItsOwnReplacementGoesFirst) {
  Finding finding = with_fix(0, 3, "new");
  finding.fix->edits.insert(finding.fix->edits.begin() + 0, Edit{{1, 1, 0}, {1, 1, 0}, "import x\n"});
  std::swap(finding.fix->edits[0], finding.fix->edits[1]);  // order in the fix does not matter
  FixPass pass = apply_fixes("old1\n", std::vector<Finding>{finding});
  EXPECT_EQ(pass.text, "import x\nnew1\n");
}

Checker identity_checker() {
  return Checker({find_rule("PPY016")});
}

TEST(FixSource, FixesParseAndASecondRunChangesNothing) {
  Checker checker = identity_checker();
  auto check = [&](std::string_view bytes) { return checker.check("t.py", bytes); };
  std::string source = "if x is 0 and y is not 'a':\n    pass\nif z is None:\n    pass\n";
  FixedSource fixed = fix_source("t.py", source, check);
  EXPECT_FALSE(fixed.error.has_value());
  EXPECT_EQ(fixed.fixed, 2u);
  EXPECT_EQ(fixed.bytes, "if x == 0 and y != 'a':\n    pass\nif z is None:\n    pass\n");
  EXPECT_TRUE(fixed.result.findings.empty());
  EXPECT_FALSE(python::parse_python(fixed.bytes).error.has_value());

  FixedSource again = fix_source("t.py", fixed.bytes, check);
  EXPECT_EQ(again.fixed, 0u);
  EXPECT_EQ(again.bytes, fixed.bytes);
}

TEST(FixSource, KeepsByteOrderMarkAndCrlf) {
  Checker checker = identity_checker();
  auto check = [&](std::string_view bytes) { return checker.check("t.py", bytes); };
  FixedSource fixed = fix_source("t.py", "\xEF\xBB\xBFx = 1\r\nif x is 1:\r\n    pass\r\n", check);
  EXPECT_FALSE(fixed.error.has_value());
  EXPECT_EQ(fixed.bytes, "\xEF\xBB\xBFx = 1\r\nif x == 1:\r\n    pass\r\n");
}

TEST(FixSource, RefusesMixedLineEnds) {
  Checker checker = identity_checker();
  auto check = [&](std::string_view bytes) { return checker.check("t.py", bytes); };
  std::string source = "x = 1\nif x is 1:\r\n    pass\n";
  FixedSource fixed = fix_source("t.py", source, check);
  ASSERT_TRUE(fixed.error.has_value());
  EXPECT_NE(fixed.error->find("t.py: fixes not applied"), std::string::npos);
  EXPECT_EQ(fixed.bytes, source);
  EXPECT_EQ(fixed.fixed, 0u);
  EXPECT_EQ(fixed.result.findings.size(), 1u);
}

TEST(FixSource, RefusesAFixWhoseTextDoesNotParse) {
  Checker checker = identity_checker();
  // A check whose finding carries a fix that breaks the syntax (deletes a closing bracket).
  auto check = [&](std::string_view bytes) {
    FileResult result = checker.check("t.py", bytes);
    if (bytes.find(')') != std::string_view::npos) {
      std::uint32_t at = static_cast<std::uint32_t>(bytes.find(')'));
      result.findings.push_back(with_fix(at, at + 1, ""));
    }
    return result;
  };
  std::string source = "print(1)\n";
  FixedSource fixed = fix_source("bad.py", source, check);
  ASSERT_TRUE(fixed.error.has_value());
  EXPECT_NE(fixed.error->find("bad.py: fixes not applied: the fixed text does not parse"), std::string::npos)
      << *fixed.error;
  EXPECT_EQ(fixed.bytes, source);
  EXPECT_EQ(fixed.fixed, 0u);
}

// Every rule's fixture: its fixes leave text that parses, and fixing again changes nothing.
class FixtureFixes : public testing::TestWithParam<const RuleEntry*> {};

TEST_P(FixtureFixes, ParseAndAreIdempotent) {
  const RuleEntry& entry = *GetParam();
  std::string name(entry.info->name);
  for (char& c : name) {
    if (c == '-') c = '_';
  }
  std::filesystem::path path =
      std::filesystem::path(PYPYREADY_SOURCE_DIR) / "src/scan/rules" / (name + ".py");
  core::Result<std::string> source = core::read_file(path);
  ASSERT_TRUE(source.ok()) << "no fixture for " << entry.info->code;
  Checker checker({&entry});
  auto check = [&](std::string_view bytes) { return checker.check(path.string(), bytes); };
  FixedSource fixed = fix_source(path.string(), *source, check);
  ASSERT_FALSE(fixed.error.has_value()) << *fixed.error;
  EXPECT_FALSE(python::parse_python(fixed.bytes).error.has_value());
  if (entry.info->fix == FixAvailability::kNone) {
    EXPECT_EQ(fixed.fixed, 0u);
  }
  for (const Finding& finding : fixed.result.findings) {
    EXPECT_FALSE(finding.fix && finding.fix->safe) << "a safe fix is left at line " << finding.begin.line;
  }
  FixedSource again = fix_source(path.string(), fixed.bytes, check);
  EXPECT_EQ(again.fixed, 0u);
  EXPECT_EQ(again.bytes, fixed.bytes);
}

INSTANTIATE_TEST_SUITE_P(AllRules, FixtureFixes, testing::ValuesIn([] {
                           std::vector<const RuleEntry*> entries;
                           // Rules over non-Python files have folders of fixtures and no fixes.
                           for (const RuleEntry& entry : rule_registry())
                             if (entry.make_file == nullptr) entries.push_back(&entry);
                           return entries;
                         }()),
                         [](const testing::TestParamInfo<const RuleEntry*>& param) {
                           return std::string(param.param->info->code);
                         });

}  // namespace
}  // namespace pypyready::scan
