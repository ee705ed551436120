// Unit tests of file rules and language-level checks: the file-rule engine path, discovery of
// non-Python files, the f-string syntax reader, version guards and the language level summary.

#include <gtest/gtest.h>

#include <filesystem>

#include "core/file_io.h"
#include "scan/checker.h"
#include "scan/discovery.h"
#include "scan/language_level.h"
#include "scan/python_version.h"
#include "scan/registry.h"
#include "scan/rules/c_source_text.h"
#include "scan/rules/fstring_syntax.h"

namespace pypyready::scan {
namespace {

namespace fs = std::filesystem;

ScanSettings target(int minor) {
  ScanSettings settings;
  settings.target_python = {3, minor};
  return settings;
}

TEST(PythonVersion, ParsesMajorMinorAndDropsThePatch) {
  EXPECT_EQ(PythonVersion::parse("3.10"), (PythonVersion{3, 10}));
  EXPECT_EQ(PythonVersion::parse("3.9.16"), (PythonVersion{3, 9}));
  EXPECT_FALSE(PythonVersion::parse("3").has_value());
  EXPECT_FALSE(PythonVersion::parse("3.x").has_value());
  EXPECT_FALSE(PythonVersion::parse("3.10rc1").has_value());
  EXPECT_LT((PythonVersion{3, 9}), (PythonVersion{3, 10}));
  EXPECT_EQ((PythonVersion{3, 12}).to_string(), "3.12");
}

TEST(FStringSyntax, TellsPep701FromOlderFStrings) {
  using rules::scan_fstring_syntax;
  EXPECT_TRUE(scan_fstring_syntax(R"(f"{"a" + b}")").reuses_quote);
  EXPECT_FALSE(scan_fstring_syntax(R"(f"{'a' + b}")").reuses_quote);
  EXPECT_FALSE(scan_fstring_syntax(R"(f"""{"a"}""")").reuses_quote);  // allowed in triple quotes
  EXPECT_TRUE(scan_fstring_syntax(R"(f'{f'{x}'}')").reuses_quote);
  EXPECT_TRUE(scan_fstring_syntax(R"(f"{'\n'.join(x)}")").backslash);
  EXPECT_FALSE(scan_fstring_syntax(R"(f"a\n{x}")").backslash);  // escapes outside the field are old
  EXPECT_TRUE(scan_fstring_syntax("f'''{x # note\n}'''").comment);
  EXPECT_TRUE(scan_fstring_syntax("f'{x +\n y}'").line_break);
  EXPECT_FALSE(scan_fstring_syntax("f'''{x +\n y}'''").line_break);
  EXPECT_TRUE(scan_fstring_syntax(R"(f"{x=}")").self_documenting);
  EXPECT_TRUE(scan_fstring_syntax(R"(f"{x = !r:>10}")").self_documenting);
  EXPECT_FALSE(scan_fstring_syntax(R"(f"{x == y} {x != y} {x <= y} {f(a=1)}")").self_documenting);
  EXPECT_FALSE(scan_fstring_syntax(R"(f"{{not a field}} {x:{width}}" "plain")").reuses_quote);
}

TEST(CSourceText, BlanksCommentsAndLiteralsKeepingLines) {
  std::string blanked = rules::blank_comments_and_literals("a /* b\n c */ \"d\\\"e\" 'f' // g\nh");
  EXPECT_EQ(blanked, "a     \n      \"    \" ' '     \nh");
  std::vector<rules::CIdentifier> ids = rules::c_identifiers("x->ob_refcnt + 0x1F");
  ASSERT_EQ(ids.size(), 2u);
  EXPECT_EQ(ids[1].name, "ob_refcnt");
  EXPECT_EQ(ids[1].offset, 3u);
}

TEST(FileRules, RunOnTheFilesTheyWantWithLinesAndColumns) {
  Checker checker({find_rule("PPY033"), find_rule("PPY010")});
  EXPECT_TRUE(checker.wants_file("ext.c"));
  EXPECT_FALSE(checker.wants_file("notes.txt"));
  EXPECT_TRUE(checker.is_python_source("src/app.py"));
  EXPECT_FALSE(checker.is_python_source("src/ext.c"));
  EXPECT_TRUE(checker.is_python_source("bin/tool"));  // a script named on the command line

  FileResult result =
      checker.check("src/ext.c", "#include <Python.h>\nint f(PyObject *o) {\n  return o->ob_refcnt;\n}\n");
  EXPECT_FALSE(result.syntax_error.has_value());  // not parsed as Python
  ASSERT_EQ(result.findings.size(), 2u);
  EXPECT_EQ(result.findings[0].begin.line, 1u);
  EXPECT_EQ(result.findings[0].severity, Severity::kWarning);
  EXPECT_EQ(result.findings[1].begin.line, 3u);
  EXPECT_EQ(result.findings[1].begin.column, 13u);
  EXPECT_EQ(result.findings[1].severity, Severity::kError);
  EXPECT_EQ(result.findings[1].line_text, "  return o->ob_refcnt;");
}

TEST(FileRules, BinariesAreReportedAtLineOne) {
  Checker checker({find_rule("PPY034")}, target(9));
  FileResult result = checker.check("pkg/_speedups.cpython-311-x86_64-linux-gnu.so", std::string("\x7f"
                                                                                                 "ELF\0\0",
                                                                                                 6));
  ASSERT_EQ(result.findings.size(), 1u);
  EXPECT_EQ(result.findings[0].begin.line, 1u);
  EXPECT_EQ(result.findings[0].begin.column, 1u);
  EXPECT_NE(result.findings[0].message.find("CPython 3.11"), std::string::npos);
  EXPECT_TRUE(checker.check("pkg/_speedups.pypy39-pp73-x86_64-linux-gnu.so", "").findings.empty());
  EXPECT_EQ(Checker({find_rule("PPY034")}, target(10))
                .check("pkg/_speedups.pypy39-pp73-x86_64-linux-gnu.so", "")
                .findings.size(),
            1u);
}

TEST(FileRules, RequiresPythonIsJudgedAgainstTheTarget) {
  const std::string pyproject = "[project]\nname = \"x\"\nrequires-python = \">=3.10\"\n";
  FileResult on_39 = Checker({find_rule("PPY041")}, target(9)).check("pyproject.toml", pyproject);
  ASSERT_EQ(on_39.findings.size(), 1u);
  EXPECT_EQ(on_39.findings[0].begin.line, 3u);
  EXPECT_EQ(on_39.findings[0].begin.column, 19u);
  EXPECT_TRUE(Checker({find_rule("PPY041")}, target(10)).check("pyproject.toml", pyproject).findings.empty());
  EXPECT_TRUE(Checker({find_rule("PPY041")}, target(9))
                  .check("pyproject.toml", "[project]\nrequires-python = \"~=3.9.2\"\n")
                  .findings.empty());
}

TEST(Discovery, FindsWhatFileRulesWantHonouringGitignoreAndExclude) {
  fs::path root = fs::path(testing::TempDir()) / "discovery_file_rules";
  fs::remove_all(root);
  fs::create_directories(root / "pkg" / "build");
  for (const char* name : {"pkg/a.py", "pkg/ext.c", "pkg/ext.cpython-311-x86_64-linux-gnu.so",
                           "pkg/notes.txt", "pkg/build/gen.c", "pkg/skip.c"}) {
    ASSERT_TRUE(core::write_file_atomically(root / name, "x").ok());
  }
  ASSERT_TRUE(core::write_file_atomically(root / ".gitignore", "build/\n").ok());
  Checker checker({find_rule("PPY033"), find_rule("PPY034")});
  DiscoveryOptions options;
  options.exclude = {"skip.c"};
  options.also_wanted = [&](std::string_view name) { return checker.wants_file(name); };
  Discovered found = discover_files({root}, options);
  std::vector<std::string> names;
  for (const fs::path& file : found.files)
    names.push_back(file.lexically_relative(root).generic_string());
  EXPECT_EQ(names,
            (std::vector<std::string>{"pkg/a.py", "pkg/ext.c", "pkg/ext.cpython-311-x86_64-linux-gnu.so"}));
  fs::remove_all(root);
}

TEST(NewerThanTargetPython, VersionGuardsAndTryImportsAreNotFindings) {
  Checker checker({find_rule("PPY040")}, target(9));
  FileResult result = checker.check("t.py",
                                    "import sys, itertools\n"
                                    "if sys.version_info >= (3, 10):\n"
                                    "    pairs = itertools.pairwise\n"
                                    "else:\n"
                                    "    pairs = None\n"
                                    "try:\n"
                                    "    import tomllib\n"
                                    "except ModuleNotFoundError:\n"
                                    "    tomllib = None\n"
                                    "pairs2 = itertools.pairwise if sys.version_info >= (3, 10) else None\n"
                                    "more = itertools.pairwise\n");
  ASSERT_EQ(result.findings.size(), 1u);
  EXPECT_EQ(result.findings[0].begin.line, 11u);
  ASSERT_TRUE(result.findings[0].needs.has_value());
  EXPECT_EQ(result.findings[0].needs->version, (PythonVersion{3, 10}));
}

TEST(NewerThanTargetPython, SyntaxIsReportedEvenUnderAGuard) {
  Checker checker({find_rule("PPY040")}, target(9));
  FileResult result = checker.check("t.py",
                                    "import sys\n"
                                    "if sys.version_info >= (3, 10):\n"
                                    "    match sys.argv:\n"
                                    "        case _: pass\n");
  ASSERT_EQ(result.findings.size(), 1u);
  EXPECT_EQ(result.findings[0].begin.line, 3u);
}

TEST(LanguageLevel, TakesTheNewestNeedAndItsFirstUse) {
  Checker checker({find_rule("PPY040")}, target(9));
  std::vector<FileResult> files;
  files.push_back(checker.check("a.py", "import itertools\nx = itertools.pairwise\n"));
  files.push_back(checker.check("b.py", "try:\n    pass\nexcept* ValueError:\n    pass\nimport tomllib\n"));
  files.push_back(checker.check("c.py", "import tomllib\n"));
  LanguageLevel level = language_level(files, {3, 9});
  ASSERT_TRUE(level.required.has_value());
  EXPECT_EQ(*level.required, (PythonVersion{3, 11}));
  ASSERT_TRUE(level.first_use.has_value());
  EXPECT_EQ(level.first_use->path, "b.py");
  EXPECT_EQ(level.first_use->line, 3u);  // the except* clause

  LanguageLevel none = language_level({checker.check("d.py", "x = 1\n")}, {3, 9});
  EXPECT_FALSE(none.required.has_value());
  EXPECT_FALSE(none.first_use.has_value());
}

}  // namespace
}  // namespace pypyready::scan
