#include "deps/render.h"

#include <fmt/format.h>

#include <algorithm>

namespace pypyready::deps {
namespace {

const char* color_of(Verdict verdict) {
  switch (verdict) {
    case Verdict::kBlocked:
      return "\033[1;31m";
    case Verdict::kReplace:
      return "\033[1;33m";
    case Verdict::kSlower:
      return "\033[36m";
    case Verdict::kWorks:
      return "\033[32m";
    case Verdict::kUnknown:
      return "\033[2m";
  }
  return "";
}

std::string shorten(const std::string& text, std::size_t width) {
  if (text.size() <= width) return text;
  return text.substr(0, width - 3) + "...";
}

std::string path_text(const std::vector<std::string>& path, const std::string& name) {
  std::string out;
  for (const std::string& step : path)
    out += step + " -> ";
  return out + name;
}

}  // namespace

std::string deps_summary_line(const DepsReport& report) {
  auto counts = report.counts();
  std::string line =
      fmt::format("{} dependencies: {} work, {} slower on PyPy, {} replace, {} blocked, {} unknown",
                  report.dependencies.size(), counts[Verdict::kWorks], counts[Verdict::kSlower],
                  counts[Verdict::kReplace], counts[Verdict::kBlocked], counts[Verdict::kUnknown]);
  std::string replacements;
  for (const DependencyResult& dep : report.dependencies) {
    if (dep.verdict == Verdict::kReplace) {
      replacements += fmt::format("{}{} -> {}", replacements.empty() ? "" : "; ", dep.name, dep.alternative);
    }
  }
  if (!replacements.empty()) line += fmt::format(" ({})", replacements);
  return line;
}

std::string render_deps_text(const DepsReport& report, const RenderOptions& options) {
  std::string out =
      fmt::format("target {} · C-API library {} ({} exported symbols)\n", report.target_interpreter,
                  report.pypy_library.empty() ? "(none)" : report.pypy_library, report.pypy_exported_symbols);
  std::size_t name_width = 4, version_width = 7;
  for (const DependencyResult& dep : report.dependencies) {
    name_width = std::max(name_width, dep.name.size());
    version_width = std::max(version_width, std::min<std::size_t>(dep.version.size(), 14));
  }
  out += fmt::format("{:<8} {:<{}} {:<{}} {:<7} {}\n", "VERDICT", "NAME", name_width, "VERSION",
                     version_width, "KIND", "EVIDENCE");
  const std::string reset = options.color ? "\033[0m" : "";
  for (const DependencyResult& dep : report.dependencies) {
    std::string verdict = fmt::format("{:<8}", verdict_name(dep.verdict));
    if (options.color) verdict = color_of(dep.verdict) + verdict + reset;
    std::string reason = dep.evidence.empty() ? "" : dep.evidence.front().detail;
    if (dep.verdict == Verdict::kReplace && !dep.alternative.empty())
      reason = "use " + dep.alternative + "; " + reason;
    out += fmt::format("{} {:<{}} {:<{}} {:<7} {}\n", verdict, dep.name, name_width, shorten(dep.version, 14),
                       version_width, dep.kind, options.verbose ? reason : shorten(reason, 100));
    // The index's evidence is always shown, even when something stronger decided the verdict.
    if (dep.index && !(dep.evidence.size() > 0 && dep.evidence.front().source == "index"))
      out += fmt::format("           index: {}\n", dep.index->summary());
    bool detail = options.verbose || dep.verdict == Verdict::kBlocked;
    if (!detail) continue;
    for (std::size_t i = 0; i < dep.evidence.size(); ++i) {
      const Evidence& evidence = dep.evidence[i];
      if (i > 0 && options.verbose)
        out += fmt::format("           [{}] {}\n", evidence.source, evidence.detail);
      if (!evidence.missing_symbols.empty() && (evidence.blocking || options.verbose)) {
        std::string symbols;
        for (const std::string& symbol : evidence.missing_symbols)
          symbols += (symbols.empty() ? "" : ", ") + symbol;
        out += fmt::format("           missing: {}\n", symbols);
      }
    }
    for (const auto& path : dep.pulled_in_by)
      out += fmt::format("           pulled in by: {}\n", path_text(path, dep.name));
    for (const std::string& where : dep.declared_in) {
      if (options.verbose) out += fmt::format("           declared in: {}\n", where);
    }
  }
  if (options.modules) {
    out += "\nMODULE C-API CHECK\n";
    for (const DependencyResult& dep : report.dependencies) {
      for (const ExtensionModule& ext : dep.modules) {
        std::string missing;
        for (const MissingSymbol& symbol : ext.missing) {
          missing +=
              fmt::format("{}{}({})", missing.empty() ? "" : " ", symbol.name, gap_class_name(symbol.gap));
        }
        out += fmt::format("{:<60} {:<9} {:<8} {}\n", ext.module, binary_kind_name(ext.kind),
                           ext.blocks()          ? "BLOCKS"
                           : ext.missing.empty() ? "clean"
                                                 : "rebuild",
                           missing);
      }
    }
  }
  for (const std::string& error : report.errors)
    out += fmt::format("error: {}\n", error);
  for (const std::string& warning : report.warnings)
    out += fmt::format("warning: {}\n", warning);
  out += deps_summary_line(report) + "\n";
  return out;
}

}  // namespace pypyready::deps
