#include <fmt/format.h>

#include <algorithm>

#include "profile/report.h"

namespace pypyready::profile {
namespace {

std::string times(double value) {
  return value >= 10 ? fmt::format("{:.0f}x", value) : fmt::format("{:.2f}x", value);
}

std::string where(const Hotspot& spot) {
  if (spot.line > 0) return fmt::format("{}:{} {}", spot.file, spot.line, spot.function);
  return fmt::format("{} {}", spot.file, spot.function);
}

// For native code, what ran and the program's own line that led there.
std::string what(const Hotspot& spot) {
  std::string text;
  if (!spot.module.empty()) text = spot.callee.empty() ? spot.module : spot.module + " " + spot.callee;
  if (!spot.caller_file.empty())
    text += (text.empty() ? "" : ", ") + fmt::format("from {}:{}", spot.caller_file, spot.caller_line);
  return text;
}

void hotspot_table(std::string& out, const std::string& title, const std::vector<Hotspot>& spots) {
  if (spots.empty()) return;
  out += fmt::format("\n{}\n  {:>6}  {:<18}  {}\n", title, "share", "kind", "where");
  for (const Hotspot& spot : spots) {
    std::string detail = what(spot);
    out += fmt::format("  {:>5.1f}%  {:<18}  {}{}\n", spot.share * 100, category_label(spot.kind),
                       where(spot), detail.empty() ? "" : "  [" + detail + "]");
  }
}

}  // namespace

std::string render_text(const ProfileReport& report, std::size_t top) {
  const Attribution& a = report.attribution;
  std::string out = fmt::format("pypyready profile · {} · {}\n", report.command, report.interpreter);
  out += fmt::format("{:.2f} s attributed ({:.2f} s wall", a.total_s, a.wall_s);
  if (a.queue_s >= 0.01) out += fmt::format(", {:.2f} s waiting for a CPU left out", a.queue_s);
  out += fmt::format(") · {} samples at {:.0f} ms\n\n", a.samples, a.interval_s * 1000);

  out += "  " + stacked_bar(a, 60) + "\n";
  for (const char* category : kCategories) {
    double share = a.shares.count(category) ? a.shares.at(category) : 0;
    double seconds = a.seconds.count(category) ? a.seconds.at(category) : 0;
    std::string modules;
    int listed = 0;
    for (const ModuleTime& module : a.native_by_module) {
      if (module.kind != category || listed == 4) continue;
      modules += fmt::format("{}{} {:.1f}%", listed == 0 ? "  " : ", ", module.module, module.share * 100);
      ++listed;
    }
    out += fmt::format("  {} {:<19} {:>5.1f}%  {:>7.2f} s{}\n", bar_glyph(category), category_label(category),
                       share * 100, seconds, modules);
  }
  out += "  confidence: " + a.confidence + "\n";

  std::vector<Hotspot> lines(
      report.hotspots.lines.begin(),
      report.hotspots.lines.begin() + static_cast<long>(std::min(top, report.hotspots.lines.size())));
  hotspot_table(out, "Hotspots: lines", lines);
  std::vector<Hotspot> functions(
      report.hotspots.functions.begin(),
      report.hotspots.functions.begin() + static_cast<long>(std::min(top, report.hotspots.functions.size())));
  hotspot_table(out, "Hotspots: functions", functions);

  const Prediction& p = report.prediction;
  out += fmt::format("\nOn PyPy (time-share model)\n  predicted speedup between {} and {} ",
                     times(p.speedup_low), times(p.speedup_high));
  out += fmt::format("(this run: CPython {:.2f} s, PyPy {:.2f}-{:.2f} s)\n", p.cpython_s, p.pypy_fast_s,
                     p.pypy_slow_s);
  out += "  " + p.summary + "\n";
  for (const std::string& note : p.notes)
    out += "  ! " + note + "\n";
  if (report.verification) {
    const Verification& v = *report.verification;
    out += fmt::format(
        "  measured: {} [{}-{}] with the bench harness: {} the predicted range ({}; predicted {})\n",
        times(v.measured), times(v.ci_low), times(v.ci_high), v.within_range ? "inside" : "outside",
        v.measured_direction, v.predicted_direction);
    if (v.measured_cpu > 0)
      out += fmt::format("  measured from CPU time (immune to a busy machine, not to waiting): {} [{}-{}]\n",
                         times(v.measured_cpu), times(v.cpu_ci_low), times(v.cpu_ci_high));
  } else {
    out += "  a prediction, not a measurement: add --verify to measure PyPy on this command\n";
  }
  for (const std::string& warning : report.warnings)
    out += "warning: " + warning + "\n";
  if (report.program_out_bytes + report.program_err_bytes > 0)
    out += fmt::format("(the program's own output, {} bytes on stdout and {} on stderr, is not shown)\n",
                       report.program_out_bytes, report.program_err_bytes);
  return out;
}

}  // namespace pypyready::profile
