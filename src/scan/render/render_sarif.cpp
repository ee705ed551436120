#include <nlohmann/json.hpp>

#include <map>

#include "core/version.h"
#include "scan/registry.h"
#include "scan/render/render.h"

namespace pypyready::scan {

namespace {

std::string_view sarif_level(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kInfo:
      return "note";
  }
  return "error";
}

}  // namespace

void render_sarif(const ScanReport& report, std::ostream& out) {
  nlohmann::json rules = nlohmann::json::array();
  std::map<std::string_view, std::size_t> rule_index;
  for (const RuleEntry& entry : rule_registry()) {
    rule_index[entry.info->code] = rules.size();
    rules.push_back({{"id", entry.info->code},
                     {"name", entry.info->name},
                     {"shortDescription", {{"text", entry.info->doc.what}}},
                     {"fullDescription", {{"text", entry.info->doc.why}}},
                     {"helpUri", entry.info->doc.source},
                     {"defaultConfiguration", {{"level", sarif_level(entry.info->severity)}}}});
  }
  nlohmann::json results = nlohmann::json::array();
  for (const FileResult& file : report.files) {
    for (const Finding& finding : file.findings) {
      nlohmann::json result = {{"ruleId", finding.code},
                               {"level", sarif_level(finding.severity)},
                               {"message", {{"text", finding.message}}},
                               {"locations",
                                {{{"physicalLocation",
                                   {{"artifactLocation", {{"uri", finding.path}}},
                                    {"region",
                                     {{"startLine", finding.begin.line},
                                      {"startColumn", finding.begin.utf16_column},
                                      {"endLine", finding.end.line},
                                      {"endColumn", finding.end.utf16_column}}}}}}}}};
      if (auto found = rule_index.find(finding.code); found != rule_index.end())
        result["ruleIndex"] = found->second;
      results.push_back(std::move(result));
    }
  }
  nlohmann::json document = {
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs",
       {{{"tool",
          {{"driver",
            {{"name", "pypyready"},
             {"version", std::string(core::kVersion)},
             {"informationUri", "https://doc.pypy.org/en/latest/cpython_differences.html"},
             {"rules", rules}}}}},
         {"columnKind", "utf16CodeUnits"},
         {"results", results}}}}};
  out << document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace pypyready::scan
