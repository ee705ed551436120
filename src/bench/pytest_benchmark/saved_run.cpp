#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>

#include "bench/pytest_benchmark/saved_run.h"
#include "core/file_io.h"
#include "results/json_reader.h"

namespace pypyready::bench::pytest_benchmark {
namespace {

using results::detail::Node;
using results::detail::SchemaMismatch;

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// `options.warmup` is false, or the number of calls pytest-benchmark may spend warming up
// (`--benchmark-warmup-iterations`, 100000 by default, "auto" enables it on PyPy only).
std::int64_t warmup_calls(const Node& options) {
  const nlohmann::json& raw = options.raw();
  auto found = raw.find("warmup");
  if (found == raw.end() || found->is_null()) return 0;
  if (found->is_boolean()) return found->get<bool>() ? -1 : 0;
  if (found->is_number_integer() || found->is_number_unsigned()) return found->get<std::int64_t>();
  options.fail(options.path() + ".warmup", "false or a number of calls");
}

// `stats.data`: one number per round, the round's time divided by its calls.
std::vector<double> round_times(const Node& stats) {
  std::vector<double> rounds;
  const nlohmann::json& raw = stats.raw();
  auto found = raw.find("data");
  if (found == raw.end() || found->is_null()) return rounds;
  if (!found->is_array()) stats.fail(stats.path() + ".data", "a list of seconds per call, one per round");
  rounds.reserve(found->size());
  for (std::size_t i = 0; i < found->size(); ++i) {
    const nlohmann::json& value = (*found)[i];
    if (!value.is_number() || !std::isfinite(value.get<double>()) || value.get<double>() < 0)
      stats.fail(stats.path() + ".data[" + std::to_string(i) + "]",
                 "a non-negative number of seconds, found " + value.dump());
    rounds.push_back(value.get<double>());
  }
  return rounds;
}

SavedBenchmark read_benchmark(const Node& item) {
  item.expect_object();
  SavedBenchmark benchmark;
  benchmark.name = item.string("name");
  benchmark.fullname = item.string("fullname", benchmark.name);
  if (benchmark.fullname.empty()) item.fail(item.path(), "a \"name\" or \"fullname\" (the test's node id)");
  benchmark.group = item.string("group");
  auto stats = item.object("stats");
  if (!stats)
    item.fail(item.path() + ".stats", "an object with the timings (\"mean\", \"rounds\", \"data\")");
  benchmark.calls_per_round = stats->integer("iterations", 1);
  if (benchmark.calls_per_round < 1)
    stats->fail(stats->path() + ".iterations", "a positive number of calls per round");
  benchmark.rounds_s = round_times(*stats);
  Summary& summary = benchmark.summary;
  if (!stats->has("mean") && benchmark.rounds_s.empty())
    stats->fail(stats->path(), "\"data\" (seconds per call of each round) or at least \"mean\"");
  summary.mean_s = stats->number("mean");
  summary.min_s = stats->number("min");
  summary.max_s = stats->number("max");
  summary.stddev_s = stats->number("stddev");
  summary.median_s = stats->number("median", summary.mean_s);
  summary.rounds = stats->integer("rounds", static_cast<std::int64_t>(benchmark.rounds_s.size()));
  if (summary.mean_s < 0 || summary.stddev_s < 0)
    stats->fail(stats->path() + ".mean", "non-negative seconds (mean and stddev)");
  if (auto options = item.object("options")) {
    benchmark.warmup_calls = warmup_calls(*options);
    benchmark.max_time_s = options->number("max_time");
    benchmark.min_time_s = options->number("min_time");
    benchmark.min_rounds = options->integer("min_rounds");
  }
  return benchmark;
}

}  // namespace

core::Result<SavedRun> parse_saved_run(std::string_view text, const std::string& source) {
  nlohmann::json document = nlohmann::json::parse(text, nullptr, false);
  if (document.is_discarded())
    return core::Error{source +
                       ": not valid JSON; expected a pytest-benchmark file (written by --benchmark-json or "
                       "--benchmark-save)"};
  if (!document.is_object() || !document.contains("benchmarks") || !document["benchmarks"].is_array())
    return core::Error{source +
                       ": expected a pytest-benchmark JSON object with a \"benchmarks\" list (written by "
                       "--benchmark-json or --benchmark-save)"};
  try {
    Node root(document, source, "$");
    SavedRun run;
    run.source = source;
    run.datetime = root.string("datetime");
    if (auto machine = root.object("machine_info")) {
      run.implementation = lower(machine->string("python_implementation"));
      run.python_version = machine->string("python_version");
      run.implementation_version = machine->string("python_implementation_version", run.python_version);
    }
    for (const Node& item : root.array("benchmarks"))
      run.benchmarks.push_back(read_benchmark(item));
    return run;
  } catch (const SchemaMismatch& error) {
    return core::Error{error.what()};
  }
}

core::Result<SavedRun> read_saved_run(const std::filesystem::path& path) {
  auto text = core::read_file(path);
  if (!text) return text.error();
  return parse_saved_run(*text, path.string());
}

}  // namespace pypyready::bench::pytest_benchmark
