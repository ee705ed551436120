// Markdown for a pull-request comment or $GITHUB_STEP_SUMMARY: the verdict first, then the
// criteria table, next steps, blockers and the per-analysis lines.

#include <fmt/format.h>

#include "report/render.h"
#include "report/summary_lines.h"

namespace pypyready::report {
namespace {

// One cell of a table: `|` escaped and line breaks flattened.
std::string cell(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n' || c == '\r') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

const char* state_mark(const std::string& state) {
  return state == "met" ? "✅ met" : state == "not-met" ? "❌ not met" : "❔ unknown";
}

constexpr std::size_t kMaxBlockerRows = 50;

}  // namespace

std::string render_markdown(const results::Results& results) {
  std::string out;
  std::string project = results.project.name.empty() ? results.project.root : results.project.name;
  if (results.decision) {
    out += fmt::format("## pypyready: {}\n\n", verdict_title(results.decision->verdict));
    if (!results.decision->reason.empty()) out += fmt::format("{}\n\n", results.decision->reason);
  } else {
    out += "## pypyready\n\n";
  }
  out += fmt::format("Project **{}**", cell(project));
  if (std::string line = interpreters_line(results); !line.empty()) out += " · " + line;
  out += fmt::format(" · pypyready {}\n\n", results.tool.version);

  if (results.decision) {
    const results::Decision& decision = *results.decision;
    out += "| Criterion | State | Evidence |\n|---|---|---|\n";
    for (const results::Criterion& criterion : decision.criteria)
      out += fmt::format("| {} | {} | {} |\n", cell(criterion.title), state_mark(criterion.state),
                         cell(criterion.evidence));
    if (!decision.next_steps.empty()) {
      out += "\n### Next steps\n\n";
      for (std::size_t i = 0; i < decision.next_steps.size(); ++i) {
        const results::NextStep& step = decision.next_steps[i];
        out +=
            fmt::format("{}. **{}**{}\n", i + 1, step.action, step.detail.empty() ? "" : " — " + step.detail);
      }
    }
    if (!decision.blockers.empty()) {
      out += fmt::format("\n### Blockers ({})\n\n| Kind | What | Fix |\n|---|---|---|\n",
                         decision.blockers.size());
      for (std::size_t i = 0; i < decision.blockers.size() && i < kMaxBlockerRows; ++i) {
        const results::Blocker& blocker = decision.blockers[i];
        out += fmt::format("| {} | `{}` | {} |\n", blocker.kind, cell(blocker.what), cell(blocker.fix));
      }
      if (decision.blockers.size() > kMaxBlockerRows)
        out += fmt::format("\n{} more in report.json.\n", decision.blockers.size() - kMaxBlockerRows);
    }
  }
  out += "\n### Analyses\n\n";
  for (const SummaryLine& stage : summary_lines(results)) {
    std::string text;
    for (const std::string& line : stage.lines)
      text += (text.empty() ? "" : " ") + line;
    out += fmt::format("- **{}**: {}\n", stage.stage, text);
  }
  return out;
}

}  // namespace pypyready::report
