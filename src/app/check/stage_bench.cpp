// The bench stage: each declared target under CPython and PyPy, sharing what is left of the
// total --budget; a target PyPy cannot run is a result, not a failure.

#include <fmt/format.h>

#include <algorithm>

#include "app/check/stage_bench_service.h"
#include "app/check/stages.h"
#include "bench/cpu_pinning.h"
#include "bench/harness.h"
#include "bench/render.h"
#include "results/json.h"
#include "run/interrupt.h"

namespace pypyready::app::check {
namespace {

// Below this many seconds a benchmark cannot finish its minimum runs.
constexpr double kSmallestUsefulBudgetS = 5;

core::Result<bench::BenchConfig> target_config(const CheckContext& context, const std::string& target) {
  bench::BenchConfig config;
  std::string file = target;
  auto colon = target.rfind(':');
  if (colon != std::string::npos && target.substr(0, colon).ends_with(".py")) {
    file = target.substr(0, colon);
    config.function = target.substr(colon + 1);
  }
  if (!file.ends_with(".py"))
    return core::Error{fmt::format("bench target `{}`: expected FILE.py or FILE.py:FUNC", target)};
  std::filesystem::path path = context.project / file;
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error))
    return core::Error{fmt::format("bench target `{}`: {} does not exist", target, path.string())};
  config.file = std::filesystem::absolute(path).string();
  config.interpreters = {*context.baseline, *context.candidate};
  if (context.config.bench.ci_width) config.ci_width = *context.config.bench.ci_width;
  config.min_speedup = context.config.decide.min_speedup;
  // Pinned like `pypyready bench` by default; a CPU that cannot be looked at means no pinning.
  auto cpu = bench::choose_cpu("auto");
  config.cpu = cpu ? *cpu : -1;
  return config;
}

}  // namespace

StageReport run_bench_stage(CheckContext& context) {
  const auto& service = context.config.bench.service;
  if (context.bench_targets.empty() && !service)
    return {"not-run",
            "no targets: add targets = [\"FILE.py:FUNC\"] to [tool.pypyready.bench] or use --bench"};
  if (!context.baseline) return {"failed", context.baseline_problem};
  if (!context.candidate) return {"failed", context.candidate_problem};

  std::vector<bench::BenchmarkResult> measured;
  std::vector<std::string> problems;
  for (std::size_t i = 0; i < context.bench_targets.size(); ++i) {
    const std::string& target = context.bench_targets[i];
    double share = context.remaining_s() / static_cast<double>(context.bench_targets.size() - i);
    double budget = std::min(context.bench_budget_s, share);
    if (budget < kSmallestUsefulBudgetS || run::interrupted()) {
      problems.push_back(fmt::format("{}: not run, the --budget is spent", target));
      continue;
    }
    auto config = target_config(context, target);
    if (!config) {
      problems.push_back(config.error().message);
      continue;
    }
    config->time_budget_s = budget;
    // A cold PyPy may take seconds per iteration; the budget, not this cap, keeps the total short.
    config->timeout_s = std::max(10.0, budget / 2);
    config->progress = context.progress;
    bench::BenchmarkResult result = bench::run_benchmark(*config);
    result.name = target;
    measured.push_back(std::move(result));
  }
  nlohmann::json json = bench::to_json(measured);
  if (service) {
    // The service shares the budget like one more target.
    double budget = std::min(context.bench_budget_s * 2, context.remaining_s());
    if (run::interrupted()) {
      problems.push_back("service: not run, interrupted");
    } else if (auto entry = run_service_for_check(context, *service, budget); entry) {
      json["benchmarks"].push_back(*entry);
    } else {
      problems.push_back("service: " + entry.error().message);
    }
  }
  if (json["benchmarks"].empty()) return {"failed", problems.empty() ? "nothing measured" : problems.front()};
  auto section = results::bench_from_json(json, "bench");
  if (!section) return {"failed", section.error().message};
  context.results.bench = std::move(*section);
  std::string reason;
  for (const std::string& problem : problems)
    reason += (reason.empty() ? "" : "; ") + problem;
  return {"ok", reason};
}

}  // namespace pypyready::app::check
