#include "bench/pytest_benchmark/import.h"

#include <fmt/format.h>

#include <cmath>
#include <filesystem>

#include "bench/pytest_benchmark/collect.h"
#include "bench/stats/summary.h"

namespace pypyready::bench::pytest_benchmark {
namespace {

// Process-to-process variation of steady means measured on a shared 2-CPU machine: a median of
// about 20 % over 19 pyperformance benchmarks, under both interpreters (design notes, bench.md 2.4).
constexpr double kTypicalProcessCv = 0.20;

std::string interpreter_id(const SavedRun& run) {
  if (run.implementation.empty()) return std::filesystem::path(run.source).stem().string();
  std::string version = run.python_version;
  if (auto dot = version.find('.', version.find('.') + 1); dot != std::string::npos) version.resize(dot);
  return version.empty() ? run.implementation : run.implementation + "-" + version;
}

const SavedBenchmark* find_benchmark(const SavedRun& run, const std::string& fullname) {
  for (const SavedBenchmark& benchmark : run.benchmarks)
    if (benchmark.fullname == fullname) return &benchmark;
  return nullptr;
}

// The steady rounds of the one process when there are rounds, else pytest-benchmark's summary.
Moments moments(const InterpreterResult& side, const SavedBenchmark& saved) {
  if (saved.rounds_s.empty() || side.processes.empty())
    return {saved.summary.mean_s, saved.summary.stddev_s, static_cast<double>(saved.summary.rounds)};
  const ProcessRecord& process = side.processes[0];
  std::vector<double> steady;
  for (std::size_t i = process.analysis.steady_start; i < process.iterations_s.size(); ++i)
    if (i >= process.analysis.outliers.size() || !process.analysis.outliers[i])
      steady.push_back(process.iterations_s[i]);
  return {stats::mean(steady), stats::stddev(steady), static_cast<double>(steady.size())};
}

}  // namespace

std::optional<stats::Ratio> within_process_speedup(const Moments& baseline, const Moments& candidate) {
  if (baseline.count < 2 || candidate.count < 2 || baseline.mean_s <= 0 || candidate.mean_s <= 0)
    return std::nullopt;
  double va = baseline.stddev_s * baseline.stddev_s / (baseline.count * baseline.mean_s * baseline.mean_s);
  double vb =
      candidate.stddev_s * candidate.stddev_s / (candidate.count * candidate.mean_s * candidate.mean_s);
  double se = std::sqrt(va + vb);
  double df = se > 0
                  ? (va + vb) * (va + vb) / (va * va / (baseline.count - 1) + vb * vb / (candidate.count - 1))
                  : 1e9;
  double estimate = baseline.mean_s / candidate.mean_s;
  double half = stats::t_quantile_975(df) * se;
  return stats::Ratio{estimate, estimate * std::exp(-half), estimate * std::exp(half), 1};
}

double chance_factor(double process_cv) {
  return std::exp(1.959964 * std::sqrt(2.0) * process_cv);
}

SuiteResult compare_saved_runs(const SavedRun& first, const SavedRun& second) {
  bool swap = first.implementation != "cpython" && second.implementation == "cpython";
  const SavedRun& baseline = swap ? second : first;
  const SavedRun& candidate = swap ? first : second;
  std::vector<std::string> ids{interpreter_id(baseline), interpreter_id(candidate)};
  if (ids[0] == ids[1]) ids = {ids[0] + "#1", ids[1] + "#2"};
  Collection collection(ids, {"not in " + baseline.source, "not in " + candidate.source});
  for (const SavedBenchmark& benchmark : baseline.benchmarks)
    collection.add_process(0, 0, benchmark, nullptr);
  for (const SavedBenchmark& benchmark : candidate.benchmarks)
    collection.add_process(1, 0, benchmark, nullptr);

  SuiteResult suite;
  suite.source = "import";
  suite.executions = 1;
  suite.stopped_because = "imported";
  suite.interpreters = {{ids[0], "", baseline.source}, {ids[1], "", candidate.source}};
  suite.benchmarks = collection.results();
  suite.details = collection.details();
  for (BenchmarkResult& result : suite.benchmarks) {
    result.stopped_because = "imported";
    const SavedBenchmark* base = find_benchmark(baseline, result.name);
    const SavedBenchmark* cand = find_benchmark(candidate, result.name);
    if (result.comparisons.empty() || base == nullptr || cand == nullptr || !result.per_interpreter[0].ok ||
        !result.per_interpreter[1].ok)
      continue;
    result.comparisons[0].speedup = within_process_speedup(moments(result.per_interpreter[0], *base),
                                                           moments(result.per_interpreter[1], *cand));
  }
  suite.warnings = lift_common_warnings(suite.benchmarks);
  double factor = chance_factor(kTypicalProcessCv);
  suite.warnings.insert(
      suite.warnings.begin(),
      fmt::format("one pytest process per interpreter: every interval here covers only the scatter between "
                  "rounds inside that one process. How much a whole process differs from the next (memory "
                  "layout, hash seeds, JIT decisions, other load; about {:.0f} % on a shared machine) is not "
                  "sampled, so any ratio between {:.2f}x and {:.2f}x may be chance alone, however narrow its "
                  "interval. `pypyready bench --pytest-benchmark` runs several processes per interpreter and "
                  "includes that variation",
                  kTypicalProcessCv * 100, 1 / factor, factor));
  suite.summary = summarise_by_intervals(suite.benchmarks);
  return suite;
}

}  // namespace pypyready::bench::pytest_benchmark
