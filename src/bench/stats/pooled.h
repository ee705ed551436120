#pragma once
// One speedup from several runs of the same benchmark (other machines, other times): each run's
// interval describes its own rounds only, and runs taken minutes or machines apart differ by more
// than that, so the runs are pooled as a random-effects model whose interval counts the spread
// between runs.

#include <optional>
#include <utility>
#include <vector>

#include "bench/stats/speedup.h"

namespace pypyready::bench::stats {

struct Pooled {
  Ratio ratio;                 ///< the pooled speedup (`processes` is left 0: see `runs`)
  int runs = 0;                ///< how many runs were pooled
  double between_runs_sd = 0;  ///< the spread of the runs' own speedups (log scale, ~ relative)
  double heterogeneity = 0;    ///< I^2: the share of the runs' scatter that their intervals do not explain
  /// Where a further run's own estimate should land (95 %): the pooled estimate's uncertainty plus
  /// the spread between runs and a typical run's own error, Student t with runs - 2 degrees of
  /// freedom. nullopt with fewer than three runs.
  std::optional<std::pair<double, double>> next_run;
};

/// DerSimonian-Laird estimate of the between-run variance, the runs weighted by their own variance
/// plus it, and a Hartung-Knapp interval (Student t with runs - 1 degrees of freedom on the
/// weighted scatter of the runs, never narrower than the weights alone imply). nullopt with fewer
/// than two runs or a run without a positive interval.
std::optional<Pooled> pool_runs(const std::vector<Ratio>& runs);

}  // namespace pypyready::bench::stats
