// Cumulative time: start-up plus every iteration so far, per interpreter. Where the PyPy line
// crosses below the CPython line for good is the break-even run length bench computed; when it
// lies past the measured iterations the lines continue dashed at their steady-state pace.

#include <fmt/format.h>

#include <algorithm>

#include "report/html/bench_series.h"
#include "report/html/charts.h"
#include "report/html/escape.h"
#include "report/html/svg.h"
#include "results/number_text.h"

namespace pypyready::report::html {
namespace {

constexpr std::size_t kMaxPoints = 400;

}  // namespace

std::string cumulative_chart(const results::Benchmark& benchmark, const results::Results& results) {
  std::vector<Series> all = bench_series(benchmark, results);
  std::vector<const Series*> drawn;
  double measured = 0;
  for (const Series& series : all) {
    if (series.iterations_s.empty()) continue;
    drawn.push_back(&series);
    measured = std::max(measured, static_cast<double>(series.iterations_s.size()));
  }
  if (drawn.empty()) return "";
  double x_hi = measured;
  if (benchmark.break_even) x_hi = std::max(x_hi, benchmark.break_even->iterations * 1.15);

  // Each line: measured part, then (past its end) the steady pace up to x_hi.
  std::vector<std::vector<std::pair<double, double>>> solid, dashed;
  double y_hi = 0;
  for (const Series* series : drawn) {
    std::vector<std::pair<double, double>> points{{0, series->startup_s}};
    double total = series->startup_s;
    for (std::size_t i = 0; i < series->iterations_s.size(); ++i) {
      total += series->iterations_s[i];
      points.emplace_back(static_cast<double>(i + 1), total);
    }
    std::vector<std::pair<double, double>> rest;
    double last = static_cast<double>(series->iterations_s.size());
    if (x_hi > last) {
      double pace = series->steady_p50_s > 0 ? series->steady_p50_s : series->iterations_s.back();
      rest = {{last, total}, {x_hi, total + pace * (x_hi - last)}};
      y_hi = std::max(y_hi, rest.back().second);
    }
    y_hi = std::max(y_hi, total);
    solid.push_back(thin(points, kMaxPoints));
    dashed.push_back(std::move(rest));
  }
  if (y_hi <= 0) return "";

  Frame frame;
  Scale x{0, x_hi, frame.x0(), frame.x1()};
  Scale y{0, y_hi * 1.05, frame.y0(), frame.y1()};
  std::string out = "<figure class=\"cumulative\">";
  out += svg_open(frame, fmt::format("Cumulative time of {}", benchmark.name));
  out += axes(
      frame, x, y, "iterations", "total time", [](double v) { return fmt::format("{:.0f}", v); },
      [](double v) { return results::seconds_text(v); });
  for (std::size_t i = 0; i < drawn.size(); ++i) {
    out += polyline(solid[i], x, y, "line " + drawn[i]->css_class);
    if (!dashed[i].empty()) out += polyline(dashed[i], x, y, "line projected " + drawn[i]->css_class);
  }
  std::string note;
  if (benchmark.break_even) {
    const results::BreakEven& be = *benchmark.break_even;
    double px = x(be.iterations), py = y(be.seconds);
    out += fmt::format(
        "<line class=\"breakeven\" x1=\"{0}\" x2=\"{0}\" y1=\"{1}\" y2=\"{2}\"/><circle class=\"breakeven\" "
        "cx=\"{0}\" cy=\"{3}\" r=\"5\"><title>break-even: {4} iterations, {5}</title></circle>",
        num(px), num(frame.y1()), num(frame.y0()), num(py), fmt::format("{:.0f}", be.iterations),
        escape(results::seconds_text(be.seconds)));
    out += fmt::format("<text class=\"label\" x=\"{}\" y=\"{}\" text-anchor=\"{}\">break-even</text>",
                       num(px + (px > frame.x1() - 80 ? -6 : 6)), num(frame.y1() + 12),
                       px > frame.x1() - 80 ? "end" : "start");
    note = fmt::format("break-even after {:.0f} iterations ({} of CPython time)", be.iterations,
                       results::seconds_text(be.seconds));
  } else {
    note = "no break-even: PyPy does not catch up within any run length";
  }
  out += "</svg><figcaption>";
  for (const Series* series : drawn)
    out += legend_item(series->css_class, series->label);
  out += fmt::format(
      "<span class=\"note\">{}: start-up plus the time of every iteration so far; dashed: continued at the "
      "steady-state pace; {}</span>",
      escape(benchmark.name), escape(note));
  return out + "</figcaption></figure>";
}

}  // namespace pypyready::report::html
