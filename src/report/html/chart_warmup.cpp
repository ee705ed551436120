// Warmup curves: what a JIT looks like. Both interpreters' time per iteration on one plot (log
// scale when they differ by more than 20x, as a cold PyPy often does), the steady state as a band
// from its median to its 99th percentile, and the changepoints bench detected as dashed lines.

#include <fmt/format.h>

#include <algorithm>
#include <limits>

#include "report/html/bench_series.h"
#include "report/html/charts.h"
#include "report/html/escape.h"
#include "report/html/svg.h"
#include "results/number_text.h"

namespace pypyready::report::html {
namespace {

constexpr std::size_t kMaxPoints = 600;

std::string ms_label(double seconds) {
  return results::seconds_text(seconds);
}

}  // namespace

std::string warmup_chart(const results::Benchmark& benchmark, const results::Results& results) {
  std::vector<Series> all = bench_series(benchmark, results);
  std::vector<const Series*> drawn;
  double lo = std::numeric_limits<double>::max(), hi = 0;
  std::size_t longest = 0;
  for (const Series& series : all) {
    if (series.iterations_s.size() < 2) continue;
    drawn.push_back(&series);
    longest = std::max(longest, series.iterations_s.size());
    for (double value : series.iterations_s) {
      if (value > 0) lo = std::min(lo, value);
      hi = std::max(hi, value);
    }
  }
  if (drawn.empty() || hi <= 0) return "";
  bool log = hi / lo > 20;
  Frame frame;
  Scale x{1, static_cast<double>(longest), frame.x0(), frame.x1()};
  Scale y{log ? lo * 0.8 : 0, hi * 1.05, frame.y0(), frame.y1(), log};

  std::string out = "<figure class=\"warmup\">";
  out += svg_open(frame, fmt::format("Warmup of {}: time per iteration", benchmark.name));
  out += axes(
      frame, x, y, "iteration", "time per iteration", [](double v) { return fmt::format("{:.0f}", v); },
      ms_label);
  for (const Series* series : drawn) {
    if (series->steady_p99_s > 0 && series->steady_start < series->iterations_s.size()) {
      double top = y(series->steady_p99_s), bottom = y(std::min(series->steady_p50_s, series->steady_p99_s));
      double left = x(static_cast<double>(series->steady_start + 1));
      out += fmt::format(
          "<rect class=\"band {}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"><title>{}: steady state from "
          "iteration {}, median {}, p99 {}</title></rect>",
          escape(series->css_class), num(left), num(top), num(std::max(1.0, frame.x1() - left)),
          num(std::max(1.5, bottom - top)), escape(series->label), series->steady_start + 1,
          escape(results::seconds_text(series->steady_p50_s)),
          escape(results::seconds_text(series->steady_p99_s)));
    }
    for (std::size_t index : series->changepoints) {
      if (index == 0 || index >= series->iterations_s.size()) continue;
      double px = x(static_cast<double>(index + 1));
      out += fmt::format(
          "<line class=\"changepoint {}\" x1=\"{}\" x2=\"{}\" y1=\"{}\" y2=\"{}\"><title>{}: changepoint at "
          "iteration {}</title></line>",
          escape(series->css_class), num(px), num(px), num(frame.y1()), num(frame.y0()),
          escape(series->label), index + 1);
    }
  }
  for (const Series* series : drawn) {
    std::vector<std::pair<double, double>> points;
    for (std::size_t i = 0; i < series->iterations_s.size(); ++i)
      points.emplace_back(static_cast<double>(i + 1), series->iterations_s[i]);
    out += polyline(thin(points, kMaxPoints), x, y, "line " + series->css_class);
  }
  out += "</svg><figcaption>";
  for (const Series* series : drawn)
    out += legend_item(series->css_class, series->label);
  // Which processes the figures rest on: one that ended inside its warmup is left out of them and
  // is never the one drawn, so the reader learns of it here rather than from a curve.
  std::string sources;
  bool left_out = false;
  for (const Series* series : drawn) {
    sources += fmt::format("{}{}: {} of {} processes", sources.empty() ? "" : "; ", series->label,
                           series->processes_counted, series->processes_run);
    left_out = left_out || series->processes_counted < series->processes_run;
  }
  out += fmt::format(
      "<span class=\"note\">{}: time per iteration of one process, the middle one of those the steady "
      "figures rest on ({}{}); shaded: the steady state (median to 99th percentile); dashed: detected "
      "changepoints{}</span>",
      escape(benchmark.name), escape(sources), left_out ? "; the others ended inside their warmup" : "",
      log ? "; log scale" : "");
  return out + "</figcaption></figure>";
}

}  // namespace pypyready::report::html
