// The measurements: the speedup of every benchmark side by side, then each benchmark's warmup,
// cumulative time and memory charts above the numbers they are drawn from.

#include <fmt/format.h>

#include "report/html/bench_series.h"
#include "report/html/charts.h"
#include "report/html/escape.h"
#include "report/html/sections.h"
#include "report/summary_lines.h"

namespace pypyready::report::html {
namespace {

std::string numbers_table(const results::Benchmark& benchmark, const results::Results& results) {
  std::string out =
      "<div class=\"scroll\"><table class=\"numbers\"><thead><tr><th>interpreter</th><th>status</th>"
      "<th>start-up</th><th>first iteration</th><th>steady mean</th><th>warmup</th><th>to steady</th>"
      "<th>peak RSS</th></tr></thead><tbody>";
  for (const auto& [id, side] : benchmark.per_interpreter) {
    std::string label = interpreter_label(results, id);
    if (side.status != "ok") {
      out += fmt::format("<tr><td>{}</td><td>{}</td><td colspan=\"6\">{}</td></tr>", escape(label),
                         badge("failed", side.status), escape(side.reason));
      continue;
    }
    out += fmt::format(
        "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
        escape(label), badge("ok", "ok"), escape(seconds_text(side.startup_s)),
        escape(seconds_text(side.first_iteration_s)), escape(seconds_text(side.steady_mean_s)),
        escape(side.classification), escape(seconds_text(side.seconds_to_steady)),
        escape(mib_text(side.peak_rss_bytes)));
  }
  return out + "</tbody></table></div>";
}

}  // namespace

std::string bench_section(const results::Results& results) {
  if (!results.bench) return "";
  std::string out = "<section id=\"bench\"><h2>Measurements</h2>";
  if (results.bench->benchmarks.empty()) return out + "<p>No benchmarks ran.</p></section>";
  out += speedup_chart(*results.bench);
  for (const results::Benchmark& benchmark : results.bench->benchmarks) {
    out += fmt::format("<article class=\"benchmark\"><h3>{} <small>{}</small></h3>", escape(benchmark.name),
                       escape(benchmark.mode));
    for (const std::string& warning : benchmark.warnings)
      out += fmt::format("<p class=\"warning\">{}</p>", escape(warning));
    out += "<div class=\"charts\">";
    out += warmup_chart(benchmark, results);
    // In process and command modes an iteration is a whole run: there is no curve to accumulate.
    if (benchmark.mode == "function") out += cumulative_chart(benchmark, results);
    out += memory_chart(benchmark, results);
    out += "</div>" + numbers_table(benchmark, results) + "</article>";
  }
  return out + "</section>";
}

}  // namespace pypyready::report::html
