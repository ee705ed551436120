// Findings grouped by rule, most frequent rule first: each group says what the rule is about
// once, then every place with its source line and the fix. Large groups stay folded.

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "report/html/escape.h"
#include "report/html/sections.h"

namespace pypyready::report::html {
namespace {

constexpr std::size_t kMaxPerRule = 200;

std::string string_member(const nlohmann::json& object, const char* key) {
  if (!object.is_object()) return "";
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

std::string finding_item(const results::Finding& finding) {
  std::string out = fmt::format("<li class=\"finding\"><p><code class=\"where\">{}:{}:{}</code> {} {}</p>",
                                escape(finding.path), finding.line, finding.column + 1,
                                badge(finding.severity, finding.severity), escape(finding.message));
  // The scan stage keeps the line where the finding begins; older reports lack it.
  std::string line = string_member(finding.extra, "line_text");
  if (!line.empty())
    out += fmt::format("<pre class=\"excerpt\"><span class=\"lineno\">{}</span>{}</pre>", finding.line,
                       escape(line));
  if (finding.fix)
    out += fmt::format("<p class=\"fix\">{} {}</p>",
                       badge(finding.fix->applicability == "safe" ? "ok" : "warning",
                             finding.fix->applicability == "safe" ? "fix (--fix)" : "fix (by hand)"),
                       escape(finding.fix->description));
  return out + "</li>";
}

}  // namespace

std::string scan_section(const results::Results& results) {
  if (!results.scan) return "";
  const results::ScanSection& scan = *results.scan;
  std::string out = fmt::format("<section id=\"scan\"><h2>Findings <small>{} in {} files</small></h2>",
                                scan.findings.size(), scan.files_scanned);
  for (const results::SyntaxError& error : scan.syntax_errors)
    out += fmt::format("<p class=\"warning\"><code>{}:{}</code> does not parse: {}</p>", escape(error.path),
                       error.line, escape(error.message));
  if (scan.findings.empty()) return out + "<p>No findings.</p></section>";
  std::map<std::string, std::vector<const results::Finding*>> by_rule;
  for (const results::Finding& finding : scan.findings)
    by_rule[finding.code].push_back(&finding);
  std::vector<const std::vector<const results::Finding*>*> groups;
  for (const auto& [code, findings] : by_rule)
    groups.push_back(&findings);
  std::stable_sort(groups.begin(), groups.end(),
                   [](const auto* a, const auto* b) { return a->size() > b->size(); });
  for (const auto* group : groups) {
    const results::Finding& first = *group->front();
    out += fmt::format(
        "<details class=\"rule\"{}><summary><code>{}</code> {} <span class=\"count\">{}</span></summary><ul>",
        group->size() <= 5 ? " open" : "", escape(first.code), escape(first.name), group->size());
    for (std::size_t i = 0; i < group->size() && i < kMaxPerRule; ++i)
      out += finding_item(*(*group)[i]);
    if (group->size() > kMaxPerRule)
      out += fmt::format("<li>… {} more in report.json</li>", group->size() - kMaxPerRule);
    out += "</ul></details>";
  }
  return out + "</section>";
}

}  // namespace pypyready::report::html
