#pragma once
// Renderings of a DepsReport: JSON (the `deps` section of design.md's results schema), a text
// table for terminals, and Markdown. Renderers only read the report.

#include <nlohmann/json.hpp>

#include <string>

#include "deps/report.h"

namespace pypyready::deps {

/// Options shared by the text and Markdown renderings.
struct RenderOptions {
  bool color = false;    ///< ANSI colours (text only; callers decide from the terminal and NO_COLOR)
  bool verbose = false;  ///< every evidence line, missing symbol and path
  bool modules = false;  ///< the per-module C-API table
};

/// The `deps` section as JSON.
nlohmann::json deps_to_json(const DepsReport& report);

/// A table, blockers first, then the summary.
std::string render_deps_text(const DepsReport& report, const RenderOptions& options);

/// The same content as Markdown.
std::string render_deps_markdown(const DepsReport& report, const RenderOptions& options);

/// The one-line summary: counts per verdict and the replacements.
std::string deps_summary_line(const DepsReport& report);

}  // namespace pypyready::deps
