#include "core/file_io.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>

#include <fmt/format.h>

namespace pypyready::core {
namespace {

std::filesystem::path fresh_directory(const char* name) {
  auto directory = std::filesystem::temp_directory_path() / fmt::format("pypyready-{}-{}", name, ::getpid());
  std::filesystem::remove_all(directory);
  std::filesystem::create_directories(directory);
  return directory;
}

TEST(FileIo, WritesAtomicallyAndReadsBack) {
  auto directory = fresh_directory("file-io");
  auto path = directory / "result.json";
  ASSERT_TRUE(write_file_atomically(path, "first").ok());
  ASSERT_TRUE(write_file_atomically(path, "second, longer").ok());
  auto content = read_file(path);
  ASSERT_TRUE(content.ok()) << content.error().message;
  EXPECT_EQ(*content, "second, longer");
  // Only the result itself is left: no temporary files.
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(directory), {}), 1);
  std::filesystem::remove_all(directory);
}

TEST(FileIo, ReadsLargeFilesAndFilesWithoutASize) {
  auto directory = fresh_directory("file-io-large");
  std::string large;
  for (int line = 0; large.size() < 300'000; ++line)
    large += fmt::format("x{} = {}\n", line, line * 7);
  ASSERT_TRUE(write_file_atomically(directory / "large.py", large).ok());
  auto content = read_file(directory / "large.py");
  ASSERT_TRUE(content.ok()) << content.error().message;
  EXPECT_EQ(*content, large);
  std::filesystem::remove_all(directory);
  // /proc files report a size of 0 and still have content.
  auto status = read_file("/proc/self/status");
  ASSERT_TRUE(status.ok()) << status.error().message;
  EXPECT_NE(status->find("Name:"), std::string::npos);
}

TEST(FileIo, MissingFileNamesThePath) {
  auto content = read_file("/nonexistent/pypyready/file.py");
  ASSERT_FALSE(content.ok());
  EXPECT_NE(content.error().message.find("/nonexistent/pypyready/file.py"), std::string::npos);
  EXPECT_NE(content.error().message.find("No such file"), std::string::npos);
}

TEST(FileIo, DirectoryIsAnError) {
  auto content = read_file("/");
  ASSERT_FALSE(content.ok());
  EXPECT_NE(content.error().message.find("is a directory"), std::string::npos);
}

TEST(FileIo, WriteIntoMissingFolderFails) {
  auto status = write_file_atomically("/nonexistent/pypyready/out.json", "x");
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.error().message.find("/nonexistent/pypyready/out.json"), std::string::npos);
}

}  // namespace
}  // namespace pypyready::core
