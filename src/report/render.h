#pragma once
// Renderings of a whole Results value (report.json): the terminal summary in the look of
// design.md, Markdown that fits a pull-request comment or $GITHUB_STEP_SUMMARY, and JSON.
// They only format what the analyses and the decision engine put in the value.

#include <string>

#include "results/results.h"

namespace pypyready::report {

/// Options of the terminal summary.
struct TextOptions {
  bool color = false;       ///< ANSI colours (callers decide from the terminal and NO_COLOR)
  std::string report_path;  ///< shown on the last line when set
};

/// The terminal summary: header, one line per analysis, verdict, criteria, next steps.
std::string render_text(const results::Results& results, const TextOptions& options);

/// The same content as Markdown, with the blockers and per-benchmark numbers as tables.
std::string render_markdown(const results::Results& results);

/// report.json itself (schema "pypyready/1"), indented, ending in a newline.
std::string render_json(const results::Results& results);

/// index.html: one self-contained page (inline CSS and SVG charts, no script, no network) with
/// the verdict and criteria at the top, then measurements, profile, dependencies, findings and
/// tests. Every string from the project is escaped (report/html/escape.h).
std::string render_html(const results::Results& results);

}  // namespace pypyready::report
