#pragma once
// What a file rule sees: the file's path and bytes, the scan settings, and report() calls that
// turn byte offsets of text files into line and column (1-based, columns in code points).
// Findings about a binary as a whole are placed at line 1, column 1 with no line text, so every
// output format (SARIF needs a line >= 1) can show them.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scan/finding.h"
#include "scan/rule.h"
#include "scan/scan_settings.h"

namespace pypyready::scan {

/// The per-file view handed to file rules. The engine sets the current rule before each check.
class FileRuleContext {
 public:
  FileRuleContext(std::string_view path, std::string_view bytes, const ScanSettings& settings,
                  std::vector<Finding>& out);

  std::string_view path() const { return path_; }
  /// The last path component ("setup.py").
  std::string_view file_name() const;
  const ScanSettings& settings() const { return settings_; }

  /// Records a finding over bytes [offset, offset + length) of a text file.
  Finding& report_at(std::size_t offset, std::size_t length, std::string message,
                     std::optional<Severity> severity = std::nullopt);
  /// Records a finding about the file as a whole (binaries): line 1, column 1.
  Finding& report_file(std::string message, std::optional<Severity> severity = std::nullopt);

  void set_current(const RuleInfo* rule) { rule_ = rule; }

 private:
  Location location_of(std::size_t offset);
  Finding& add(Location begin, Location end, std::string message, std::optional<Severity> severity);

  std::string_view path_;
  std::string_view bytes_;
  const ScanSettings& settings_;
  std::vector<Finding>& out_;
  const RuleInfo* rule_ = nullptr;
  std::vector<std::size_t> line_starts_;  ///< built on the first report_at
};

/// Calls `line(text, offset)` for every line of `text` (without its newline), in order.
template <typename Visit>
void for_each_line(std::string_view text, Visit&& line) {
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view content = text.substr(start, end - start);
    if (!content.empty() && content.back() == '\r') content.remove_suffix(1);
    line(content, start);
    start = end + 1;
  }
}

}  // namespace pypyready::scan
