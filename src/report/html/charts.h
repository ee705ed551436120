#pragma once
// The report's charts, one file per kind. Each returns an HTML fragment: a <figure> holding an
// inline <svg> and its caption, or "" when the Results have nothing for it to draw.

#include <string>

#include "results/results.h"

namespace pypyready::report::html {

/// Time per iteration against iteration, per interpreter, with the steady band and changepoints.
std::string warmup_chart(const results::Benchmark& benchmark, const results::Results& results);

/// One bar per benchmark: the speedup estimate with its 95 % interval as whiskers, 1x marked.
std::string speedup_chart(const results::BenchSection& bench);

/// Cumulative time (start-up plus iterations) per interpreter, with the break-even point.
std::string cumulative_chart(const results::Benchmark& benchmark, const results::Results& results);

/// Peak RSS per interpreter as bars, and the RSS curve over time.
std::string memory_chart(const results::Benchmark& benchmark, const results::Results& results);

/// The profile's time attribution as one stacked bar with a legend.
std::string attribution_chart(const results::ProfileSection& profile);

}  // namespace pypyready::report::html
