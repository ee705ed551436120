#include <fmt/format.h>

#include "core/text.h"
#include "profile/report.h"

namespace pypyready::profile {
namespace {

std::string cell(const std::string& text) {
  return core::markdown_table_cell(text);
}

void hotspot_table(std::string& out, const std::string& title, const std::vector<Hotspot>& spots,
                   std::size_t top) {
  if (spots.empty()) return;
  out += fmt::format(
      "\n### {}\n\n| share | kind | where | native code | called from |\n|---:|---|---|---|---|\n", title);
  for (std::size_t i = 0; i < spots.size() && i < top; ++i) {
    const Hotspot& spot = spots[i];
    std::string where = spot.line > 0 ? fmt::format("`{}:{}` {}", spot.file, spot.line, spot.function)
                                      : fmt::format("`{}` {}", spot.file, spot.function);
    std::string native =
        spot.module.empty() ? "" : spot.module + (spot.callee.empty() ? "" : " " + spot.callee);
    std::string caller =
        spot.caller_file.empty() ? "" : fmt::format("`{}:{}`", spot.caller_file, spot.caller_line);
    out += fmt::format("| {:.1f}% | {} | {} | {} | {} |\n", spot.share * 100, category_label(spot.kind),
                       cell(where), cell(native), cell(caller));
  }
}

}  // namespace

std::string render_markdown(const ProfileReport& report, std::size_t top) {
  const Attribution& a = report.attribution;
  std::string out =
      fmt::format("## Profile: `{}`\n\n{} · {:.2f} s attributed ({:.2f} s wall) · {} samples\n\n",
                  cell(report.command), report.interpreter, a.total_s, a.wall_s, a.samples);
  out += "| category | share | seconds | native modules |\n|---|---:|---:|---|\n";
  for (const char* category : kCategories) {
    std::string modules;
    for (const ModuleTime& module : a.native_by_module)
      if (module.kind == category)
        modules +=
            (modules.empty() ? "" : ", ") + fmt::format("{} {:.1f}%", module.module, module.share * 100);
    out += fmt::format("| {} | {:.1f}% | {:.2f} | {} |\n", category_label(category),
                       (a.shares.count(category) ? a.shares.at(category) : 0) * 100,
                       a.seconds.count(category) ? a.seconds.at(category) : 0, cell(modules));
  }
  out += "\nConfidence: " + a.confidence + ".\n";
  hotspot_table(out, "Hotspots: lines", report.hotspots.lines, top);
  hotspot_table(out, "Hotspots: functions", report.hotspots.functions, top);
  const Prediction& p = report.prediction;
  out += fmt::format(
      "\n### On PyPy\n\nPredicted speedup between **{:.2f}x** and **{:.2f}x** (PyPy {:.2f}-{:.2f} s "
      "for CPython's {:.2f} s). {}.\n",
      p.speedup_low, p.speedup_high, p.pypy_fast_s, p.pypy_slow_s, p.cpython_s, p.summary);
  for (const std::string& note : p.notes)
    out += "\n- " + note;
  if (!p.notes.empty()) out += "\n";
  if (report.verification) {
    const Verification& v = *report.verification;
    out += fmt::format("\nMeasured: **{:.2f}x** [{:.2f}x-{:.2f}x], {} the predicted range.\n", v.measured,
                       v.ci_low, v.ci_high, v.within_range ? "inside" : "outside");
  }
  for (const std::string& warning : report.warnings)
    out += "\n> warning: " + warning + "\n";
  return out;
}

}  // namespace pypyready::profile
