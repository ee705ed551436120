#include "run/interpreters.h"

#include <gtest/gtest.h>

#include <fstream>

#include "run/probes.h"
#include "run/process.h"

namespace pypyready::run {
namespace {

namespace fs = std::filesystem;

void make_executable(const fs::path& path) {
  fs::create_directories(path.parent_path());
  std::ofstream(path) << "#!/bin/sh\n";
  fs::permissions(path, fs::perms::owner_all);
}

TEST(FindCandidates, LooksInPathPyenvCondaAndVirtualEnvironments) {
  fs::path root = fs::path(::testing::TempDir()) / "pypyready_discovery";
  fs::remove_all(root);
  make_executable(root / "usr/bin/python3.11");
  fs::create_symlink("python3.11", root / "usr/bin/python3");
  make_executable(root / "usr/bin/python3-config");
  make_executable(root / "usr/bin/pypy3");
  make_executable(root / "home/.pyenv/versions/3.8.18/bin/python3.8");
  make_executable(root / "home/miniconda3/envs/science/bin/python3");
  make_executable(root / "project/.venv/bin/python3");

  DiscoveryEnvironment environment;
  environment.path_variable = (root / "usr/bin").string() + ":" + (root / "missing").string();
  environment.home = root / "home";
  environment.project = root / "project";
  auto candidates = find_candidates(environment);

  std::vector<std::string> names;
  names.reserve(candidates.size());
  for (const auto& candidate : candidates)
    names.push_back(candidate.path.lexically_relative(root).string() + " " + candidate.found_by);
  // python3 and python3.11 are one file: only the first (sorted) name is kept; -config is not a Python.
  EXPECT_EQ(names, (std::vector<std::string>{"project/.venv/bin/python3 .venv", "usr/bin/pypy3 PATH",
                                             "usr/bin/python3 PATH",
                                             "home/.pyenv/versions/3.8.18/bin/python3.8 pyenv",
                                             "home/miniconda3/envs/science/bin/python3 conda"}));
}

TEST(ParseProbeOutput, ReadsEveryField) {
  auto interpreter = parse_probe_output(
      R"({"implementation": "pypy", "version": "3.9.16", "implementation_version": "7.3.11",
          "executable": "/usr/bin/pypy3", "prefix": "/usr/lib/pypy3.9", "ext_suffix": ".pypy39-pp73-x86_64-linux-gnu.so",
          "soabi": "pypy39-pp73", "in_venv": false, "has_venv": true, "has_pip": false})",
      "pypy3");
  ASSERT_TRUE(interpreter.ok()) << interpreter.error().message;
  EXPECT_EQ(interpreter->id, "pypy-3.9");
  EXPECT_EQ(interpreter->implementation_version, "7.3.11");
  EXPECT_EQ(interpreter->ext_suffix, ".pypy39-pp73-x86_64-linux-gnu.so");
  EXPECT_TRUE(interpreter->has_venv);
  EXPECT_FALSE(interpreter->has_pip);
}

TEST(ParseProbeOutput, NamesTheMissingKey) {
  auto interpreter = parse_probe_output(R"({"implementation": "cpython"})", "/opt/python3");
  ASSERT_FALSE(interpreter.ok());
  EXPECT_EQ(interpreter.error().message, "/opt/python3: the interpreter probe's output lacks \"version\"");
  EXPECT_FALSE(parse_probe_output("Traceback", "x").ok());
}

TEST(AssignIds, MakesClashingIdsUnique) {
  std::vector<Interpreter> list(3);
  list[0].implementation = list[1].implementation = list[2].implementation = "cpython";
  list[0].version = "3.11.2";
  list[1].version = "3.11.7";
  list[2].version = "3.11.7";
  assign_ids(list);
  EXPECT_EQ(list[0].id, "cpython-3.11.2");
  EXPECT_EQ(list[1].id, "cpython-3.11.7");
  EXPECT_EQ(list[2].id, "cpython-3.11.7-2");
}

TEST(ProbeInterpreter, DescribesARealPython) {
  auto path = find_executable("python3");
  if (!path) GTEST_SKIP() << "python3 is not on PATH";
  auto interpreter = probe_interpreter(*path);
  ASSERT_TRUE(interpreter.ok()) << interpreter.error().message;
  EXPECT_EQ(interpreter->implementation, "cpython");
  EXPECT_EQ(interpreter->version.substr(0, 2), "3.");
  EXPECT_NE(interpreter->ext_suffix.find(".so"), std::string::npos);
}

TEST(ProbeInterpreter, BrokenInterpreterGetsAnInstallHint) {
  auto interpreter = select_interpreter("/bin/false", "pypy");
  ASSERT_FALSE(interpreter.ok());
  EXPECT_NE(interpreter.error().message.find("/bin/false: the interpreter probe failed (exit status 1)"),
            std::string::npos);
  EXPECT_NE(interpreter.error().message.find("apt-get install pypy3 pypy3-venv"), std::string::npos);
  auto missing = select_interpreter("pypy3-not-installed-here", "pypy");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("pypy3-not-installed-here: not found on PATH"), std::string::npos);
}

TEST(ProbeInterpreter, SeveralAtOnceAnswerInTheOrderAsked) {
  auto selected = select_interpreters(
      {{"pypy3-not-installed-here", "pypy"}, {"python3", "cpython"}, {"/bin/false", "cpython"}});
  ASSERT_EQ(selected.size(), 3u);
  ASSERT_FALSE(selected[0].ok());
  EXPECT_NE(selected[0].error().message.find("pypy3-not-installed-here: not found on PATH"),
            std::string::npos);
  EXPECT_NE(selected[0].error().message.find("apt-get install pypy3"), std::string::npos);
  ASSERT_TRUE(selected[1].ok()) << selected[1].error().message;
  EXPECT_EQ(selected[1]->implementation, "cpython");
  EXPECT_EQ(selected[1]->found_by, std::vector<std::string>{"--python"});
  ASSERT_FALSE(selected[2].ok());
  EXPECT_NE(selected[2].error().message.find("/bin/false: the interpreter probe failed"), std::string::npos);
  EXPECT_NE(selected[2].error().message.find("apt-get install python3"), std::string::npos);
}

TEST(Probes, AreEmbedded) {
  EXPECT_NE(probe_source("interpreter").find("sys.implementation"), std::string_view::npos);
  EXPECT_NE(probe_source("bench_function").find("PYPYREADY_DATA_FD"), std::string_view::npos);
  EXPECT_TRUE(probe_source("nope").empty());
}

}  // namespace
}  // namespace pypyready::run
