#pragma once
// The engine for one file: parse once, build the semantic model once, walk once, and hand
// each node to the rules that subscribed to its kind; hand the whole file to the file rules
// that want its name; then drop suppressed findings.

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "python/ast.h"
#include "scan/finding.h"
#include "scan/rule.h"
#include "scan/rule_gate.h"
#include "scan/scan_settings.h"

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
  std::size_t fixed = 0;                  ///< findings fixed by --fix / --diff (then gone from `findings`)
  std::string diff;                       ///< --diff: the unified diff of the fixes
  std::optional<std::string> fix_error;   ///< why the fixes were not applied or written
};

/// Runs a fixed set of rules over files. Thread-safe: check() may run on many threads.
class Checker {
 public:
  /// `gated`: skip rules in files without their words (Rule::required_words()); false runs
  /// every rule on every file (for tests that hold the gate to the ungated answer).
  explicit Checker(const std::vector<const RuleEntry*>& rules, ScanSettings settings = ScanSettings{},
                   bool gated = true);

  /// Checks the bytes of one file; `path` names it in findings and decides which rules see it.
  FileResult check(std::string_view path, std::string_view bytes) const;

  /// Whether a selected file rule looks at files of this name (discovery adds them).
  bool wants_file(std::string_view file_name) const;
  /// Whether the file is parsed as Python: *.py and *.pyi, and any file no file rule wants
  /// (a script named on the command line).
  bool is_python_source(std::string_view path) const;
  const ScanSettings& settings() const { return settings_; }

 private:
  struct Subscribed {
    const RuleInfo* info;
    const Rule* rule;
    std::size_t gate;          ///< the rule's bit in RuleGate::open_rules (kUngated: none)
    std::uint8_t first_group;  ///< the bit of its first word group (64: none)
  };
  static constexpr std::size_t kUngated = RuleGate::kMaxRules;
  struct FileSubscribed {
    const RuleInfo* info;
    std::unique_ptr<FileRule> rule;
  };
  void check_python(FileResult& result, std::string_view bytes) const;
  void check_file_rules(FileResult& result, std::string_view bytes) const;

  ScanSettings settings_;
  std::vector<FileSubscribed> file_rules_;
  std::vector<std::unique_ptr<Rule>> rules_;
  std::array<std::vector<Subscribed>, static_cast<std::size_t>(python::NodeKind::kCount)> by_kind_;
  RuleGate gate_;
  std::size_t next_gate_ = 0;  ///< the next free bit of gate_
};

}  // namespace pypyready::scan
