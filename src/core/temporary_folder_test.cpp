#include "core/temporary_folder.h"

#include <gtest/gtest.h>

#include <fstream>

namespace pypyready::core {
namespace {

TEST(TemporaryFolder, IsCreatedWithItsPrefixAndRemovedWithItsContents) {
  std::filesystem::path kept;
  {
    TemporaryFolder folder("pypyready-unit");
    ASSERT_FALSE(folder.path().empty());
    EXPECT_TRUE(std::filesystem::is_directory(folder.path()));
    EXPECT_TRUE(folder.path().filename().string().starts_with("pypyready-unit-"));
    std::filesystem::create_directories(folder.path() / "inner");
    std::ofstream(folder.path() / "inner" / "file.txt") << "data";
    kept = folder.path();
  }
  EXPECT_FALSE(std::filesystem::exists(kept));
}

TEST(TemporaryFolder, TwoFoldersAreDistinct) {
  TemporaryFolder first("pypyready-unit");
  TemporaryFolder second("pypyready-unit");
  EXPECT_NE(first.path(), second.path());
}

}  // namespace
}  // namespace pypyready::core
