// 1. CPU-bound pure Python: a measured speedup beats a prediction; the profile's pure-Python
// share stands in when nothing was benchmarked.

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "decide/criteria.h"
#include "decide/format.h"

namespace pypyready::decide {

results::Criterion judge_cpu_bound(const results::Results& results, const DecideConfig& config) {
  results::Criterion criterion{kCpuBound, "CPU-bound pure Python", "unknown", "", {}};
  const results::ProfileSection* profile = results.profile ? &*results.profile : nullptr;
  std::string profile_note;
  if (profile && profile->shares.count("python")) {
    double share = profile->shares.at("python");
    criterion.numbers["python_share"] = share;
    profile_note = fmt::format("{:.0f}% of time in Python code", share * 100);
  }

  std::vector<std::string> slower, faster, unclear, cannot_run;
  double log_sum = 0;
  int measured = 0;
  double lowest = 0, highest = 0;
  if (results.bench) {
    for (const results::Benchmark& benchmark : results.bench->benchmarks) {
      if (!benchmark.speedup) {
        for (const auto& [id, side] : benchmark.per_interpreter)
          if (side.status != "ok")
            cannot_run.push_back(fmt::format("{} on {}: {}", benchmark.name, id, side.reason));
        continue;
      }
      const results::Speedup& s = *benchmark.speedup;
      std::string line = fmt::format("{} {} [{}-{}]", benchmark.name, times(s.estimate), times(s.ci95_low),
                                     times(s.ci95_high));
      if (s.ci95_low >= config.min_speedup) {
        faster.push_back(line);
      } else if (s.ci95_high < config.min_speedup) {
        slower.push_back(line);
      } else {
        unclear.push_back(line);
      }
      log_sum += std::log(std::max(s.estimate, 1e-9));
      lowest = measured == 0 ? s.ci95_low : std::min(lowest, s.ci95_low);
      highest = measured == 0 ? s.ci95_high : std::max(highest, s.ci95_high);
      ++measured;
    }
  }

  if (measured > 0) {
    double geomean = std::exp(log_sum / measured);
    criterion.numbers["speedup"] = geomean;
    criterion.numbers["ci95_low"] = lowest;
    criterion.numbers["ci95_high"] = highest;
    criterion.numbers["min_speedup"] = config.min_speedup;
    criterion.numbers["benchmarks"] = measured;
    std::string prefix = profile_note.empty() ? "" : profile_note + "; ";
    if (!slower.empty()) {
      criterion.state = "not-met";
      criterion.evidence =
          fmt::format("{}below the worthwhile {} on {}", prefix, times(config.min_speedup), join(slower));
    } else if (!unclear.empty()) {
      criterion.evidence = fmt::format("{}interval straddles the worthwhile {}: {}", prefix,
                                       times(config.min_speedup), join(unclear));
    } else {
      criterion.state = "met";
      criterion.evidence = fmt::format("{}measured {}", prefix, join(faster));
    }
    return criterion;
  }
  if (!profile_note.empty()) {
    double share = criterion.numbers["python_share"];
    criterion.state = share >= kPythonShareForGain ? "met" : "not-met";
    criterion.evidence = profile_note + (share >= kPythonShareForGain ? " (profile; not measured on PyPy)"
                                                                      : ": little for the JIT to speed up");
    return criterion;
  }
  criterion.evidence = cannot_run.empty() ? "nothing measured: no bench target and no profile"
                                          : "no speedup: " + join(cannot_run, "; ");
  return criterion;
}

}  // namespace pypyready::decide
