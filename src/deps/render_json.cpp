#include "deps/render.h"

#include <fmt/format.h>

namespace pypyready::deps {
namespace {

nlohmann::json module_to_json(const ExtensionModule& ext) {
  nlohmann::json missing = nlohmann::json::array();
  for (const MissingSymbol& symbol : ext.missing)
    missing.push_back({{"name", symbol.name}, {"class", gap_class_name(symbol.gap)}});
  nlohmann::json out = {{"path", ext.path},
                        {"module", ext.module},
                        {"binary_kind", binary_kind_name(ext.kind)},
                        {"abi_tag", ext.abi_tag},
                        {"built_for_pypy", ext.built_for_pypy},
                        {"has_fallback", ext.has_fallback},
                        {"capi_symbols", ext.capi_symbols},
                        {"blocks", ext.blocks()},
                        {"missing", missing}};
  if (!ext.error.empty()) out["error"] = ext.error;
  return out;
}

nlohmann::json index_to_json(const IndexEvidence& index) {
  nlohmann::json out = {
      {"url", index.source},
      {"version", index.version.empty() ? nlohmann::json() : nlohmann::json(index.version)},
      {"best", index.best},
      {"best_file", index.best_file},
      {"cpython_only_wheels", index.cpython_wheels},
      {"pypy_wheels", index.trend},
      {"discontinued_since",
       index.discontinued_since.empty() ? nlohmann::json() : nlohmann::json(index.discontinued_since)},
      {"notes", index.notes},
      {"summary", index.summary()}};
  if (!index.error.empty()) out["error"] = index.error;
  return out;
}

}  // namespace

nlohmann::json deps_to_json(const DepsReport& report) {
  nlohmann::json dependencies = nlohmann::json::array();
  for (const DependencyResult& dep : report.dependencies) {
    nlohmann::json evidence = nlohmann::json::array();
    for (const Evidence& item : dep.evidence) {
      evidence.push_back(
          {{"source", item.source}, {"detail", item.detail}, {"missing_symbols", item.missing_symbols}});
    }
    nlohmann::json modules = nlohmann::json::array();
    for (const ExtensionModule& ext : dep.modules)
      modules.push_back(module_to_json(ext));
    dependencies.push_back(
        {{"name", dep.name},
         {"version", dep.version},
         {"declared_in", dep.declared_in},
         {"kind", dep.kind},
         {"verdict", verdict_name(dep.verdict)},
         {"alternative", dep.alternative.empty() ? nlohmann::json() : nlohmann::json(dep.alternative)},
         {"pulled_in_by", dep.pulled_in_by},
         {"evidence", evidence},
         {"has_fallback", dep.has_fallback},
         {"modules", modules},
         {"index", dep.index ? index_to_json(*dep.index) : nlohmann::json()}});
  }
  nlohmann::json counts = nlohmann::json::object();
  for (Verdict verdict :
       {Verdict::kWorks, Verdict::kSlower, Verdict::kUnknown, Verdict::kReplace, Verdict::kBlocked}) {
    counts[verdict_name(verdict)] = 0;
  }
  for (const auto& [verdict, count] : report.counts())
    counts[verdict_name(verdict)] = count;
  nlohmann::json replacements = nlohmann::json::array();
  for (const DependencyResult& dep : report.dependencies) {
    if (dep.verdict == Verdict::kReplace)
      replacements.push_back({{"name", dep.name}, {"alternative", dep.alternative}});
  }
  nlohmann::json unowned = nlohmann::json::array();
  for (const ExtensionModule& ext : report.unowned_modules)
    unowned.push_back(module_to_json(ext));
  return {
      {"target", {{"interpreter", report.target_interpreter}, {"tags", report.target_tags}}},
      {"pypy_capi", {{"library", report.pypy_library}, {"exported_symbols", report.pypy_exported_symbols}}},
      {"sites", report.sites},
      {"files_read", report.files_read},
      {"errors", report.errors},
      {"warnings", report.warnings},
      {"summary",
       {{"dependencies", report.dependencies.size()}, {"counts", counts}, {"replacements", replacements}}},
      {"dependencies", dependencies},
      {"unowned_modules", unowned}};
}

}  // namespace pypyready::deps
