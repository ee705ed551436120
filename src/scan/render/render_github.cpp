#include <fmt/format.h>

#include "scan/render/render.h"

namespace pypyready::scan {

namespace {

// Workflow-command escaping: data escapes %, CR, LF; properties also ':' and ','.
std::string escape(std::string_view text, bool property) {
  std::string out;
  for (char c : text) {
    if (c == '%')
      out += "%25";
    else if (c == '\r')
      out += "%0D";
    else if (c == '\n')
      out += "%0A";
    else if (property && c == ':')
      out += "%3A";
    else if (property && c == ',')
      out += "%2C";
    else
      out += c;
  }
  return out;
}

std::string_view command_for(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kInfo:
      return "notice";
  }
  return "error";
}

}  // namespace

void render_github(const ScanReport& report, std::ostream& out) {
  for (const FileResult& file : report.files) {
    for (const Finding& finding : file.findings) {
      out << fmt::format(
          "::{} title={},file={},line={},col={},endLine={},endColumn={}::{}\n", command_for(finding.severity),
          escape(fmt::format("{} {}", finding.code, finding.name), true), escape(finding.path, true),
          finding.begin.line, finding.begin.column, finding.end.line, finding.end.column,
          escape(fmt::format("{} {}", finding.code, finding.message), false));
    }
    if (file.syntax_error) {
      out << fmt::format("::error title=SyntaxError,file={},line={},col={}::{}\n", escape(file.path, true),
                         file.syntax_error->line, file.syntax_error->column,
                         escape(file.syntax_error->message, false));
    }
  }
}

}  // namespace pypyready::scan
