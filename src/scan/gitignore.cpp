#include "scan/gitignore.h"

#include "scan/discovery.h"

namespace pypyready::scan {

GitignoreFile::GitignoreFile(std::filesystem::path base, std::string_view text) : base_(std::move(base)) {
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string line(text.substr(start, end - start));
    start = end + 1;
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r' || line.back() == '\t'))
      line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    Pattern pattern;
    if (line[0] == '!') {
      pattern.negated = true;
      line.erase(0, 1);
    } else if (line[0] == '\\') {
      line.erase(0, 1);
    }
    if (!line.empty() && line.back() == '/') {
      pattern.directory_only = true;
      line.pop_back();
    }
    if (line.find('/') != std::string::npos) pattern.anchored = true;
    if (!line.empty() && line[0] == '/') line.erase(0, 1);
    if (line.empty()) continue;
    pattern.glob = std::move(line);
    patterns_.push_back(std::move(pattern));
  }
}

std::optional<bool> GitignoreFile::match(const std::filesystem::path& path, bool is_directory) const {
  std::string relative = path.lexically_relative(base_).generic_string();
  if (relative.empty() || relative.starts_with("..")) return std::nullopt;
  std::string name = path.filename().string();
  std::optional<bool> result;
  for (const Pattern& pattern : patterns_) {
    if (pattern.directory_only && !is_directory) continue;
    bool matched = pattern.anchored ? glob_match(pattern.glob, relative) : glob_match(pattern.glob, name);
    if (!matched && pattern.anchored && pattern.glob.starts_with("**/")) {
      matched = glob_match(std::string_view(pattern.glob).substr(3), name);
    }
    if (matched) result = !pattern.negated;
  }
  return result;
}

}  // namespace pypyready::scan
