#pragma once
// The parts of the HTML page, one file each, in page order. Each returns an HTML fragment (a
// <section> with an id the page's navigation links to), or "" when its analysis did not run.

#include <string>
#include <string_view>

#include "results/results.h"

namespace pypyready::report::html {

/// Project, interpreters, verdict and reason, each criterion, next steps, blockers, stages.
std::string verdict_section(const results::Results& results);
/// Per benchmark: warmup curves, cumulative time, memory; the speedup bars above them.
std::string bench_section(const results::Results& results);
/// The time attribution bar and the predicted speedup.
std::string profile_section(const results::Results& results);
/// The dependency table with verdict badges, evidence and missing C-API symbols.
std::string deps_section(const results::Results& results);
/// Findings grouped by rule, each with its code line and its fix.
std::string scan_section(const results::Results& results);
/// Test outcomes per interpreter, differences first.
std::string test_section(const results::Results& results);

/// A badge whose colour comes from a fixed set of states (met, blocked, works, ...); unknown
/// states get the neutral colour, so project text never chooses a CSS class.
std::string badge(std::string_view state, std::string_view text);

/// The whole page's stylesheet (inline, no external resources), light and dark, phone widths.
std::string_view page_style();

}  // namespace pypyready::report::html
