#include "testdiff/test_config.h"

#include <gtest/gtest.h>

namespace pypyready::testdiff {
namespace {

TEST(TestConfig, ReadsTheTestTable) {
  auto config = parse_test_config(
      "[tool.pypyready]\ntarget-pypy = \"3.9\"\n[tool.pypyready.test]\ncommand = [\"python\", \"-m\", "
      "\"pytest\", "
      "\"tests\"]\ntimeout = 30\nreruns = 5\n",
      "pyproject.toml", true);
  ASSERT_TRUE(config) << config.error().message;
  EXPECT_EQ(config->command, (std::vector<std::string>{"python", "-m", "pytest", "tests"}));
  EXPECT_DOUBLE_EQ(*config->timeout_s, 30);
  EXPECT_EQ(*config->reruns, 5);
}

TEST(TestConfig, UnknownKeyIsNamedWithItsLine) {
  auto config = parse_test_config("[test]\ncommand = [\"pytest\"]\ncommnd = 1\n", "pypyready.toml", false);
  ASSERT_FALSE(config);
  EXPECT_EQ(config.error().message,
            "pypyready.toml:3: unknown key `commnd` in [test] (expected command, timeout, reruns)");
}

TEST(TestConfig, CommandMustBeStrings) {
  auto config = parse_test_config("[tool.pypyready.test]\ncommand = \"pytest -x\"\n", "pyproject.toml", true);
  ASSERT_FALSE(config);
  EXPECT_NE(config.error().message.find("pyproject.toml:2: `command`"), std::string::npos)
      << config.error().message;
}

TEST(TestConfig, NoTableMeansDefaults) {
  auto config = parse_test_config("[tool.pypyready]\nselect = [\"PPY\"]\n", "pyproject.toml", true);
  ASSERT_TRUE(config);
  EXPECT_TRUE(config->command.empty());
  EXPECT_FALSE(config->timeout_s);
}

}  // namespace
}  // namespace pypyready::testdiff
