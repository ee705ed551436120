#pragma once
// A reasonable subset of .gitignore: patterns, `!` negation, trailing `/` for directories,
// leading or inner `/` anchoring to the file's folder, `**`; the last matching line wins.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pypyready::scan {

/// The patterns of one .gitignore file.
class GitignoreFile {
 public:
  /// Parses the text of a .gitignore found in folder `base`.
  GitignoreFile(std::filesystem::path base, std::string_view text);

  /// nullopt when no pattern matches `path` (absolute, under base), else whether it is ignored.
  std::optional<bool> match(const std::filesystem::path& path, bool is_directory) const;

 private:
  struct Pattern {
    std::string glob;
    bool negated = false;
    bool directory_only = false;
    bool anchored = false;
  };
  std::filesystem::path base_;
  std::vector<Pattern> patterns_;
};

}  // namespace pypyready::scan
