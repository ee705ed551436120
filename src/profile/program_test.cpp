#include "profile/program.h"

#include <gtest/gtest.h>

namespace pypyready::profile {
namespace {

std::optional<std::pair<std::string, std::string>> no_scripts(const std::string&) {
  return std::nullopt;
}

TEST(Program, InterpreterWithScriptOptionsAndArguments) {
  auto program = parse_program({"python3", "-X", "dev", "-O", "app.py", "-v", "x"}, no_scripts);
  ASSERT_TRUE(program) << program.error().message;
  EXPECT_EQ(program->interpreter, "python3");
  EXPECT_EQ(program->interpreter_options, (std::vector<std::string>{"-X", "dev", "-O"}));
  EXPECT_EQ(program->mode, "script");
  EXPECT_EQ(program->target, "app.py");
  EXPECT_EQ(program->args, (std::vector<std::string>{"-v", "x"}));
}

TEST(Program, ModuleAndCode) {
  auto module = parse_program({"/usr/bin/python3.11", "-m", "json.tool", "in.json"}, no_scripts);
  ASSERT_TRUE(module);
  EXPECT_EQ(module->mode, "module");
  EXPECT_EQ(module->target, "json.tool");
  EXPECT_EQ(module->args, (std::vector<std::string>{"in.json"}));
  auto code = parse_program({"python", "-cprint(1)", "a"}, no_scripts);
  ASSERT_TRUE(code);
  EXPECT_EQ(code->mode, "code");
  EXPECT_EQ(code->target, "print(1)");
  EXPECT_EQ(code->args, (std::vector<std::string>{"a"}));
}

TEST(Program, BareScriptAndConsoleScript) {
  auto script = parse_program({"tools/run.py", "--fast"}, no_scripts);
  ASSERT_TRUE(script);
  EXPECT_EQ(script->interpreter, "");
  EXPECT_EQ(script->target, "tools/run.py");
  auto lookup = [](const std::string& word) -> std::optional<std::pair<std::string, std::string>> {
    if (word == "pytest") return std::pair<std::string, std::string>{"/venv/bin/pytest", "/venv/bin/python"};
    return std::nullopt;
  };
  auto console = parse_program({"pytest", "-q"}, lookup);
  ASSERT_TRUE(console);
  EXPECT_EQ(console->target, "/venv/bin/pytest");
  EXPECT_EQ(console->interpreter, "/venv/bin/python");
  EXPECT_EQ(console->args, (std::vector<std::string>{"-q"}));
}

TEST(Program, WhatCannotBeProfiled) {
  EXPECT_FALSE(parse_program({}, no_scripts));
  EXPECT_FALSE(parse_program({"python3"}, no_scripts));
  EXPECT_FALSE(parse_program({"python3", "-"}, no_scripts));
  EXPECT_FALSE(parse_program({"python3", "-m"}, no_scripts));
  auto other = parse_program({"ls", "-l"}, no_scripts);
  ASSERT_FALSE(other);
  EXPECT_NE(other.error().message.find("not a Python program"), std::string::npos);
}

TEST(Program, InterpreterNames) {
  EXPECT_TRUE(is_interpreter_name("python3.11"));
  EXPECT_TRUE(is_interpreter_name("/usr/bin/pypy3"));
  EXPECT_TRUE(is_interpreter_name("{python}"));
  EXPECT_FALSE(is_interpreter_name("python-config"));
  EXPECT_FALSE(is_interpreter_name("app.py"));
}

TEST(Program, BenchCommandRunsTheSameProgram) {
  auto program = parse_program({"python3", "-O", "-m", "pkg", "a"}, no_scripts);
  ASSERT_TRUE(program);
  EXPECT_EQ(bench_command(*program), (std::vector<std::string>{"{python}", "-O", "-m", "pkg", "a"}));
}

}  // namespace
}  // namespace pypyready::profile
