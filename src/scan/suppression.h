#pragma once
// Suppression comments: `# noqa` (every rule on that line), `# noqa: PPY001,PPY002`, and
// `# pypyready: ignore[PPY001]` (also spelt `# ppy: ignore[...]`).

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "python/token.h"

namespace pypyready::scan {

/// The suppressions of one file, by line.
class Suppressions {
 public:
  /// Reads the comments among `trivia` (tokens of the decoded `text`).
  Suppressions(const std::vector<python::Token>& trivia, std::string_view text);
  /// Parses one comment's text; exposed for tests. Returns false when it suppresses nothing.
  static bool parse_comment(std::string_view comment, bool& all, std::vector<std::string>& codes);

  /// Whether a finding of `code` on `line` is suppressed.
  bool suppresses(std::uint32_t line, std::string_view code) const;

 private:
  struct LineRule {
    bool all = false;
    std::vector<std::string> codes;
  };
  std::unordered_map<std::uint32_t, LineRule> by_line_;
};

}  // namespace pypyready::scan
