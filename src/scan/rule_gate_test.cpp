// The per-file rule gate: which words open a rule, that aliases and getattr strings still do, and
// that the gated engine finds exactly what the ungated one finds on every rule's fixture.

#include "scan/rule_gate.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "core/file_io.h"
#include "python/parser.h"
#include "python/semantic_model.h"
#include "scan/checker.h"
#include "scan/registry.h"

namespace pypyready::scan {
namespace {

constexpr std::string_view kSysWords[] = {"getrefcount"};
constexpr std::string_view kNanWords[] = {"nan"};

// The open bits of a gate with bit 0 on kSysWords and bit 1 on kNanWords, for `source`.
std::uint64_t open_for(std::string_view source) {
  RuleGate gate;
  gate.add(0, kSysWords);
  gate.add(1, kNanWords);
  python::ParsedFile parsed = python::parse_text(source);
  EXPECT_NE(parsed.module, nullptr);
  python::SemanticModel model(*parsed.module);
  return gate.open_rules(model.walk_order()) & 3U;
}

TEST(RuleGate, ClosedWithoutTheWords) {
  EXPECT_EQ(open_for("import sys\nprint(sys.getsizeof(1))\n"), 0U);
  // Longer or shorter words and docstrings do not count.
  EXPECT_EQ(open_for("\"\"\"getrefcount nan\"\"\"\ngetrefcounts = nana = 1\n"), 0U);
}

TEST(RuleGate, OpensOnIdentifiersAliasesAndStrings) {
  EXPECT_EQ(open_for("import sys\nsys.getrefcount(1)\n"), 1U);
  EXPECT_EQ(open_for("from sys import getrefcount as grc\ngrc(1)\n"), 1U);
  EXPECT_EQ(open_for("import os.getrefcount.x as y\n"), 1U);
  EXPECT_EQ(open_for("import sys\ngetattr(sys, 'getrefcount')(1)\n"), 1U);
  // String words are runs of letters, digits and '_', compared without case.
  EXPECT_EQ(open_for("x = float(' -NaN ')\n"), 2U);
  EXPECT_EQ(open_for("from math import nan as NOT_A_NUMBER\n"), 2U);
  EXPECT_EQ(open_for("class C:\n    def f(self, NaN): pass\n"), 2U);
}

TEST(RuleGate, UngatedBitsAlwaysOpen) {
  RuleGate gate;
  gate.add(0, kSysWords);
  gate.add(1, {});  // no words: never gated
  python::ParsedFile parsed = python::parse_text("x = 1\n");
  python::SemanticModel model(*parsed.module);
  EXPECT_EQ(gate.open_rules(model.walk_order()) & 3U, 2U);
}

TEST(RuleGate, GatedRuleStillFiresThroughAnAlias) {
  Checker checker({find_rule("PPY010")});
  FileResult aliased = checker.check("t.py", "from sys import getrefcount as grc\nprint(grc(object()))\n");
  ASSERT_EQ(aliased.findings.size(), 1U);
  EXPECT_EQ(aliased.findings[0].begin.line, 2U);
  FileResult through_getattr = checker.check("t.py", "import sys as s\nn = getattr(s, \"getrefcount\")(1)\n");
  EXPECT_EQ(through_getattr.findings.size(), 1U);
  EXPECT_TRUE(checker.check("t.py", "import sys\nsys.getsizeof(1)\n").findings.empty());
}

// The gate only skips work: on every rule's fixture (where each rule fires and where it must
// not), all rules together find the same with and without it.
TEST(RuleGate, GatedEngineMatchesUngatedOnEveryFixture) {
  std::vector<const RuleEntry*> all;
  for (const RuleEntry& entry : rule_registry())
    all.push_back(&entry);
  ScanSettings settings;
  settings.target_python = PythonVersion{3, 9};
  Checker gated(all, settings);
  Checker ungated(all, settings, false);
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(PYPYREADY_SOURCE_DIR "/src/scan/rules")) {
    if (entry.path().extension() != ".py") continue;
    auto bytes = core::read_file(entry.path().string());
    ASSERT_TRUE(bytes.ok()) << entry.path();
    FileResult with = gated.check(entry.path().string(), *bytes);
    FileResult without = ungated.check(entry.path().string(), *bytes);
    ASSERT_EQ(with.findings.size(), without.findings.size()) << entry.path();
    for (std::size_t i = 0; i < with.findings.size(); ++i) {
      EXPECT_EQ(with.findings[i].code, without.findings[i].code) << entry.path();
      EXPECT_EQ(with.findings[i].begin.offset, without.findings[i].begin.offset) << entry.path();
      EXPECT_EQ(with.findings[i].message, without.findings[i].message) << entry.path();
    }
    ++files;
  }
  EXPECT_GT(files, 30);
}

}  // namespace
}  // namespace pypyready::scan
