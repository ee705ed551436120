#include "bench/steady_sample.h"

#include <algorithm>
#include <functional>
#include <numeric>

namespace pypyready::bench {
namespace {

// Per process, the CPU time of the steady iterations (outliers excluded) or of the whole process:
// the same estimate as the wall-time one, immune to time spent waiting for a CPU.
double cpu_mean(const ProcessRecord& process, bool per_iteration) {
  if (!per_iteration) return process.cpu_s;
  double sum = 0;
  std::size_t count = 0;
  for (std::size_t i = process.analysis.steady_start; i < process.iterations_cpu_s.size(); ++i) {
    if (i < process.analysis.outliers.size() && process.analysis.outliers[i]) continue;
    sum += process.iterations_cpu_s[i];
    ++count;
  }
  return count > 0 ? sum / static_cast<double>(count) : 0;
}

}  // namespace

bool reached_steady_state(const ProcessRecord& process) {
  return process.analysis.classification != "no-steady-state";
}

// When fewer than two processes reached a steady state (a warmup longer than the budget allows),
// those that ran longest got closest to one: the first process's length is a guess, and a short
// one ends deep inside the warmup.
void mark_counted(InterpreterResult& side) {
  auto steady = std::count_if(side.processes.begin(), side.processes.end(),
                              [](const ProcessRecord& p) { return reached_steady_state(p); });
  if (steady >= 2) {
    for (auto& process : side.processes)
      process.counted = reached_steady_state(process);
    return;
  }
  std::vector<double> measured_s;
  for (const auto& p : side.processes)
    measured_s.push_back(std::accumulate(p.iterations_s.begin(), p.iterations_s.end(), 0.0) *
                         p.calls_per_iteration);
  std::vector<double> longest_first = measured_s;
  std::sort(longest_first.begin(), longest_first.end(), std::greater<>());
  double bar = longest_first.empty() ? 0 : longest_first[0] / 2;
  if (longest_first.size() >= 2) bar = std::min(bar, longest_first[1]);
  for (std::size_t k = 0; k < side.processes.size(); ++k)
    side.processes[k].counted = measured_s[k] >= bar;
}

std::vector<const ProcessRecord*> counted_processes(const InterpreterResult& side) {
  std::vector<const ProcessRecord*> counted;
  for (const auto& process : side.processes)
    if (process.counted) counted.push_back(&process);
  return counted;
}

SpeedupSample speedup_sample(const InterpreterResult& baseline, const InterpreterResult& candidate,
                             bool rounds_aligned, bool per_iteration) {
  std::size_t rounds = baseline.processes.size();
  std::vector<bool> take_baseline, take_candidate;
  for (const auto& process : baseline.processes)
    take_baseline.push_back(process.counted);
  for (const auto& process : candidate.processes)
    take_candidate.push_back(process.counted);
  SpeedupSample sample;
  if (rounds_aligned && candidate.processes.size() == rounds) {
    std::vector<bool> both(rounds);
    for (std::size_t k = 0; k < rounds; ++k)
      both[k] = take_baseline[k] && take_candidate[k];
    if (std::count(both.begin(), both.end(), true) >= 2) {
      take_baseline = take_candidate = both;
      sample.paired = true;
    }
  }
  auto collect = [per_iteration](const InterpreterResult& side, const std::vector<bool>& take,
                                 std::vector<double>& means, std::vector<double>& cpu,
                                 std::vector<std::vector<double>>& steady) {
    for (std::size_t k = 0; k < side.processes.size(); ++k) {
      if (!take[k]) continue;
      const ProcessRecord& process = side.processes[k];
      means.push_back(process.analysis.steady_mean_s);
      if (double c = cpu_mean(process, per_iteration); c > 0) cpu.push_back(c);
      steady.emplace_back(process.iterations_s.begin() + static_cast<long>(process.analysis.steady_start),
                          process.iterations_s.end());
    }
  };
  collect(baseline, take_baseline, sample.baseline_means, sample.baseline_cpu, sample.baseline_steady);
  collect(candidate, take_candidate, sample.candidate_means, sample.candidate_cpu, sample.candidate_steady);
  return sample;
}

}  // namespace pypyready::bench
