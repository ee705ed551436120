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
  std::size_t fixed = 0;
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
        fix = {{"description", finding.fix->description},
               {"applicability", finding.fix->safe ? "safe" : "unsafe"},
               {"edits", edits}};
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
                          {"line_text", finding.line_text},
                          {"fix", fix}});
    }
    if (file.syntax_error) {
      syntax_errors.push_back({{"path", file.path},
                               {"line", file.syntax_error->line},
                               {"column", file.syntax_error->column},
                               {"message", file.syntax_error->message}});
    }
    if (file.read_error) errors.push_back(*file.read_error);
    if (file.fix_error) errors.push_back(*file.fix_error);
    fixed += file.fixed;
  }
  for (const std::string& error : report.errors)
    errors.push_back(error);
  nlohmann::json document = {{"findings", findings},
                             {"files_scanned", report.files_scanned},
                             {"fixed", fixed},
                             {"syntax_errors", syntax_errors},
                             {"errors", errors}};
  if (report.language_level) {
    const LanguageLevel& level = *report.language_level;
    nlohmann::json first_use = nullptr;
    if (level.first_use) {
      first_use = {{"path", level.first_use->path},
                   {"line", level.first_use->line},
                   {"feature", level.first_use->feature}};
    }
    document["language_level"] = {
        {"required", level.required ? nlohmann::json(level.required->to_string()) : nlohmann::json(nullptr)},
        {"target", level.target.to_string()},
        {"first_use", first_use}};
  }
  out << document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace pypyready::scan
