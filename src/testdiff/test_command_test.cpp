#include "testdiff/test_command.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace pypyready::testdiff {
namespace {

class RerunCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = std::filesystem::temp_directory_path() /
            ("pypyready-rerun-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
    std::filesystem::create_directories(root_ / "tests" / "slow");
    std::ofstream(root_ / "setup.cfg") << "[tool:pytest]\n";
  }
  void TearDown() override { std::filesystem::remove_all(root_); }
  std::filesystem::path root_;
};

TEST_F(RerunCommand, DropsTheSelectionKeepsOptionsAndTheirValues) {
  std::vector<std::string> argv{"pypy3", "-m",        "pytest", "tests",   "--ignore", "tests/slow",
                                "-c",    "setup.cfg", "-k",     "not net", "-x",       "tests/slow"};
  std::vector<std::string> rerun = rerun_command(argv, {"tests/t.py::test_a"}, root_);
  std::vector<std::string> expected{"pypy3",     "-m", "pytest",  "--ignore", "tests/slow",        "-c",
                                    "setup.cfg", "-k", "not net", "-x",       "tests/t.py::test_a"};
  EXPECT_EQ(rerun, expected);
}

TEST_F(RerunCommand, KeepsWordsThatNameNoPath) {
  std::vector<std::string> rerun =
      rerun_command({"python3", "-m", "pytest", "-q", "nothing_here"}, {"t::x"}, root_);
  EXPECT_EQ(rerun, (std::vector<std::string>{"python3", "-m", "pytest", "-q", "nothing_here", "t::x"}));
}

}  // namespace
}  // namespace pypyready::testdiff
