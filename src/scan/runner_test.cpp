// The parallel runner: whatever the number of threads (more than there are files included),
// every file gets its result in the order given, the same as a single thread's, and a file
// that cannot be read is reported in its place while the others are still checked.

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "core/temporary_folder.h"
#include "scan/registry.h"
#include "scan/runner.h"

namespace pypyready::scan {
namespace {

// Files of very different sizes, so that the largest-first order differs from the given one.
std::vector<std::filesystem::path> write_files(const std::filesystem::path& folder, int count) {
  std::vector<std::filesystem::path> files;
  for (int index = 0; index < count; ++index) {
    std::filesystem::path path = folder / ("f" + std::to_string(index) + ".py");
    std::ofstream out(path);
    out << "import sys\n";
    for (int line = 0; line < (index * 7) % 23; ++line)
      out << "x" << line << " = sys.getrefcount(" << line << ")\n";
    files.push_back(path);
  }
  return files;
}

std::vector<std::string> summary(const std::vector<FileResult>& results) {
  std::vector<std::string> lines;
  for (const FileResult& result : results) {
    std::string line = result.path + ":" + std::to_string(result.findings.size());
    if (result.read_error) line += " unreadable";
    lines.push_back(line);
  }
  return lines;
}

TEST(Runner, ResultsKeepTheGivenOrderWithAnyNumberOfThreads) {
  core::TemporaryFolder folder("pypyready-test");
  ASSERT_FALSE(folder.path().empty());
  std::vector<std::filesystem::path> files = write_files(folder.path(), 40);
  files.insert(files.begin() + 5, folder.path() / "missing.py");
  Checker checker({find_rule("PPY010")});

  RunOptions one_thread;
  one_thread.threads = 1;
  std::vector<std::string> expected = summary(run_scan(files, checker, one_thread));
  ASSERT_EQ(expected.size(), files.size());
  EXPECT_EQ(expected[1], files[1].string() + ":7");
  EXPECT_EQ(expected[5], files[5].string() + ":0 unreadable");
  EXPECT_EQ(expected[3], files[3].string() + ":21");

  for (unsigned threads : {2u, 3u, 8u, 64u}) {
    RunOptions options;
    options.threads = threads;
    EXPECT_EQ(summary(run_scan(files, checker, options)), expected) << threads << " threads";
  }
}

TEST(Runner, NoFilesNoResults) {
  Checker checker({find_rule("PPY010")});
  EXPECT_TRUE(run_scan({}, checker, RunOptions{}).empty());
}

}  // namespace
}  // namespace pypyready::scan
