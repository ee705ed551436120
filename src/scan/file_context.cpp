#include "scan/file_context.h"

#include <algorithm>

#include "scan/line_index.h"

namespace pypyready::scan {

FileRuleContext::FileRuleContext(std::string_view path, std::string_view bytes, const ScanSettings& settings,
                                 std::vector<Finding>& out)
    : path_(path), bytes_(bytes), settings_(settings), out_(out) {}

std::string_view FileRuleContext::file_name() const {
  std::size_t slash = path_.find_last_of("/\\");
  return slash == std::string_view::npos ? path_ : path_.substr(slash + 1);
}

Location FileRuleContext::location_of(std::size_t offset) {
  if (line_starts_.empty()) {
    line_starts_.push_back(0);
    for (std::size_t index = 0; index < bytes_.size(); ++index) {
      if (bytes_[index] == '\n') line_starts_.push_back(index + 1);
    }
  }
  offset = std::min(offset, bytes_.size());
  auto next = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  std::size_t line = static_cast<std::size_t>(next - line_starts_.begin());
  std::size_t start = line_starts_[line - 1];
  Location location;
  location.line = static_cast<std::uint32_t>(line);
  location.column = code_point_count(bytes_.substr(start, offset - start)) + 1;
  location.offset = static_cast<std::uint32_t>(offset);
  return location;
}

Finding& FileRuleContext::report_at(std::size_t offset, std::size_t length, std::string message,
                                    std::optional<Severity> severity) {
  Location begin = location_of(offset);
  Location end = location_of(offset + length);
  Finding& finding = add(begin, end, std::move(message), severity);
  std::size_t start = line_starts_[begin.line - 1];
  std::size_t stop = bytes_.find('\n', start);
  std::string_view text = bytes_.substr(start, stop == std::string_view::npos ? stop : stop - start);
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  finding.line_text = std::string(text);
  return finding;
}

Finding& FileRuleContext::report_file(std::string message, std::optional<Severity> severity) {
  Location start;  // line 1, column 1
  return add(start, start, std::move(message), severity);
}

Finding& FileRuleContext::add(Location begin, Location end, std::string message,
                              std::optional<Severity> severity) {
  Finding finding;
  finding.code = rule_->code;
  finding.name = rule_->name;
  finding.severity = severity.value_or(rule_->severity);
  finding.path = std::string(path_);
  finding.begin = begin;
  finding.end = end;
  finding.message = std::move(message);
  out_.push_back(std::move(finding));
  return out_.back();
}

}  // namespace pypyready::scan
