#include "bench/harness.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <sstream>

#include "bench/noise.h"
#include "bench/startup.h"
#include "bench/stats/summary.h"
#include "bench/steady_sample.h"
#include "run/interrupt.h"
#include "run/probes.h"

namespace pypyready::bench {
namespace {

using Clock = std::chrono::steady_clock;

// Every process runs at least this many iterations, so that the changepoint search can split it in
// two (its minimum segment is 3): with fewer, a process stopped inside its warmup looks flat.
constexpr int kMinIterationsPerProcess = 6;

std::string last_line(const std::string& text) {
  std::string trimmed = text;
  while (!trimmed.empty() && (trimmed.back() == '\n' || trimmed.back() == ' '))
    trimmed.pop_back();
  auto at = trimmed.rfind('\n');
  std::string line = at == std::string::npos ? trimmed : trimmed.substr(at + 1);
  return line.size() > 300 ? line.substr(0, 300) + "..." : line;
}

std::string cannot_run_reason(const run::ProcessResult& result, const run::ProcessSpec& spec) {
  std::string ending = run::describe_ending(result, spec);
  std::string line = last_line(result.err);
  if (result.timed_out || result.memory_exceeded || line.empty()) return ending;
  return ending + ": " + line;
}

run::ProcessSpec base_spec(const BenchConfig& config, double timeout_s) {
  run::ProcessSpec spec;
  spec.timeout = std::chrono::milliseconds(static_cast<long long>(timeout_s * 1000));
  spec.memory_limit_bytes = config.memory_limit_bytes;
  spec.rss_interval = std::chrono::milliseconds(20);
  spec.output_cap_bytes = 1 << 16;
  spec.cpu = config.cpu;
  return spec;
}

std::vector<std::string> command_for(const BenchConfig& config, const run::Interpreter& interpreter) {
  if (!config.command.empty()) {
    std::vector<std::string> argv = config.command;
    for (auto& arg : argv) {
      if (arg == "{python}" || arg == "python" || arg == "python3") arg = interpreter.path.string();
    }
    return argv;
  }
  return {interpreter.path.string(), config.file};
}

// Adaptive in-process length: a process needs its warmup plus about 20 steady iterations, so the
// next process of each interpreter asks for 1.5x what the slowest-warming steady process so far
// needed; while the latest process reached no steady state, the length doubles, up to `longest_s`.
void adapt_process_length(BenchmarkResult& result, double first_s, double longest_s) {
  for (auto& side : result.per_interpreter) {
    if (!side.ok || side.processes.empty()) continue;
    if (!reached_steady_state(side.processes.back())) {
      side.process_seconds = std::min(longest_s, std::max(first_s, side.process_seconds * 2));
      continue;
    }
    double needed = 0;
    for (const auto& process : side.processes)
      if (reached_steady_state(process))
        needed = std::max(needed, process.analysis.seconds_to_steady + 20 * process.analysis.steady_mean_s);
    side.process_seconds = std::clamp(needed * 1.5, 0.2, longest_s);
  }
}

// The typical warmup curve: per iteration, the mean over the counted processes (as long as all
// have one). A process left out ended inside its warmup; with it, the curve would stop there and
// the break-even would jump from its last iteration straight to the steady state.
std::vector<double> mean_curve(const InterpreterResult& side) {
  std::vector<const ProcessRecord*> counted = counted_processes(side);
  std::vector<double> curve;
  if (counted.empty()) return curve;
  std::size_t length = counted[0]->iterations_s.size();
  for (const ProcessRecord* process : counted)
    length = std::min(length, process->iterations_s.size());
  for (std::size_t i = 0; i < length; ++i) {
    double sum = 0;
    for (const ProcessRecord* process : counted)
      sum += process->iterations_s[i];
    curve.push_back(sum / static_cast<double>(counted.size()));
  }
  return curve;
}

// Start-up as the break-even point counts it: the whole-process import run when measured, else the
// bare interpreter plus the probe's import time.
double startup_with_import(const InterpreterResult& side) {
  return side.startup_import_s > 0 ? side.startup_import_s : side.startup_s + side.import_s;
}

// A run that spent more than its --time-budget says why. The budget check stops before a round
// that would overrun it, so the causes are the rounds it cannot skip (the start-up rows and the
// --min-runs rounds come first) and a last round slower than the one before; a few per cent over is
// the ordinary spread of round lengths.
std::optional<std::string> budget_overrun(double total_s, const BenchConfig& config, int rounds_run,
                                          const std::string& stop) {
  if (total_s <= config.time_budget_s * 1.1 || stop == "interrupted" || stop == "cannot-run")
    return std::nullopt;
  std::string cause =
      rounds_run <= config.min_runs
          ? fmt::format(
                "the start-up rows and the minimum of {} rounds (--min-runs) took longer; a longer "
                "--time-budget or a smaller --min-runs keeps to it",
                config.min_runs)
          : std::string("the last round ran slower than the one before it");
  return fmt::format("took {:.1f} s of a {:.1f} s --time-budget: {}", total_s, config.time_budget_s, cause);
}

}  // namespace

core::Result<std::pair<std::vector<double>, std::vector<double>>> parse_probe_data(const std::string& data,
                                                                                   double* import_s) {
  std::vector<double> wall, cpu;
  std::istringstream lines(data);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.rfind("error ", 0) == 0) return core::Error{line.substr(6)};
    if (line.rfind("import_ns ", 0) == 0) {
      if (import_s != nullptr) *import_s = std::stod(line.substr(10)) / 1e9;
      continue;
    }
    if (line.rfind("loops ", 0) == 0) continue;
    std::istringstream fields(line);
    double wall_ns = 0, cpu_ns = 0;
    if (fields >> wall_ns >> cpu_ns) {
      wall.push_back(wall_ns / 1e9);
      cpu.push_back(cpu_ns / 1e9);
    }
  }
  return std::pair{wall, cpu};
}

BenchmarkResult run_benchmark(const BenchConfig& config) {
  BenchmarkResult result;
  Clock::time_point start = config.budget_started.value_or(Clock::now());
  auto elapsed = [&] { return std::chrono::duration<double>(Clock::now() - start).count(); };
  bool function_mode = !config.function.empty();
  result.mode = function_mode ? "function" : (config.command.empty() ? "process" : "command");
  if (!config.command.empty()) {
    for (const auto& arg : config.command)
      result.name += (result.name.empty() ? "" : " ") + arg;
  } else {
    result.name = config.file + (function_mode ? ":" + config.function : "");
  }
  double timeout_s =
      config.timeout_s > 0 ? config.timeout_s : std::clamp(config.time_budget_s / 3, 5.0, 300.0);
  auto n_interp = static_cast<double>(config.interpreters.size());
  double process_s =
      std::clamp(config.time_budget_s / (n_interp * std::max(config.min_runs, 3) * 2.5), 0.2, 10.0);
  double target_iteration_s = std::clamp(config.time_budget_s / 1000, 0.005, 0.1);
  std::string probe(run::probe_source("bench_function"));

  for (const auto& interpreter : config.interpreters) {
    InterpreterResult side;
    side.id = interpreter.id;
    side.process_seconds = process_s;
    result.per_interpreter.push_back(side);
  }
  // In-process time a process may take at most, however slowly it warms up.
  double longest_process_s = std::clamp(config.time_budget_s / 4, process_s, 60.0);

  result.cpus = online_cpus();
  result.pinned_cpu = config.cpu;
  result.load_average_start = load_average();
  // Start-up on its own: up to 30 measured rounds, at most 5 % of the budget. A whole-process
  // target already pays start-up in every measured run, so there the separate figure only says how
  // much of a run it is, and gets 1.5 %: on a 0.1 s CLI the rounds took most of the run otherwise.
  measure_startup(config, result, 30, config.time_budget_s * (function_mode ? 0.05 : 0.015));

  // Iteration size: calibrated once on the baseline so one iteration lasts about target_iteration_s.
  long loops = 1;
  if (function_mode) {
    run::ProcessSpec spec = base_spec(config, timeout_s);
    spec.data_pipe = true;
    spec.argv = {config.interpreters[0].path.string(),
                 "-c",
                 probe,
                 "calibrate",
                 config.file,
                 config.function,
                 "1",
                 "1",
                 "1",
                 "0",
                 std::to_string(static_cast<long long>(target_iteration_s * 1e9))};
    auto ran = run::run_process(spec);
    if (ran && ran->succeeded()) {
      std::istringstream data(ran->data);
      std::string word;
      while (data >> word)
        if (word == "loops") data >> loops;
    }
  }

  std::string stop = "max-runs";
  auto asked_s = [&result] {
    double sum = 0;
    for (const auto& side : result.per_interpreter)
      sum += side.ok ? side.process_seconds : 0;
    return sum;
  };
  int rounds_run = 0;
  for (int round = 0; round < config.max_runs; ++round) {
    if (run::interrupted()) {
      stop = "interrupted";
      break;
    }
    double round_started = elapsed();
    double asked_before = asked_s();
    // Interleaved, the order alternating between rounds (ABBA) so drift hits every interpreter alike.
    std::size_t n = config.interpreters.size();
    for (std::size_t k = 0; k < n; ++k) {
      std::size_t i = round % 2 == 0 ? k : n - 1 - k;
      InterpreterResult& side = result.per_interpreter[i];
      if (!side.ok) continue;
      const run::Interpreter& interpreter = config.interpreters[i];
      if (config.progress)
        config.progress(fmt::format("{}: {} process {} ({:.0f} s of {:.0f} s)", result.name, interpreter.id,
                                    round + 1, elapsed(), config.time_budget_s));
      run::ProcessSpec spec = base_spec(config, timeout_s);
      if (function_mode) {
        spec.data_pipe = true;
        spec.argv = {interpreter.path.string(),
                     "-c",
                     probe,
                     "run",
                     config.file,
                     config.function,
                     std::to_string(loops),
                     std::to_string(kMinIterationsPerProcess),
                     "2000",
                     fmt::format("{:.3f}", side.process_seconds),
                     "0"};
      } else {
        spec.argv = command_for(config, interpreter);
      }
      auto ran = run::run_process(spec);
      if (!ran) {
        side.ok = false;
        side.reason = ran.error().message;
        continue;
      }
      if (ran->interrupted) break;
      ProcessRecord record;
      record.wall_s = ran->wall_s;
      record.cpu_s = ran->user_s + ran->sys_s;
      record.involuntary_switches = ran->involuntary_switches;
      record.peak_rss_bytes = std::max(ran->max_rss_bytes, ran->peak_group_rss_bytes);
      if (function_mode) {
        double import_s = 0;
        auto parsed = parse_probe_data(ran->data, &import_s);
        if (!parsed) {
          side.ok = false;
          side.reason = parsed.error().message;
        } else if (!ran->succeeded()) {
          side.ok = false;
          side.reason = cannot_run_reason(*ran, spec);
        } else {
          record.iterations_s = parsed->first;
          record.iterations_cpu_s = parsed->second;
          side.import_s = import_s;
        }
      } else if (!ran->succeeded()) {
        side.ok = false;
        side.reason = cannot_run_reason(*ran, spec);
      } else {
        record.iterations_s = {ran->wall_s};
        record.iterations_cpu_s = {ran->user_s + ran->sys_s};
      }
      std::string truncated =
          fmt::format("{}: output over {} bytes was truncated (still counted in the time)", interpreter.id,
                      spec.output_cap_bytes);
      if ((ran->out_truncated || ran->err_truncated) &&
          std::find(result.warnings.begin(), result.warnings.end(), truncated) == result.warnings.end())
        result.warnings.push_back(truncated);
      if (!side.ok) continue;
      side.rss_curve = ran->rss_curve;
      side.processes.push_back(std::move(record));
    }
    rounds_run = round + 1;
    summarise(result, config);
    if (function_mode) adapt_process_length(result, process_s, longest_process_s);
    if (round + 1 >= config.min_runs && !result.comparisons.empty() && result.comparisons[0].speedup) {
      auto decision =
          stats::stopping_decision(*result.comparisons[0].speedup, config.ci_width, config.min_speedup);
      if (decision == stats::StopReason::kPrecise) {
        stop = "ci-width";
        break;
      }
      if (decision == stats::StopReason::kDecided) {
        stop = "decided";
        break;
      }
    }
    bool any_ok = std::any_of(result.per_interpreter.begin(), result.per_interpreter.end(),
                              [](const auto& s) { return s.ok; });
    if (!any_ok) {
      stop = "cannot-run";
      break;
    }
    // Stop before a round that would overrun the budget. The next round costs about what this one
    // did, more when the in-process length grew (adapt_process_length doubles it while processes
    // end unsteady); the average round would underestimate it.
    double next_round = elapsed() - round_started;
    if (function_mode && asked_before > 0) next_round *= std::max(1.0, asked_s() / asked_before);
    double per_round = std::max(elapsed() / (round + 1), next_round);
    if (round + 1 >= config.min_runs && elapsed() + per_round > config.time_budget_s) {
      stop = "time-budget";
      break;
    }
  }
  if (run::interrupted()) stop = "interrupted";
  summarise(result, config);
  result.stopped_because = stop;
  result.load_average_end = load_average();
  for (auto& warning : noise_warnings(result))
    result.warnings.push_back(std::move(warning));
  result.total_s = elapsed();
  if (auto overrun = budget_overrun(result.total_s, config, rounds_run, stop))
    result.warnings.push_back(std::move(*overrun));
  return result;
}

bool has_iterations(const BenchmarkResult& result) {
  return result.mode == "function" || result.mode == "pytest-benchmark";
}

void summarise(BenchmarkResult& result, const BenchConfig& config) {
  bool per_iteration = has_iterations(result);
  for (auto& side : result.per_interpreter) {
    for (auto& process : side.processes) {
      process.analysis = per_iteration
                             ? stats::analyse_process(process.iterations_s, 0.02, result.segment_tolerance_s)
                             : stats::ProcessAnalysis{};
      process.analysis.seconds_to_steady *= process.calls_per_iteration;
      if (!per_iteration) {
        process.analysis.classification = "flat";
        process.analysis.steady_mean_s = process.iterations_s.empty() ? 0 : process.iterations_s[0];
        process.analysis.outliers.assign(process.iterations_s.size(), false);
      }
    }
    mark_counted(side);
    std::vector<double> first, steady_all, to_steady_iterations, to_steady_seconds, means;
    std::map<std::string, int> classes;
    side.peak_rss_bytes = 0;
    for (const auto& process : side.processes) {
      if (!process.iterations_s.empty()) first.push_back(process.iterations_s[0]);
      ++classes[process.analysis.classification];
      side.peak_rss_bytes = std::max(side.peak_rss_bytes, process.peak_rss_bytes);
      if (!process.counted) continue;
      for (std::size_t i = process.analysis.steady_start; i < process.iterations_s.size(); ++i)
        if (!process.analysis.outliers[i]) steady_all.push_back(process.iterations_s[i]);
      to_steady_iterations.push_back(static_cast<double>(process.analysis.steady_start));
      to_steady_seconds.push_back(process.analysis.seconds_to_steady);
      means.push_back(process.analysis.steady_mean_s);
    }
    side.first_iteration_s = stats::median(first);
    side.steady_p50_s = stats::median(steady_all);
    side.steady_p99_s = stats::quantile(steady_all, 0.99);
    side.iterations_to_steady = stats::median(to_steady_iterations);
    side.seconds_to_steady = stats::median(to_steady_seconds);
    side.steady_mean_s = stats::mean(means);
    side.classification.clear();
    int best = 0;
    for (const auto& [name, count] : classes)
      if (count > best) best = count, side.classification = name;
    side.consistent = classes.size() <= 1;
    std::vector<double> ratios;
    for (const auto& process : side.processes)
      if (double ratio = wall_cpu_ratio(process, per_iteration); ratio > 0) ratios.push_back(ratio);
    side.wall_cpu_ratio = stats::median(ratios);
  }
  result.comparisons.clear();
  if (result.per_interpreter.empty()) return;
  const InterpreterResult& baseline = result.per_interpreter[0];
  for (std::size_t i = 1; i < result.per_interpreter.size(); ++i) {
    const InterpreterResult& candidate = result.per_interpreter[i];
    Comparison comparison;
    comparison.candidate_id = candidate.id;
    if (baseline.ok && candidate.ok) {
      SpeedupSample sample = speedup_sample(baseline, candidate, result.rounds_aligned, per_iteration);
      // Process k of every side ran in round k, next to the others: paired by round.
      auto interval = sample.paired ? stats::blocked_speedup : stats::welch_speedup;
      comparison.speedup = interval(sample.baseline_means, sample.candidate_means);
      comparison.speedup_unpaired = stats::welch_speedup(sample.baseline_means, sample.candidate_means);
      comparison.bootstrap = stats::bootstrap_speedup(sample.baseline_steady, sample.candidate_steady, 1000);
      comparison.speedup_cpu = interval(sample.baseline_cpu, sample.candidate_cpu);
      // Break-even needs every call from process start; pytest-benchmark's calibration calls are
      // not recorded, so only the function probe has it.
      if (result.mode == "function" && !baseline.processes.empty() && !candidate.processes.empty()) {
        comparison.break_even = stats::break_even(startup_with_import(baseline), mean_curve(baseline),
                                                  startup_with_import(candidate), mean_curve(candidate),
                                                  baseline.steady_mean_s, candidate.steady_mean_s);
      }
      if (baseline.peak_rss_bytes > 0)
        comparison.memory_ratio =
            static_cast<double>(candidate.peak_rss_bytes) / static_cast<double>(baseline.peak_rss_bytes);
    }
    result.comparisons.push_back(comparison);
  }
  (void)config;
}

}  // namespace pypyready::bench
