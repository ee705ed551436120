#include "bench/noise.h"

#include <fmt/format.h>
#include <unistd.h>

#include <fstream>
#include <numeric>

#include "bench/speed_shift.h"
#include "bench/stats/summary.h"
#include "bench/steady_sample.h"

namespace pypyready::bench {

double load_average() {
  std::ifstream in("/proc/loadavg");
  double one = 0;
  in >> one;
  return one;
}

int online_cpus() {
  long cpus = ::sysconf(_SC_NPROCESSORS_ONLN);
  return cpus > 0 ? static_cast<int>(cpus) : 1;
}

double wall_cpu_ratio(const ProcessRecord& process, bool per_iteration) {
  double wall = process.wall_s, cpu = process.cpu_s;
  if (per_iteration && !process.iterations_cpu_s.empty()) {
    wall = std::accumulate(process.iterations_s.begin(), process.iterations_s.end(), 0.0);
    cpu = std::accumulate(process.iterations_cpu_s.begin(), process.iterations_cpu_s.end(), 0.0);
  }
  return wall > 0 && cpu > 0 ? wall / cpu : 0;
}

std::vector<std::string> noise_warnings(const BenchmarkResult& result) {
  std::vector<std::string> warnings;
  double load = std::max(result.load_average_start, result.load_average_end);
  if (result.cpus > 0 && load > result.cpus)
    warnings.push_back(
        fmt::format("load average {:.1f} on {} CPUs: other work competed for the CPUs, so "
                    "the intervals are wider than on a quiet machine",
                    load, result.cpus));
  for (const auto& side : result.per_interpreter) {
    if (!side.ok || side.processes.empty()) continue;
    // Wall time above CPU time means the process waited for a CPU (or for I/O): descheduled time
    // is counted as work. 10 % is well above what a quiet machine shows.
    if (side.wall_cpu_ratio > 1.10)
      warnings.push_back(
          fmt::format("{}: wall time was {:.0f} % above CPU time (median over processes): "
                      "the process waited for a CPU or for I/O",
                      side.id, (side.wall_cpu_ratio - 1) * 100));
    if (!side.consistent)
      warnings.push_back(fmt::format("{}: processes disagree on the warmup classification", side.id));
    std::vector<double> means;
    std::size_t unsteady = 0, unsteady_counted = 0;
    for (const auto& process : side.processes) {
      bool steady = reached_steady_state(process);
      if (process.counted) means.push_back(process.analysis.steady_mean_s);
      unsteady += !steady;
      unsteady_counted += !steady && process.counted;
    }
    double m = stats::mean(means);
    if (means.size() >= 3 && m > 0 && stats::stddev(means) / m > 0.10)
      warnings.push_back(
          fmt::format("{}: process-to-process variation is {:.0f} % (coefficient of "
                      "variation of the steady means)",
                      side.id, stats::stddev(means) / m * 100));
    if (unsteady > 0 && unsteady_counted == 0)
      warnings.push_back(
          fmt::format("{}: {} of {} processes reached no steady state and are left out of the "
                      "steady figures",
                      side.id, unsteady, side.processes.size()));
    else if (unsteady > 0)
      warnings.push_back(
          fmt::format("{}: {} of {} processes reached no steady state; the steady figures rest "
                      "on the final segments of the {} that ran longest (a longer --time-budget "
                      "gives each process more time)",
                      side.id, unsteady, side.processes.size(), means.size()));
  }
  if (auto shift = speed_shift_warning(result)) warnings.push_back(std::move(*shift));
  return warnings;
}

}  // namespace pypyready::bench
