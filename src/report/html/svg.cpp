#include "report/html/svg.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "report/html/escape.h"

namespace pypyready::report::html {

double Scale::operator()(double value) const {
  double a = lo, b = hi, v = value;
  if (log) {
    // Non-positive values have no place on a log axis; they sit at its bottom.
    a = std::log10(std::max(lo, 1e-12));
    b = std::log10(std::max(hi, 1e-12));
    v = std::log10(std::max(value, 1e-12));
  }
  if (b == a) return (from + to) / 2;
  double t = std::clamp((v - a) / (b - a), -0.05, 1.05);
  return from + t * (to - from);
}

std::string num(double value) {
  if (!std::isfinite(value)) return "0";
  std::string text = fmt::format("{:.1f}", value);
  if (text.ends_with(".0")) text.resize(text.size() - 2);
  return text == "-0" ? "0" : text;
}

std::vector<double> ticks(double lo, double hi, int count, bool log) {
  std::vector<double> out;
  if (!(hi > lo) || count < 1) return {lo};
  if (log) {
    for (double p = std::floor(std::log10(std::max(lo, 1e-12))); p <= std::log10(hi) + 1e-9; ++p) {
      double value = std::pow(10.0, p);
      if (value >= lo * (1 - 1e-9)) out.push_back(value);
    }
    if (out.size() >= 2) return out;
    return ticks(lo, hi, count, false);
  }
  double raw = (hi - lo) / count;
  double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  double step = magnitude;
  for (double factor : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    step = factor * magnitude;
    if (step >= raw) break;
  }
  for (double value = std::ceil(lo / step - 1e-9) * step; value <= hi + step * 1e-9; value += step)
    out.push_back(std::abs(value) < step * 1e-9 ? 0 : value);
  return out;
}

std::string svg_open(const Frame& frame, std::string_view title) {
  return fmt::format(
      "<svg class=\"chart\" viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"{}\" "
      "xmlns=\"http://www.w3.org/2000/svg\"><title>{}</title>",
      num(frame.width), num(frame.height), escape(title), escape(title));
}

std::string axes(const Frame& frame, const Scale& x, const Scale& y, std::string_view x_title,
                 std::string_view y_title, const std::function<std::string(double)>& x_label,
                 const std::function<std::string(double)>& y_label) {
  std::string out = "<g class=\"axis\">";
  for (double value : ticks(y.lo, y.hi, 4, y.log)) {
    double py = y(value);
    out += fmt::format("<line class=\"grid\" x1=\"{}\" x2=\"{}\" y1=\"{}\" y2=\"{}\"/>", num(frame.x0()),
                       num(frame.x1()), num(py), num(py));
    out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>", num(frame.x0() - 4),
                       num(py + 4), escape(y_label(value)));
  }
  for (double value : ticks(x.lo, x.hi, 5, x.log)) {
    double px = x(value);
    out += fmt::format("<line class=\"tick\" x1=\"{}\" x2=\"{}\" y1=\"{}\" y2=\"{}\"/>", num(px), num(px),
                       num(frame.y0()), num(frame.y0() + 4));
    out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>", num(px),
                       num(frame.y0() + 16), escape(x_label(value)));
  }
  out += fmt::format("<line class=\"frame\" x1=\"{0}\" x2=\"{1}\" y1=\"{2}\" y2=\"{2}\"/>", num(frame.x0()),
                     num(frame.x1()), num(frame.y0()));
  out += fmt::format("<line class=\"frame\" x1=\"{0}\" x2=\"{0}\" y1=\"{1}\" y2=\"{2}\"/>", num(frame.x0()),
                     num(frame.y1()), num(frame.y0()));
  out += fmt::format("<text class=\"title\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
                     num((frame.x0() + frame.x1()) / 2), num(frame.height - 4), escape(x_title));
  out += fmt::format(
      "<text class=\"title\" x=\"12\" y=\"{0}\" text-anchor=\"middle\" transform=\"rotate(-90 12 {0})\">{1}"
      "</text>",
      num((frame.y0() + frame.y1()) / 2), escape(y_title));
  return out + "</g>";
}

std::string polyline(const std::vector<std::pair<double, double>>& points, const Scale& x, const Scale& y,
                     std::string_view css_class) {
  std::string coordinates;
  for (const auto& [px, py] : points)
    coordinates += fmt::format("{}{},{}", coordinates.empty() ? "" : " ", num(x(px)), num(y(py)));
  return fmt::format("<polyline class=\"{}\" points=\"{}\"/>", escape(css_class), coordinates);
}

std::vector<std::pair<double, double>> thin(const std::vector<std::pair<double, double>>& points,
                                            std::size_t limit) {
  if (points.size() <= limit || limit == 0) return points;
  std::vector<std::pair<double, double>> out;
  for (std::size_t bucket = 0; bucket < limit; ++bucket) {
    std::size_t from = bucket * points.size() / limit, to = (bucket + 1) * points.size() / limit;
    double sx = 0, sy = 0;
    for (std::size_t i = from; i < to; ++i) {
      sx += points[i].first;
      sy += points[i].second;
    }
    double n = static_cast<double>(to - from);
    out.emplace_back(sx / n, sy / n);
  }
  return out;
}

std::string legend_item(std::string_view css_class, std::string_view name) {
  return fmt::format("<span class=\"key\"><i class=\"sw {}\"></i>{}</span>", escape(css_class), escape(name));
}

}  // namespace pypyready::report::html
