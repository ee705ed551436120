#include "deps/render.h"

#include <fmt/format.h>

#include "core/text.h"

namespace pypyready::deps {
namespace {

std::string join_symbols(const std::vector<MissingSymbol>& symbols, bool real) {
  std::string out;
  for (const MissingSymbol& symbol : symbols) {
    bool is_real = symbol.gap == GapClass::kPublicApi || symbol.gap == GapClass::kCpythonInternal;
    if (is_real == real) out += fmt::format("{}`{}`", out.empty() ? "" : ", ", symbol.name);
  }
  return out;
}

}  // namespace

std::string render_deps_markdown(const DepsReport& report, const RenderOptions& options) {
  std::string out =
      fmt::format("## Dependencies on {}\n\n{}\n\n", report.target_interpreter, deps_summary_line(report));
  out += "| verdict | name | version | kind | evidence |\n|---|---|---|---|---|\n";
  for (const DependencyResult& dep : report.dependencies) {
    std::string reason = dep.evidence.empty() ? "" : dep.evidence.front().detail;
    if (dep.verdict == Verdict::kReplace && !dep.alternative.empty())
      reason = "use " + dep.alternative + "; " + reason;
    for (const Evidence& evidence : dep.evidence) {
      if (!evidence.missing_symbols.empty() && evidence.blocking) {
        std::string symbols;
        for (const std::string& symbol : evidence.missing_symbols)
          symbols += (symbols.empty() ? "" : ", ") + symbol;
        reason += " (missing: " + symbols + ")";
        break;
      }
    }
    if (dep.index && !(dep.evidence.size() > 0 && dep.evidence.front().source == "index"))
      reason += "; index: " + dep.index->summary();
    if (options.verbose) {
      for (const auto& path : dep.pulled_in_by) {
        std::string chain;
        for (const std::string& step : path)
          chain += step + " → ";
        reason += fmt::format("; pulled in by {}{}", chain, dep.name);
      }
    }
    out += fmt::format("| {} | {} | {} | {} | {} |\n", verdict_name(dep.verdict),
                       core::markdown_table_cell(dep.name), core::markdown_table_cell(dep.version), dep.kind,
                       core::markdown_table_cell(reason));
  }
  if (options.modules) {
    out += "\n### Extension modules: C-API check\n\n";
    out +=
        "| module | package | kind | ABI | C-API names | missing after rebuild (blocks) | missing, replaced "
        "by a PyPy build | "
        "fallback |\n|---|---|---|---|---|---|---|---|\n";
    auto row = [&](const ExtensionModule& ext, const std::string& package) {
      out += fmt::format(
          "| `{}` | {} | {} | {} | {} | {} | {} | {} |\n", ext.module, core::markdown_table_cell(package),
          binary_kind_name(ext.kind), ext.abi_tag.empty() ? "-" : ext.abi_tag, ext.capi_symbols,
          join_symbols(ext.missing, true), join_symbols(ext.missing, false), ext.has_fallback ? "yes" : "no");
    };
    for (const DependencyResult& dep : report.dependencies) {
      for (const ExtensionModule& ext : dep.modules) {
        if (ext.kind != BinaryKind::kLibrary) row(ext, dep.name);
      }
    }
    for (const ExtensionModule& ext : report.unowned_modules) {
      if (ext.kind != BinaryKind::kLibrary) row(ext, "(no distribution)");
    }
  }
  if (!report.errors.empty() || !report.warnings.empty()) {
    out += "\n### Input problems\n\n";
    for (const std::string& error : report.errors)
      out += fmt::format("- error: {}\n", core::markdown_table_cell(error));
    for (const std::string& warning : report.warnings)
      out += fmt::format("- warning: {}\n", core::markdown_table_cell(warning));
  }
  return out;
}

}  // namespace pypyready::deps
