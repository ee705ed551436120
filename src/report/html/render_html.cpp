// The self-contained HTML report: one file, inline CSS and SVG, no script and no external
// resource, so it opens from disk, from a CI artefact or a mail attachment alike. Its Content
// Security Policy forbids scripts and every network load: should an escaping bug ever let markup
// through, the browser would still refuse to run it.

#include <fmt/format.h>

#include <tuple>

#include "report/html/escape.h"
#include "report/html/sections.h"
#include "report/render.h"

namespace pypyready::report {

std::string render_html(const results::Results& results) {
  std::string project = results.project.name.empty() ? results.project.root : results.project.name;
  std::string verdict = html::verdict_section(results);
  std::string bench = html::bench_section(results);
  std::string profile = html::profile_section(results);
  std::string deps = html::deps_section(results);
  std::string scan = html::scan_section(results);
  std::string test = html::test_section(results);

  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
      "img-src data:\">";
  out += fmt::format("<title>pypyready: {}</title><style>{}</style></head><body>", html::escape(project),
                     html::page_style());
  out += "<nav><a href=\"#top\">Verdict</a>";
  for (const auto& [id, label, body] :
       {std::tuple{"bench", "Measurements", &bench}, std::tuple{"profile", "Profile", &profile},
        std::tuple{"deps", "Dependencies", &deps}, std::tuple{"scan", "Findings", &scan},
        std::tuple{"tests", "Tests", &test}})
    if (!body->empty()) out += fmt::format("<a href=\"#{}\">{}</a>", id, label);
  out += "</nav><main>" + verdict + bench + profile + deps + scan + test;
  out += fmt::format("<footer>Written by pypyready {} from report.json", html::escape(results.tool.version));
  if (!results.tool.command_line.empty())
    out += fmt::format(" · <code>{}</code>", html::escape(results.tool.command_line));
  return out + "</footer></main></body></html>\n";
}

}  // namespace pypyready::report
