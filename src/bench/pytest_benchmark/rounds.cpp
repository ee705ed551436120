#include "bench/pytest_benchmark/rounds.h"

#include <fmt/format.h>

#include <algorithm>

namespace pypyready::bench::pytest_benchmark {
namespace {

std::int64_t group_size(std::size_t rounds) {
  return static_cast<std::int64_t>((rounds + kMaxValues - 1) / kMaxValues);
}

}  // namespace

ProcessRecord to_process(const SavedBenchmark& benchmark) {
  ProcessRecord record;
  if (benchmark.rounds_s.empty()) {
    record.iterations_s = {benchmark.summary.mean_s};
    record.calls_per_iteration =
        static_cast<double>(std::max<std::int64_t>(1, benchmark.summary.rounds) * benchmark.calls_per_round);
    return record;
  }
  auto group = static_cast<std::size_t>(group_size(benchmark.rounds_s.size()));
  const auto& rounds = benchmark.rounds_s;
  for (std::size_t from = 0; from < rounds.size(); from += group) {
    std::size_t to = std::min(rounds.size(), from + group);
    double sum = 0;
    for (std::size_t i = from; i < to; ++i)
      sum += rounds[i];
    record.iterations_s.push_back(sum / static_cast<double>(to - from));
  }
  record.calls_per_iteration = static_cast<double>(group) * static_cast<double>(benchmark.calls_per_round);
  return record;
}

RoundsInfo rounds_info(const SavedBenchmark& benchmark) {
  RoundsInfo info;
  info.from_rounds = !benchmark.rounds_s.empty();
  info.rounds =
      info.from_rounds ? static_cast<std::int64_t>(benchmark.rounds_s.size()) : benchmark.summary.rounds;
  info.calls_per_round = benchmark.calls_per_round;
  info.rounds_per_value = info.from_rounds ? group_size(benchmark.rounds_s.size()) : info.rounds;
  info.warmup_calls = benchmark.warmup_calls;
  // pytest-benchmark's measuring loop runs min(rounds, max(1, warmup // iterations)) rounds of
  // warmup before the recorded ones (fixture.py, _raw); its calibration repeats the call for up to
  // max_time more while warmup is on.
  if (benchmark.warmup_calls > 0)
    info.warmup_rounds =
        std::min(info.rounds, std::max<std::int64_t>(1, benchmark.warmup_calls / benchmark.calls_per_round));
  else if (benchmark.warmup_calls < 0)
    info.warmup_rounds = -1;
  return info;
}

std::vector<std::string> rounds_notes(const std::string& id, const RoundsInfo& info, double max_time_s) {
  std::vector<std::string> notes;
  if (!info.from_rounds)
    notes.push_back(
        fmt::format("{}: only pytest-benchmark's summary statistics were saved (no per-round data; save with "
                    "--benchmark-save-data): no warmup analysis and no first-round latency, and the interval "
                    "rests on the mean, standard deviation and round count",
                    id));
  if (info.warmup_calls != 0) {
    std::string discarded = info.warmup_rounds >= 0 ? fmt::format("{} rounds ({} calls)", info.warmup_rounds,
                                                                  info.warmup_rounds * info.calls_per_round)
                                                    : std::string("an unrecorded number of rounds");
    std::string budget =
        max_time_s > 0 ? fmt::format("{:g} s", max_time_s) : std::string("--benchmark-max-time");
    notes.push_back(fmt::format(
        "{}: pytest-benchmark's warmup was on, so it discarded {} plus up to {} of calibration "
        "calls before the first recorded round: the JIT warmup is hidden from these rounds and the "
        "first round is not a cold call (--benchmark-warmup=off shows it)",
        id, discarded, budget));
  }
  if (info.from_rounds && info.rounds_per_value > 1)
    notes.push_back(fmt::format("{}: {} rounds were averaged in groups of {} for the warmup analysis", id,
                                info.rounds, info.rounds_per_value));
  return notes;
}

}  // namespace pypyready::bench::pytest_benchmark
