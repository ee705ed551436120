// The top of the page: what was examined, the verdict in one line, each criterion with the
// evidence that decided it, then what to do next and what blocks. Readers who stop here have
// the answer.

#include <fmt/format.h>

#include "report/html/escape.h"
#include "report/html/sections.h"
#include "report/summary_lines.h"

namespace pypyready::report::html {
namespace {

std::string criteria_list(const results::Decision& decision) {
  std::string out = "<ul class=\"criteria\">";
  for (const results::Criterion& criterion : decision.criteria) {
    out += fmt::format("<li class=\"criterion\">{}<strong>{}</strong><span class=\"why\">{}</span></li>",
                       badge(criterion.state, state_label(criterion.state)), escape(criterion.title),
                       escape(criterion.evidence));
  }
  return out + "</ul>";
}

std::string next_steps(const results::Decision& decision) {
  if (decision.next_steps.empty()) return "";
  std::string out = "<h3>Next steps</h3><ol class=\"steps\">";
  for (const results::NextStep& step : decision.next_steps)
    out += fmt::format("<li><code>{}</code>{}</li>", escape(step.action),
                       step.detail.empty() ? "" : " — " + escape(step.detail));
  return out + "</ol>";
}

std::string blockers(const results::Decision& decision) {
  if (decision.blockers.empty()) return "";
  std::string out = fmt::format(
      "<details class=\"blockers\"{}><summary>Blockers ({})</summary><div class=\"scroll\"><table><thead><tr>"
      "<th>kind</th><th>what</th><th>fix</th></tr></thead><tbody>",
      decision.blockers.size() <= 10 ? " open" : "", decision.blockers.size());
  for (const results::Blocker& blocker : decision.blockers)
    out += fmt::format("<tr><td>{}</td><td><code>{}</code></td><td>{}</td></tr>", escape(blocker.kind),
                       escape(blocker.what), escape(blocker.fix));
  return out + "</tbody></table></div></details>";
}

std::string analyses(const results::Results& results) {
  std::string out = "<h3>Analyses</h3><ul class=\"stages\">";
  for (const SummaryLine& stage : summary_lines(results)) {
    std::string text;
    for (const std::string& line : stage.lines)
      text += (text.empty() ? "" : " ") + line;
    out += fmt::format("<li><strong>{}</strong> {}</li>", escape(stage.stage), escape(text));
  }
  return out + "</ul>";
}

}  // namespace

std::string verdict_section(const results::Results& results) {
  std::string project = results.project.name.empty() ? results.project.root : results.project.name;
  std::string out = "<header id=\"top\">";
  out += fmt::format("<p class=\"meta\">pypyready {} · project <strong id=\"project\">{}</strong>",
                     escape(results.tool.version), escape(project));
  if (std::string line = interpreters_line(results); !line.empty()) out += " · " + escape(line);
  if (!results.tool.finished_at.empty()) out += " · " + escape(results.tool.finished_at);
  out += "</p>";
  if (results.decision) {
    const results::Decision& decision = *results.decision;
    out += fmt::format("<h1 id=\"verdict\" class=\"verdict {}\">{}</h1>",
                       decision.verdict == "migrate"               ? "good"
                       : decision.verdict == "migrate-after-fixes" ? "warn"
                       : decision.verdict == "stay"                ? "bad"
                                                                   : "neutral",
                       escape(verdict_title(decision.verdict)));
    if (!decision.reason.empty()) out += fmt::format("<p class=\"reason\">{}</p>", escape(decision.reason));
    out += criteria_list(decision) + next_steps(decision) + blockers(decision);
  } else {
    out += "<h1 id=\"verdict\" class=\"verdict neutral\">No verdict</h1>";
  }
  out += analyses(results);
  return out + "</header>";
}

}  // namespace pypyready::report::html
