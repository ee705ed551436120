// Dependencies: one row each, the ones that need action first, with the evidence behind the
// verdict and the C-API symbols PyPy lacks (the reason a compiled extension cannot load).

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "report/html/escape.h"
#include "report/html/sections.h"

namespace pypyready::report::html {
namespace {

constexpr std::size_t kMaxSymbols = 40;

int urgency(const std::string& verdict) {
  constexpr std::array order{"blocked", "replace", "slower", "unknown", "works"};
  for (std::size_t i = 0; i < order.size(); ++i)
    if (verdict == order[i]) return static_cast<int>(i);
  return static_cast<int>(order.size());
}

std::string evidence_cell(const results::Dependency& dep) {
  std::string out;
  for (const results::DependencyEvidence& evidence : dep.evidence) {
    out += fmt::format("<div class=\"evidence\"><strong>{}</strong> {}", escape(evidence.source),
                       escape(evidence.detail));
    if (!evidence.missing_symbols.empty()) {
      out += fmt::format("<details class=\"symbols\"><summary>{} missing C-API symbol{}</summary><code>",
                         evidence.missing_symbols.size(), evidence.missing_symbols.size() == 1 ? "" : "s");
      for (std::size_t i = 0; i < evidence.missing_symbols.size() && i < kMaxSymbols; ++i)
        out += (i == 0 ? "" : " ") + escape(evidence.missing_symbols[i]);
      if (evidence.missing_symbols.size() > kMaxSymbols)
        out += fmt::format(" … {} more", evidence.missing_symbols.size() - kMaxSymbols);
      out += "</code></details>";
    }
    out += "</div>";
  }
  return out;
}

}  // namespace

std::string deps_section(const results::Results& results) {
  if (!results.deps) return "";
  const results::DepsSection& deps = *results.deps;
  std::string out = "<section id=\"deps\"><h2>Dependencies</h2>";
  if (deps.dependencies.empty()) return out + "<p>No third-party dependencies.</p></section>";
  std::vector<const results::Dependency*> rows;
  for (const results::Dependency& dep : deps.dependencies)
    rows.push_back(&dep);
  std::stable_sort(rows.begin(), rows.end(),
                   [](const auto* a, const auto* b) { return urgency(a->verdict) < urgency(b->verdict); });
  out +=
      "<div class=\"scroll\"><table class=\"deps\"><thead><tr><th>package</th><th>version</th><th>kind</th>"
      "<th>on PyPy</th><th>instead</th><th>evidence</th></tr></thead><tbody>";
  for (const results::Dependency* dep : rows) {
    out += fmt::format(
        "<tr><td><strong>{}</strong></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
        escape(dep->name), escape(dep->version), escape(dep->kind), badge(dep->verdict, dep->verdict),
        escape(dep->alternative), evidence_cell(*dep));
  }
  return out + "</tbody></table></div></section>";
}

}  // namespace pypyready::report::html
