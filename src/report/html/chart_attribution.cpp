// Time attribution: where the profiled run spent its time, as one bar split into shares. PyPy
// speeds up only the pure-Python share, so the width of that segment bounds the gain.

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "report/html/charts.h"
#include "report/html/escape.h"
#include "report/html/svg.h"

namespace pypyready::report::html {
namespace {

struct Part {
  const char* key;
  const char* label;
};

// The schema's shares in the order of the bar; keys it does not know follow, in key order.
constexpr std::array kParts{
    Part{"python", "pure Python"},
    Part{"native_stdlib", "native standard library"},
    Part{"native_extensions", "native extensions"},
    Part{"system", "system calls"},
    Part{"wait", "waiting (I/O, sleep)"},
    Part{"import", "imports"},
    Part{"startup", "start-up"},
};

}  // namespace

std::string attribution_chart(const results::ProfileSection& profile) {
  std::vector<std::pair<std::string, double>> parts;
  for (const Part& part : kParts)
    if (auto it = profile.shares.find(part.key); it != profile.shares.end() && it->second > 0)
      parts.emplace_back(part.label, it->second);
  for (const auto& [key, share] : profile.shares) {
    bool known = std::any_of(kParts.begin(), kParts.end(), [&](const Part& p) { return key == p.key; });
    if (!known && share > 0) parts.emplace_back(key, share);
  }
  double total = 0;
  for (const auto& part : parts)
    total += part.second;
  if (total <= 0) return "";
  Frame frame;
  frame.height = 56;
  frame.left = 2;
  frame.right = 2;
  frame.top = 8;
  frame.bottom = 8;
  std::string out = "<figure class=\"attribution\">";
  out += svg_open(frame, "Time attribution of the profiled run");
  double x = frame.x0(), width = frame.x1() - frame.x0();
  std::string legend;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    double w = parts[i].second / total * width;
    std::string css = fmt::format("p{}", std::min<std::size_t>(i, 7));
    std::string label = fmt::format("{}: {:.0f} %", parts[i].first, parts[i].second / total * 100);
    out += fmt::format(
        "<rect class=\"part {}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"><title>{}</title></rect>", css,
        num(x), num(frame.top), num(w), num(frame.y0() - frame.top), escape(label));
    if (w > 60)
      out +=
          fmt::format("<text class=\"inbar\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{:.0f} %</text>",
                      num(x + w / 2), num((frame.top + frame.y0()) / 2 + 5), parts[i].second / total * 100);
    legend += legend_item(css, label);
    x += w;
  }
  out += "</svg><figcaption>" + legend;
  if (!profile.interpreter.empty())
    out += fmt::format("<span class=\"note\">profiled under {}</span>", escape(profile.interpreter));
  return out + "</figcaption></figure>";
}

}  // namespace pypyready::report::html
