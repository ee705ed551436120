// Memory: peak RSS per interpreter as bars (a JIT trades memory for speed, and this is the
// price), then the RSS curve sampled during the runs, when bench recorded one.

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

std::string mib(double bytes) {
  return results::mib_text(bytes / 1048576.0);
}

std::string peak_bars(const std::vector<Series>& all, const std::string& name) {
  double hi = 0;
  for (const Series& series : all)
    hi = std::max(hi, static_cast<double>(series.side->peak_rss_bytes));
  if (hi <= 0) return "";
  constexpr double kRow = 34;
  Frame frame;
  frame.left = 16;
  frame.bottom = 8;
  frame.height = frame.top + kRow * static_cast<double>(all.size()) + frame.bottom;
  Scale x{0, hi * 1.15, frame.x0(), frame.x1()};
  std::string out = svg_open(frame, fmt::format("Peak memory of {}", name));
  for (std::size_t i = 0; i < all.size(); ++i) {
    double top = frame.top + kRow * static_cast<double>(i);
    double peak = static_cast<double>(all[i].side->peak_rss_bytes);
    out += fmt::format("<text class=\"label\" x=\"{}\" y=\"{}\">{}: {}</text>", num(frame.x0()),
                       num(top + 11), escape(all[i].label), escape(mib(peak)));
    out += fmt::format("<rect class=\"bar {}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"12\"/>",
                       escape(all[i].css_class), num(frame.x0()), num(top + 15),
                       num(std::max(1.0, x(peak) - frame.x0())));
  }
  return out + "</svg>";
}

std::string rss_curves(const std::vector<Series>& all, const std::string& name) {
  double t_hi = 0, bytes_hi = 0;
  for (const Series& series : all) {
    for (const auto& [t, bytes] : series.rss_curve) {
      t_hi = std::max(t_hi, t);
      bytes_hi = std::max(bytes_hi, bytes);
    }
  }
  if (t_hi <= 0 || bytes_hi <= 0) return "";
  Frame frame;
  Scale x{0, t_hi, frame.x0(), frame.x1()};
  Scale y{0, bytes_hi * 1.1, frame.y0(), frame.y1()};
  std::string out = svg_open(frame, fmt::format("Resident memory of {} over time", name));
  out += axes(
      frame, x, y, "time since start", "RSS", [](double v) { return results::seconds_text(v); }, mib);
  for (const Series& series : all)
    if (series.rss_curve.size() >= 2)
      out += polyline(thin(series.rss_curve, kMaxPoints), x, y, "line " + series.css_class);
  return out + "</svg>";
}

}  // namespace

std::string memory_chart(const results::Benchmark& benchmark, const results::Results& results) {
  std::vector<Series> all = bench_series(benchmark, results);
  if (all.empty()) return "";
  std::string bars = peak_bars(all, benchmark.name);
  std::string curves = rss_curves(all, benchmark.name);
  if (bars.empty() && curves.empty()) return "";
  std::string out = "<figure class=\"memory\">" + bars + curves + "<figcaption>";
  for (const Series& series : all)
    out += legend_item(series.css_class, series.label);
  std::string ratio = benchmark.memory_ratio ? fmt::format("; PyPy peak / CPython peak: {}",
                                                           results::times(*benchmark.memory_ratio))
                                             : "";
  out += fmt::format("<span class=\"note\">{}: peak resident memory{}{}</span>", escape(benchmark.name),
                     curves.empty() ? "" : ", then resident memory sampled during the runs", escape(ratio));
  return out + "</figcaption></figure>";
}

}  // namespace pypyready::report::html
