#include "python/parser.h"

#include <gtest/gtest.h>

#include <string>

#include "python/ast_dump.h"
#include "python/ast_walk.h"

namespace pypyready::python {
namespace {

std::string dump(std::string_view source, int minor = 11) {
  ParsedFile file = parse_text(source);
  if (file.error) return "error " + std::to_string(file.error->line) + ": " + file.error->message;
  DumpOptions options;
  options.minor = minor;
  options.include_attributes = false;
  return dump_ast(*file.module, options);
}

TEST(ParserTest, AssignmentTargetsGetStoreContext) {
  EXPECT_EQ(dump("a, *b = c\n"),
            "Module(body=[Assign(targets=[Tuple(elts=[Name(id='a', ctx=Store()), Starred(value=Name(id='b', "
            "ctx=Store()), ctx=Store())], ctx=Store())], value=Name(id='c', ctx=Load()))], type_ignores=[])");
}

TEST(ParserTest, SoftKeywordsAreNamesOutsideTheirStatements) {
  EXPECT_EQ(dump("match(x)\n", 13),
            "Module(body=[Expr(value=Call(func=Name(id='match', ctx=Load()), "
            "args=[Name(id='x', ctx=Load())]))])");
  EXPECT_EQ(dump("type = 3\n", 13),
            "Module(body=[Assign(targets=[Name(id='type', ctx=Store())], value=Constant(value=3))])");
}

TEST(ParserTest, ImplicitConcatenationWithAnFStringMakesOneJoinedStr) {
  EXPECT_EQ(
      dump("u'a' f'{x!r}' 'b'\n"),
      "Module(body=[Expr(value=JoinedStr(values=[Constant(value='a', kind='u'), FormattedValue(value=Name("
      "id='x', ctx=Load()), conversion=114), Constant(value='b')]))], type_ignores=[])");
}

TEST(ParserTest, PositionsFollowCPython) {
  ParsedFile file = parse_text("@dec\ndef f(a):\n    return (a +\n            1)\n");
  ASSERT_FALSE(file.error);
  const Node& def = *file.module->slot(0).list.items[0];
  EXPECT_EQ(def.lineno, 2u);  // the `def` line, not the decorator's
  EXPECT_EQ(def.end_lineno, 4u);
  EXPECT_EQ(def.end_col_offset, 14u);
}

TEST(ParserTest, ReportsCPythonMessagesAndLines) {
  EXPECT_EQ(dump("x = 1\nprint 'hi'\n"),
            "error 2: Missing parentheses in call to 'print'. Did you mean print(...)?");
  EXPECT_EQ(dump("if x\n    pass\n"), "error 1: expected ':'");
  EXPECT_EQ(dump("f() = 1\n"),
            "error 1: cannot assign to function call here. Maybe you meant '==' instead of '='?");
  EXPECT_EQ(dump("x = (1,\ny = 2\n"), "error 1: '(' was never closed");
}

TEST(ParserTest, DeepUnaryChainsStopWithAnErrorInsteadOfOverflowing) {
  std::string source = "x = " + std::string(200000, '-') + "1\n";
  ParsedFile file = parse_text(source);
  ASSERT_TRUE(file.error);
  EXPECT_EQ(file.error->message, "too complex");
}

TEST(ParserTest, LongBinaryChainsParseAndWalkWithoutRecursion) {
  std::string source = "x = 1";
  for (int i = 0; i < 100000; ++i)
    source += "+1";
  source += "\n";
  ParsedFile file = parse_text(source);
  ASSERT_FALSE(file.error);
  std::size_t constants = 0;
  walk_preorder(*file.module, [&](const Node& node) {
    constants += node.kind == NodeKind::kConstant;
    return true;
  });
  EXPECT_EQ(constants, 100001u);
  EXPECT_FALSE(dump_ast(*file.module, DumpOptions{}).empty());
}

TEST(ParserTest, DecodesBytesBeforeParsing) {
  ParsedFile file = parse_python("# -*- coding: latin-1 -*-\ns = '\xe9'\n");
  ASSERT_FALSE(file.error);
  const Node& assign = *file.module->slot(0).list.items[0];
  EXPECT_EQ(assign.slot(1).node->slot(0).constant->text, "\xc3\xa9");
}

}  // namespace
}  // namespace pypyready::python
