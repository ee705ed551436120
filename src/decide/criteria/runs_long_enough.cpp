// 3. Runs long enough for the JIT: the run length after which PyPy has caught up (break-even,
// start-up and warmup included) versus how long one process of the project runs.
//
// Function and service benchmarks measure the break-even directly. Whole-process and command benchmarks
// measure one complete run: if PyPy is still behind at its end, break-even lies beyond it.

#include <fmt/format.h>

#include <algorithm>

#include "decide/criteria.h"
#include "decide/format.h"
#include "decide/roles.h"

namespace pypyready::decide {
namespace {

struct Judgement {
  std::string state;
  std::string evidence;
};

double run_length_s(const results::BenchInterpreter& side) {
  if (side.steady_mean_s > 0) return side.steady_mean_s;
  double sum = 0;
  for (const results::BenchProcess& process : side.processes)
    sum += process.wall_s;
  return side.processes.empty() ? 0 : sum / static_cast<double>(side.processes.size());
}

Judgement judge_function(const results::Benchmark& benchmark, std::optional<double> lifetime_s,
                         results::Criterion& criterion) {
  if (benchmark.break_even) {
    double be = benchmark.break_even->seconds;
    criterion.numbers["break_even_s"] = std::max(criterion.numbers["break_even_s"], be);
    if (!lifetime_s)
      return {"unknown",
              fmt::format("{}: break-even {}, expected lifetime not set", benchmark.name, seconds_text(be))};
    bool enough = be <= *lifetime_s;
    return {enough ? "met" : "not-met",
            fmt::format("{}: lifetime {} {} break-even {}", benchmark.name, seconds_text(*lifetime_s),
                        enough ? ">=" : "<", seconds_text(be))};
  }
  if (benchmark.speedup && benchmark.speedup->ci95_high < 1)
    return {"not-met", fmt::format("{}: PyPy stays slower ({}), no break-even", benchmark.name,
                                   times(benchmark.speedup->estimate))};
  return {"unknown", fmt::format("{}: no break-even measured", benchmark.name)};
}

Judgement judge_whole_run(const results::Results& results, const results::Benchmark& benchmark,
                          std::optional<double> lifetime_s, results::Criterion& criterion) {
  const results::BenchInterpreter* baseline = side_of(results, benchmark, "baseline");
  if (!benchmark.speedup || baseline == nullptr)
    return {"unknown", fmt::format("{}: no comparison of whole runs", benchmark.name)};
  double run_s = run_length_s(*baseline);
  criterion.numbers["run_length_s"] = run_s;
  double lifetime = lifetime_s.value_or(run_s);
  const results::Speedup& s = *benchmark.speedup;
  if (s.ci95_low > 1) {
    if (lifetime >= run_s)
      return {"met", fmt::format("{}: PyPy already ahead at the end of a {} run (lifetime {})",
                                 benchmark.name, seconds_text(run_s), seconds_text(lifetime))};
    return {"unknown", fmt::format("{}: lifetime {} is shorter than the measured {} run", benchmark.name,
                                   seconds_text(lifetime), seconds_text(run_s))};
  }
  if (s.ci95_high < 1) {
    if (lifetime <= run_s)
      return {
          "not-met",
          fmt::format("{}: a whole run takes {} and PyPy is still {} slower at its end; lifetime "
                      "{} ends before any break-even",
                      benchmark.name, seconds_text(run_s), times(1 / s.estimate), seconds_text(lifetime))};
    return {"unknown",
            fmt::format("{}: PyPy slower over a {} run; lifetime {} is longer: measure a longer run",
                        benchmark.name, seconds_text(run_s), seconds_text(lifetime))};
  }
  return {"unknown",
          fmt::format("{}: whole runs take about as long on both ({})", benchmark.name, times(s.estimate))};
}

}  // namespace

results::Criterion judge_runs_long_enough(const results::Results& results, const DecideConfig& config) {
  results::Criterion criterion{kRunsLongEnough, "runs long enough", "unknown", "", {}};
  if (config.expected_lifetime_s) criterion.numbers["lifetime_s"] = *config.expected_lifetime_s;
  if (!results.bench || results.bench->benchmarks.empty()) {
    criterion.evidence = "no benchmark: break-even unknown";
    return criterion;
  }
  std::vector<std::string> met, not_met, unknown;
  for (const results::Benchmark& benchmark : results.bench->benchmarks) {
    // A service's break-even (served requests, start-up and warmup included) is judged like a
    // function's: against the expected time between restarts or deploys.
    bool has_break_even_curve = benchmark.mode == "function" || benchmark.mode == "service";
    Judgement judgement = has_break_even_curve
                              ? judge_function(benchmark, config.expected_lifetime_s, criterion)
                              : judge_whole_run(results, benchmark, config.expected_lifetime_s, criterion);
    (judgement.state == "met"       ? met
     : judgement.state == "not-met" ? not_met
                                    : unknown)
        .push_back(judgement.evidence);
  }
  criterion.state = !not_met.empty() ? "not-met" : !unknown.empty() ? "unknown" : "met";
  criterion.evidence = join(!not_met.empty() ? not_met : !unknown.empty() ? unknown : met, "; ");
  return criterion;
}

}  // namespace pypyready::decide
