#include "bench/pytest_benchmark/provide.h"

#include <gtest/gtest.h>

namespace pypyready::bench::pytest_benchmark {
namespace {

run::Interpreter interpreter(const std::string& executable, const std::string& implementation, bool has_pip) {
  run::Interpreter found;
  found.executable = executable;
  found.path = executable;
  found.implementation = implementation;
  found.has_pip = has_pip;
  return found;
}

TEST(PytestBenchmarkProvide, DebianPackagesServeBothInterpreters) {
  EXPECT_EQ(
      how_to_provide({"pytest_benchmark", "cpuinfo"}, interpreter("/usr/bin/pypy3", "pypy", false), true),
      "apt-get install python3-pytest-benchmark python3-cpuinfo (Debian's pypy3 also imports from "
      "/usr/lib/python3/dist-packages)");
  EXPECT_EQ(
      how_to_provide({"pytest", "pytest_benchmark"}, interpreter("/usr/bin/python3", "cpython", true), true),
      "apt-get install python3-pytest python3-exceptiongroup python3-pytest-benchmark");
}

TEST(PytestBenchmarkProvide, PipElsewhere) {
  EXPECT_EQ(how_to_provide({"pytest_benchmark", "cpuinfo"},
                           interpreter("/p/.venv/bin/python", "cpython", true), false),
            "/p/.venv/bin/python -m pip install pytest-benchmark py-cpuinfo");
  EXPECT_EQ(how_to_provide({"pytest"}, interpreter("/opt/pypy/bin/pypy3", "pypy", false), false),
            "/opt/pypy/bin/pypy3 -m ensurepip && /opt/pypy/bin/pypy3 -m pip install pytest");
}

}  // namespace
}  // namespace pypyready::bench::pytest_benchmark
