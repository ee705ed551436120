#include "bench/startup.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <optional>

#include "bench/stats/summary.h"
#include "run/interrupt.h"

namespace pypyready::bench {

const char* const kImportProgram =
    "import importlib.util, os, sys\n"
    "path = os.path.abspath(sys.argv[1])\n"
    "sys.path.insert(0, os.path.dirname(path))\n"
    "name = os.path.splitext(os.path.basename(path))[0]\n"
    "spec = importlib.util.spec_from_file_location(name, path)\n"
    "module = importlib.util.module_from_spec(spec)\n"
    "sys.modules[name] = module\n"
    "spec.loader.exec_module(module)\n";

namespace {

std::optional<double> time_once(const run::Interpreter& interpreter, int cpu,
                                std::vector<std::string> arguments) {
  run::ProcessSpec spec;
  spec.cpu = cpu;
  spec.timeout = std::chrono::seconds(30);
  spec.output_cap_bytes = 1 << 16;
  spec.argv = {interpreter.path.string()};
  spec.argv.insert(spec.argv.end(), arguments.begin(), arguments.end());
  auto ran = run::run_process(spec);
  if (!ran || !ran->succeeded()) return std::nullopt;
  return ran->wall_s;
}

// Start-up is a side question of a benchmark: once every mean is known to +-5 % (95 %), more
// rounds would only take time from the measurement the user asked for.
constexpr int kMinRounds = 3;
constexpr double kStartupPrecision = 0.05;

bool mean_known(const std::vector<double>& runs) {
  if (runs.empty()) return true;  // nothing to learn from more rounds: the program cannot start
  if (runs.size() < 2) return false;
  double m = stats::mean(runs);
  double half = stats::t_quantile_975(static_cast<double>(runs.size() - 1)) * stats::stddev(runs) /
                std::sqrt(static_cast<double>(runs.size()));
  return m > 0 && half <= kStartupPrecision * m;
}

bool known_precisely(const std::vector<InterpreterResult>& sides) {
  return std::all_of(sides.begin(), sides.end(), [](const InterpreterResult& side) {
    return mean_known(side.startup_runs_s) && mean_known(side.import_runs_s);
  });
}

}  // namespace

void measure_startup(const BenchConfig& config, BenchmarkResult& result, int max_runs, double time_share_s) {
  auto start = std::chrono::steady_clock::now();
  auto elapsed = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  bool with_import = !config.function.empty();
  std::size_t n = config.interpreters.size();
  // No warmup round for `-c pass`: choosing each interpreter ran its probe moments ago, so the
  // dynamic loader's files are in the page cache (a first measured run is no slower than the
  // next). A module's first import compiles it and writes __pycache__, so that runs once uncounted.
  if (with_import)
    for (const run::Interpreter& interpreter : config.interpreters)
      time_once(interpreter, config.cpu, {"-c", kImportProgram, config.file});
  // The order alternates between rounds so a slow drift of the machine hits every interpreter alike.
  for (int round = 0; round < max_runs && !run::interrupted(); ++round) {
    for (std::size_t k = 0; k < n; ++k) {
      std::size_t i = round % 2 == 0 ? k : n - 1 - k;
      InterpreterResult& side = result.per_interpreter[i];
      if (auto bare = time_once(config.interpreters[i], config.cpu, {"-c", "pass"}))
        side.startup_runs_s.push_back(*bare);
      if (!with_import) continue;
      if (auto imported = time_once(config.interpreters[i], config.cpu, {"-c", kImportProgram, config.file}))
        side.import_runs_s.push_back(*imported);
    }
    if (round + 1 >= kMinRounds && (elapsed() > time_share_s || known_precisely(result.per_interpreter)))
      break;
  }
  for (auto& side : result.per_interpreter) {
    side.startup_s = stats::mean(side.startup_runs_s);
    side.startup_import_s = stats::mean(side.import_runs_s);
  }
}

}  // namespace pypyready::bench
