#pragma once
// The engine for one file: parse once, build the semantic model once, walk once, and hand
// each node to the rules that subscribed to its kind; then drop suppressed findings.

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "python/ast.h"
#include "scan/finding.h"
#include "scan/rule.h"

namespace pypyready::scan {

/// A file that could not be parsed: where and why (1-based line and column).
struct SyntaxErrorRecord {
  std::string path;
  std::uint32_t line = 1;
  std::uint32_t column = 1;
  std::string message;
};

/// Everything the scan learned about one file.
struct FileResult {
  std::string path;
  std::vector<Finding> findings;  ///< sorted by position, then code
  std::optional<SyntaxErrorRecord> syntax_error;
  std::optional<std::string> read_error;  ///< unreadable or binary file
};

/// Runs a fixed set of rules over files. Thread-safe: check() may run on many threads.
class Checker {
 public:
  explicit Checker(const std::vector<const RuleEntry*>& rules);

  /// Checks the bytes of one file; `path` is only used for reporting.
  FileResult check(std::string_view path, std::string_view bytes) const;

 private:
  struct Subscribed {
    const RuleInfo* info;
    const Rule* rule;
  };
  std::vector<std::unique_ptr<Rule>> rules_;
  std::array<std::vector<Subscribed>, static_cast<std::size_t>(python::NodeKind::kCount)> by_kind_;
};

}  // namespace pypyready::scan
