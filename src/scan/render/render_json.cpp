#include <nlohmann/json.hpp>

#include "scan/render/render.h"

namespace pypyready::scan {

namespace {

nlohmann::json location_json(const Location& location) {
  return {{"line", location.line}, {"column", location.column}};
}

}  // namespace

void render_json(const ScanReport& report, std::ostream& out) {
  nlohmann::json findings = nlohmann::json::array();
  nlohmann::json syntax_errors = nlohmann::json::array();
  nlohmann::json errors = nlohmann::json::array();
  for (const FileResult& file : report.files) {
    for (const Finding& finding : file.findings) {
      nlohmann::json fix = nullptr;
      if (finding.fix) {
        nlohmann::json edits = nlohmann::json::array();
        for (const Edit& edit : finding.fix->edits) {
          edits.push_back({{"location", location_json(edit.begin)},
                           {"end_location", location_json(edit.end)},
                           {"content", edit.content}});
        }
        fix = {{"description", finding.fix->description}, {"edits", edits}};
      }
      findings.push_back({{"code", finding.code},
                          {"name", finding.name},
                          {"severity", severity_name(finding.severity)},
                          {"path", finding.path},
                          {"line", finding.begin.line},
                          {"column", finding.begin.column},
                          {"end_line", finding.end.line},
                          {"end_column", finding.end.column},
                          {"message", finding.message},
                          {"fix", fix}});
    }
    if (file.syntax_error) {
      syntax_errors.push_back({{"path", file.path},
                               {"line", file.syntax_error->line},
                               {"column", file.syntax_error->column},
                               {"message", file.syntax_error->message}});
    }
    if (file.read_error) errors.push_back(*file.read_error);
  }
  for (const std::string& error : report.errors)
    errors.push_back(error);
  nlohmann::json document = {{"findings", findings},
                             {"files_scanned", report.files_scanned},
                             {"syntax_errors", syntax_errors},
                             {"errors", errors}};
  out << document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace pypyready::scan
