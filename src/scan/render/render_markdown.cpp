#include <fmt/format.h>

#include "core/text.h"
#include "scan/render/render.h"

namespace pypyready::scan {

void render_markdown(const ScanReport& report, std::ostream& out) {
  std::size_t total = 0;
  out << "# pypyready scan\n\n";
  for (const FileResult& file : report.files) {
    if (file.findings.empty()) continue;
    out << fmt::format("## `{}`\n\n| line | code | severity | message |\n|---:|---|---|---|\n", file.path);
    for (const Finding& finding : file.findings) {
      ++total;
      out << fmt::format("| {}:{} | {} {} | {} | {} |\n", finding.begin.line, finding.begin.column,
                         finding.code, finding.name, severity_name(finding.severity),
                         core::markdown_table_cell(finding.message));
    }
    out << '\n';
  }
  bool heading = false;
  for (const FileResult& file : report.files) {
    if (!file.syntax_error) continue;
    if (!heading) out << "## Syntax errors\n\n";
    heading = true;
    out << fmt::format("- `{}:{}`: {}\n", file.path, file.syntax_error->line,
                       core::markdown_table_cell(file.syntax_error->message));
  }
  out << fmt::format("\n{} findings in {} files scanned.\n", total, report.files_scanned);
}

}  // namespace pypyready::scan
