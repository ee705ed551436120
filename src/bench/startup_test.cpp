#include "bench/startup.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace pypyready::bench {
namespace {

namespace fs = std::filesystem;

// An "interpreter" that records each way it was started (`-c pass`, or the import program) as one
// line of a log, so a test counts what measure_startup ran against what it kept.
fs::path logging_interpreter(const fs::path& folder) {
  fs::create_directories(folder);
  fs::path script = folder / "python";
  std::ofstream(script) << "#!/bin/sh\n"
                        << "case \"$2\" in pass) echo bare ;; *) echo import ;; esac >>'"
                        << (folder / "log").string() << "'\n";
  ::chmod(script.c_str(), 0755);
  return script;
}

std::string read_log(const fs::path& folder) {
  std::ifstream in(folder / "log");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// measure_startup on one logging interpreter, ended at its minimum of 3 rounds (a time share of 0);
// returns the log of what it started.
std::string measure_logged(const std::string& name, const std::string& function, BenchmarkResult& result) {
  fs::path folder = fs::path(::testing::TempDir()) / name;
  fs::remove_all(folder);
  BenchConfig config;
  run::Interpreter fake;
  fake.id = "fake";
  fake.path = logging_interpreter(folder);
  config.interpreters.push_back(fake);
  config.file = "work.py";
  config.function = function;
  result.per_interpreter.resize(1);
  measure_startup(config, result, 30, 0);
  return read_log(folder);
}

TEST(MeasureStartup, KeepsEveryBareRunAndDropsTheFirstImport) {
  BenchmarkResult result;
  // The probe that chose the interpreter warmed its start: every `-c pass` run is measured. The
  // first import compiles the module: it runs once more than is kept.
  EXPECT_EQ(measure_logged("pypyready_startup_function", "f", result),
            "import\nbare\nimport\nbare\nimport\nbare\nimport\n");
  EXPECT_EQ(result.per_interpreter[0].startup_runs_s.size(), 3u);
  EXPECT_EQ(result.per_interpreter[0].import_runs_s.size(), 3u);
  EXPECT_GT(result.per_interpreter[0].startup_s, 0);
}

TEST(MeasureStartup, AWholeProcessTargetRunsOnlyTheBareInterpreter) {
  BenchmarkResult result;
  EXPECT_EQ(measure_logged("pypyready_startup_process", "", result), "bare\nbare\nbare\n");
  EXPECT_EQ(result.per_interpreter[0].startup_runs_s.size(), 3u);
  EXPECT_TRUE(result.per_interpreter[0].import_runs_s.empty());
  EXPECT_EQ(result.per_interpreter[0].startup_import_s, 0);
}

}  // namespace
}  // namespace pypyready::bench
