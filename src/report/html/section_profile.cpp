// Where the time goes: the attribution bar, the predicted speedup, and the hotspots the
// profile found (read from the section as the profile stage writes it; absent parts are skipped).

#include <fmt/format.h>

#include "report/html/charts.h"
#include "report/html/escape.h"
#include "report/html/sections.h"
#include "report/summary_lines.h"

namespace pypyready::report::html {
namespace {

constexpr std::size_t kMaxHotspots = 15;

std::string text_of(const nlohmann::json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end()) return "";
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer()) return std::to_string(it->get<long long>());
  return "";
}

double number_of(const nlohmann::json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_number() ? it->get<double>() : 0;
}

std::string hotspots(const nlohmann::json& extra) {
  auto list = extra.find("hotspots");
  if (list == extra.end() || !list->is_array() || list->empty()) return "";
  std::string out =
      "<h3>Hotspots</h3><div class=\"scroll\"><table "
      "class=\"hotspots\"><thead><tr><th>share</th><th>where</th>"
      "<th>function</th><th>kind</th><th>calls into</th></tr></thead><tbody>";
  std::size_t shown = 0;
  for (const nlohmann::json& spot : *list) {
    if (!spot.is_object() || shown++ == kMaxHotspots) break;
    std::string where = text_of(spot, "file");
    if (std::string line = text_of(spot, "line"); !line.empty()) where += ":" + line;
    std::string callee = text_of(spot, "callee");
    if (std::string module = text_of(spot, "module"); !module.empty() && !callee.empty())
      callee = module + ": " + callee;
    out += fmt::format("<tr><td>{:.1f} %</td><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td></tr>",
                       number_of(spot, "share") * 100, escape(where), escape(text_of(spot, "function")),
                       escape(text_of(spot, "kind")), escape(callee));
  }
  return out + "</tbody></table></div>";
}

}  // namespace

std::string profile_section(const results::Results& results) {
  if (!results.profile) return "";
  const results::ProfileSection& profile = *results.profile;
  std::string out = "<section id=\"profile\"><h2>Where the time goes</h2>";
  std::string chart = attribution_chart(profile);
  out += chart.empty() ? "<p>The profile recorded no time shares.</p>" : chart;
  if (profile.speedup_low && profile.speedup_high)
    out += fmt::format("<p>Predicted PyPy speedup: <strong>{} – {}</strong></p>",
                       escape(times(*profile.speedup_low)), escape(times(*profile.speedup_high)));
  out += hotspots(profile.extra);
  return out + "</section>";
}

}  // namespace pypyready::report::html
