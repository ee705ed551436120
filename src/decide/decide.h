#pragma once
// The decision engine of design.md: the seven criteria, each met / not-met / unknown with the
// evidence and numbers that decided it, then one verdict, the blockers and the next steps.
// Plain data in (the analyses' sections of Results), plain data out; it never runs or prints.

#include <optional>
#include <string>

#include "results/results.h"

namespace pypyready::decide {

/// [tool.pypyready.decide] and the target; every field is optional in the configuration.
struct DecideConfig {
  std::optional<double> expected_lifetime_s;  ///< how long one process of the project runs
  std::optional<double> memory_budget_mib;    ///< the largest peak RSS PyPy may reach
  double min_speedup = 1.2;                   ///< below this, moving is not worth it
};

/// Judges every criterion and derives the verdict, blockers and next steps.
results::Decision decide(const results::Results& results, const DecideConfig& config);

}  // namespace pypyready::decide
