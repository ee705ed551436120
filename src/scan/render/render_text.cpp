#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "scan/line_index.h"
#include "scan/render/render.h"

namespace pypyready::scan {

void render_text(const ScanReport& report, std::ostream& out) {
  std::size_t total = 0, fixable = 0, fixed = 0;
  for (const FileResult& file : report.files) {
    fixed += file.fixed;
    for (const Finding& finding : file.findings) {
      ++total;
      if (finding.fix && finding.fix->safe) ++fixable;
      out << fmt::format("{}:{}:{}: {} [{}] {}\n", finding.path, finding.begin.line, finding.begin.column,
                         finding.code, severity_name(finding.severity), finding.message);
      std::string number = std::to_string(finding.begin.line);
      std::string pad(number.size(), ' ');
      std::string line = finding.line_text;
      std::replace(line.begin(), line.end(), '\t', ' ');
      std::uint32_t width =
          finding.end.line == finding.begin.line && finding.end.column > finding.begin.column
              ? finding.end.column - finding.begin.column
              : std::max<std::uint32_t>(1, code_point_count(line) + 1 - finding.begin.column);
      out << fmt::format("{} |\n{} | {}\n{} | {}{}\n", pad, number, line, pad,
                         std::string(finding.begin.column - 1, ' '), std::string(width, '^'));
      if (finding.fix) {
        out << fmt::format("{} = fix{}: {}\n", pad,
                           finding.fix->safe ? "" : " (unsafe, not applied by --fix)",
                           finding.fix->description);
      }
      out << '\n';
    }
    if (file.syntax_error) {
      out << fmt::format("{}:{}:{}: SyntaxError: {}\n", file.path, file.syntax_error->line,
                         file.syntax_error->column, file.syntax_error->message);
    }
    if (file.read_error) out << fmt::format("error: {}\n", *file.read_error);
    if (file.fix_error) out << fmt::format("error: {}\n", *file.fix_error);
  }
  for (const std::string& error : report.errors)
    out << "error: " << error << '\n';
  if (fixed != 0) out << fmt::format("Fixed {} finding{}. ", fixed, fixed == 1 ? "" : "s");
  out << fmt::format("Found {} {}finding{} in {} file{} scanned", total, fixed != 0 ? "remaining " : "",
                     total == 1 ? "" : "s", report.files_scanned, report.files_scanned == 1 ? "" : "s");
  if (fixable != 0) out << fmt::format(" ({} fixable with --fix)", fixable);
  out << ".\n";
}

void render_statistics(const ScanReport& report, std::ostream& out) {
  std::map<std::string_view, std::pair<std::size_t, const Finding*>> counts;
  for (const FileResult& file : report.files) {
    for (const Finding& finding : file.findings) {
      auto& entry = counts[finding.code];
      ++entry.first;
      entry.second = &finding;
    }
  }
  std::vector<std::pair<std::string_view, std::pair<std::size_t, const Finding*>>> rows(counts.begin(),
                                                                                        counts.end());
  std::stable_sort(rows.begin(), rows.end(),
                   [](const auto& a, const auto& b) { return a.second.first > b.second.first; });
  for (const auto& [code, entry] : rows) {
    out << fmt::format("{:>6}  {}  {}\n", entry.first, code, entry.second->name);
  }
}

}  // namespace pypyready::scan
