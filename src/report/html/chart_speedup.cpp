// Speedup bars: how much faster PyPy runs each benchmark in the steady state (above 1x it wins),
// with the 95 % interval as whiskers, so a bar whose whisker crosses 1x reads as "not shown".

#include <fmt/format.h>

#include <algorithm>

#include "report/html/charts.h"
#include "report/html/escape.h"
#include "report/html/svg.h"
#include "results/number_text.h"

namespace pypyready::report::html {

std::string speedup_chart(const results::BenchSection& bench) {
  std::vector<const results::Benchmark*> rows;
  double hi = 1;
  for (const results::Benchmark& benchmark : bench.benchmarks) {
    if (!benchmark.speedup) continue;
    rows.push_back(&benchmark);
    hi = std::max({hi, benchmark.speedup->estimate, benchmark.speedup->ci95_high});
  }
  if (rows.empty()) return "";
  constexpr double kRow = 40;
  Frame frame;
  frame.left = 16;
  frame.height = frame.top + kRow * static_cast<double>(rows.size()) + frame.bottom;
  Scale x{0, hi * 1.1, frame.x0(), frame.x1()};

  std::string out = "<figure class=\"speedup\">";
  out += svg_open(frame, "Steady-state speedup of PyPy over CPython per benchmark");
  out += "<g class=\"axis\">";
  for (double value : ticks(0, hi * 1.1, 5, false)) {
    out += fmt::format("<line class=\"grid\" x1=\"{0}\" x2=\"{0}\" y1=\"{1}\" y2=\"{2}\"/>", num(x(value)),
                       num(frame.y1()), num(frame.y0()));
    out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>", num(x(value)),
                       num(frame.y0() + 16), escape(value == 0 ? std::string("0") : results::times(value)));
  }
  out += fmt::format("<text class=\"title\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text></g>",
                     num((frame.x0() + frame.x1()) / 2), num(frame.height - 4),
                     "speedup (CPython time / PyPy time)");
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const results::Speedup& s = *rows[i]->speedup;
    double top = frame.top + kRow * static_cast<double>(i);
    double bar_y = top + 18, bar_h = 14, mid = bar_y + bar_h / 2;
    bool wins = s.ci95_low > 1;
    bool loses = s.ci95_high > 0 && s.ci95_high < 1;
    std::string tone = wins ? "win" : loses ? "loss" : "even";
    std::string interval =
        s.ci95_high > 0 ? fmt::format(" [{} – {}]", results::times(s.ci95_low), results::times(s.ci95_high))
                        : "";
    out +=
        fmt::format("<text class=\"label\" x=\"{}\" y=\"{}\">{}: {}{}</text>", num(frame.x0()), num(top + 13),
                    escape(rows[i]->name), escape(results::times(s.estimate)), escape(interval));
    out +=
        fmt::format("<rect class=\"bar {}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>", tone,
                    num(frame.x0()), num(bar_y), num(std::max(1.0, x(s.estimate) - frame.x0())), num(bar_h));
    if (s.ci95_high > 0) {
      out += fmt::format("<line class=\"whisker\" x1=\"{0}\" x2=\"{1}\" y1=\"{2}\" y2=\"{2}\"/>",
                         num(x(s.ci95_low)), num(x(s.ci95_high)), num(mid));
      for (double end : {s.ci95_low, s.ci95_high})
        out += fmt::format("<line class=\"whisker\" x1=\"{0}\" x2=\"{0}\" y1=\"{1}\" y2=\"{2}\"/>",
                           num(x(end)), num(mid - 5), num(mid + 5));
    }
  }
  out += fmt::format("<line class=\"reference\" x1=\"{0}\" x2=\"{0}\" y1=\"{1}\" y2=\"{2}\"/>", num(x(1)),
                     num(frame.y1()), num(frame.y0()));
  out +=
      "</svg><figcaption><span class=\"note\">Bars: the speedup estimate; whiskers: its 95 % interval; "
      "the vertical line is 1x (no difference). Green: PyPy faster, red: slower, grey: not "
      "distinguishable.</span></figcaption></figure>";
  return out;
}

}  // namespace pypyready::report::html
