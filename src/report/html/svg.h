#pragma once
// Small building blocks of the report's inline SVG charts: a plot frame with margins, linear
// and logarithmic scales, axes with round ticks, and polylines. Coordinates are written with
// one decimal; every label goes through escape().

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pypyready::report::html {

/// The drawing area of one chart: the SVG's viewBox and the margins kept for the axes.
struct Frame {
  double width = 640;
  double height = 240;
  double left = 60;
  double right = 16;
  double top = 14;
  double bottom = 38;
  double x0() const { return left; }
  double x1() const { return width - right; }
  double y0() const { return height - bottom; }  ///< the bottom of the plot (SVG y grows down)
  double y1() const { return top; }
};

/// Maps a data interval onto a pixel interval, linearly or on a log10 axis.
struct Scale {
  double lo = 0;
  double hi = 1;
  double from = 0;  ///< pixel of lo
  double to = 1;    ///< pixel of hi
  bool log = false;
  double operator()(double value) const;
};

/// "12.3": one decimal, no trailing ".0", for coordinates.
std::string num(double value);

/// Round tick values covering [lo, hi] (about `count` of them); powers of ten on a log axis.
std::vector<double> ticks(double lo, double hi, int count, bool log);

/// `<svg viewBox=... role="img">` with an accessible title; close with "</svg>".
std::string svg_open(const Frame& frame, std::string_view title);

/// Both axes with ticks, grid lines and labels; `label` formats a tick value.
std::string axes(const Frame& frame, const Scale& x, const Scale& y, std::string_view x_title,
                 std::string_view y_title, const std::function<std::string(double)>& x_label,
                 const std::function<std::string(double)>& y_label);

/// A polyline through the points (data coordinates) with the given CSS class.
std::string polyline(const std::vector<std::pair<double, double>>& points, const Scale& x, const Scale& y,
                     std::string_view css_class);

/// At most `limit` points: longer series are averaged in equal buckets, so a chart of 100,000
/// iterations stays a few kilobytes and keeps the curve's shape.
std::vector<std::pair<double, double>> thin(const std::vector<std::pair<double, double>>& points,
                                            std::size_t limit);

/// A legend entry: a coloured swatch and its (escaped) name, as HTML.
std::string legend_item(std::string_view css_class, std::string_view name);

}  // namespace pypyready::report::html
