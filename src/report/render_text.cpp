// The terminal summary of design.md ("How it looks"): header, one line per analysis, verdict,
// one line per criterion, the next steps and where the report is.

#include <fmt/format.h>

#include "report/render.h"
#include "report/summary_lines.h"

namespace pypyready::report {
namespace {

struct Paint {
  bool on;
  std::string operator()(const std::string& text, const char* code) const {
    return on ? fmt::format("\033[{}m{}\033[0m", code, text) : text;
  }
};

const char* state_colour(const std::string& state) {
  return state == "met" ? "32" : state == "not-met" ? "31" : "33";
}

const char* verdict_colour(const std::string& verdict) {
  return verdict == "migrate" ? "1;32" : verdict == "stay" ? "1;31" : "1;33";
}

}  // namespace

std::string render_text(const results::Results& results, const TextOptions& options) {
  Paint paint{options.color};
  std::string out = fmt::format("pypyready {} · project: {}", results.tool.version,
                                results.project.name.empty() ? results.project.root : results.project.name);
  if (std::string line = interpreters_line(results); !line.empty()) out += " · " + line;
  out += "\n\n";
  for (const SummaryLine& stage : summary_lines(results)) {
    for (std::size_t i = 0; i < stage.lines.size(); ++i) {
      out += fmt::format(" {} {}\n", paint(fmt::format("{:<7}", i == 0 ? stage.stage : ""), "1"),
                         stage.lines[i]);
    }
  }
  if (!results.decision) return out;
  const results::Decision& decision = *results.decision;
  out += fmt::format("\n Verdict: {}\n",
                     paint(verdict_title(decision.verdict), verdict_colour(decision.verdict)));
  std::size_t title_width = 0;
  for (const results::Criterion& criterion : decision.criteria)
    title_width = std::max(title_width, criterion.title.size());
  for (const results::Criterion& criterion : decision.criteria) {
    std::string label = fmt::format("{:<9}", "[" + state_label(criterion.state) + "]");
    out += fmt::format("   {} {:<{}}  {}\n", paint(label, state_colour(criterion.state)), criterion.title,
                       title_width, criterion.evidence);
  }
  if (!decision.next_steps.empty()) {
    out += " Next:\n";
    for (std::size_t i = 0; i < decision.next_steps.size(); ++i) {
      const results::NextStep& step = decision.next_steps[i];
      out += fmt::format("   {}. {}{}\n", i + 1, step.action,
                         step.detail.empty() ? "" : " (" + step.detail + ")");
    }
  }
  if (!options.report_path.empty()) out += fmt::format(" Report: {}\n", options.report_path);
  return out;
}

}  // namespace pypyready::report
