#pragma once

#include <filesystem>
#include <string_view>

namespace pypyready::core {

/// A private folder under the system's temporary directory (TMPDIR), created with mkdtemp and
/// removed with everything in it when the object goes. `path()` is empty when it could not be
/// created; callers report that as their own error.
class TemporaryFolder {
 public:
  /// `prefix` names the folder for a user who finds it left by a killed run ("pypyready-test").
  explicit TemporaryFolder(std::string_view prefix);
  ~TemporaryFolder();
  TemporaryFolder(const TemporaryFolder&) = delete;
  TemporaryFolder& operator=(const TemporaryFolder&) = delete;

  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace pypyready::core
