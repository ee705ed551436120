#include "bench/pytest_benchmark/collect.h"

#include <fmt/format.h>

#include <algorithm>

namespace pypyready::bench::pytest_benchmark {
namespace {

// pytest-benchmark records microseconds per call: segments are told apart by the relative
// tolerance alone, not by the function probe's 0.1 ms floor.
constexpr double kSegmentToleranceSeconds = 1e-9;

void add_unique(std::vector<std::string>& list, std::string text) {
  if (std::find(list.begin(), list.end(), text) == list.end()) list.push_back(std::move(text));
}

}  // namespace

Collection::Collection(std::vector<std::string> ids, std::vector<std::string> absent)
    : ids_(std::move(ids)), absent_(std::move(absent)), side_problems_(ids_.size()) {
  absent_.resize(ids_.size());
}

Entry& Collection::entry(const std::string& fullname) {
  for (Entry& existing : entries_)
    if (existing.fullname == fullname) return existing;
  Entry& created = entries_.emplace_back();
  created.fullname = fullname;
  created.sides.resize(ids_.size());
  return created;
}

void Collection::add_process(std::size_t side, int execution, const SavedBenchmark& benchmark,
                             const run::ProcessResult* ran) {
  Entry& found = entry(benchmark.fullname);
  if (found.group.empty()) found.group = benchmark.group;
  SideData& data = found.sides[side];
  ProcessRecord record = to_process(benchmark);
  if (ran != nullptr) {
    record.wall_s = ran->wall_s;
    record.cpu_s = ran->user_s + ran->sys_s;
    record.peak_rss_bytes = std::max(ran->max_rss_bytes, ran->peak_group_rss_bytes);
    record.involuntary_switches = ran->involuntary_switches;
  }
  data.processes.push_back(std::move(record));
  data.executions.push_back(execution);
  data.rounds.push_back(rounds_info(benchmark));
  data.max_time_s = benchmark.max_time_s;
}

void Collection::declare(const std::string& fullname) {
  entry(fullname);
}

void Collection::add_failure(std::size_t side, const std::string& fullname, const std::string& reason) {
  entry(fullname).sides[side].failures.push_back(reason);
}

void Collection::fail_side(std::size_t side, const std::string& reason) {
  side_problems_[side] = reason;
}

std::vector<BenchmarkResult> Collection::results() const {
  std::vector<BenchmarkResult> results;
  for (const Entry& item : entries_) {
    BenchmarkResult result;
    result.name = item.fullname;
    result.mode = "pytest-benchmark";
    result.segment_tolerance_s = kSegmentToleranceSeconds;
    for (std::size_t s = 0; s < ids_.size(); ++s) {
      const SideData& data = item.sides[s];
      InterpreterResult side;
      side.id = ids_[s];
      if (!side_problems_[s].empty()) {
        side.ok = false;
        side.reason = side_problems_[s];
      } else if (data.processes.empty()) {
        side.ok = false;
        side.reason = data.failures.empty() ? absent_[s] : "the test failed: " + data.failures.front();
      } else {
        side.processes = data.processes;
        // Paired by round only when every side has a process from the same executions.
        if (data.executions != item.sides[0].executions) result.rounds_aligned = false;
        if (!data.failures.empty())
          result.warnings.push_back(fmt::format(
              "{}: the test failed in {} of {} processes ({}); the others are used", side.id,
              data.failures.size(), data.failures.size() + data.processes.size(), data.failures.front()));
      }
      result.per_interpreter.push_back(std::move(side));
    }
    summarise(result, BenchConfig{});
    for (std::size_t s = 0; s < ids_.size(); ++s) {
      const SideData& data = item.sides[s];
      InterpreterResult& side = result.per_interpreter[s];
      if (!side.ok) continue;
      // Every process of an interpreter ran with the same settings: its first one speaks for all.
      for (std::string& note : rounds_notes(side.id, data.rounds.front(), data.max_time_s))
        result.warnings.push_back(std::move(note));
      // A summary has no rounds to classify and no first round.
      bool summary_only = std::none_of(data.rounds.begin(), data.rounds.end(),
                                       [](const RoundsInfo& info) { return info.from_rounds; });
      if (summary_only) {
        side.classification = "unknown";
        side.first_iteration_s = 0;
        side.iterations_to_steady = 0;
        side.seconds_to_steady = 0;
        for (ProcessRecord& process : side.processes)
          process.analysis.classification = "unknown";
      }
    }
    results.push_back(std::move(result));
  }
  return results;
}

std::vector<BenchmarkDetails> Collection::details() const {
  std::vector<BenchmarkDetails> all;
  for (const Entry& item : entries_) {
    BenchmarkDetails one{item.fullname, item.group, {}};
    for (const SideData& data : item.sides)
      one.rounds.push_back(data.rounds);
    all.push_back(std::move(one));
  }
  return all;
}

std::vector<std::vector<std::vector<int>>> Collection::executions() const {
  std::vector<std::vector<std::vector<int>>> all;
  for (const Entry& item : entries_) {
    std::vector<std::vector<int>> sides;
    for (const SideData& data : item.sides)
      sides.push_back(data.executions);
    all.push_back(std::move(sides));
  }
  return all;
}

std::vector<std::string> lift_common_warnings(std::vector<BenchmarkResult>& results) {
  std::vector<std::string> common;
  if (results.size() < 2) return common;
  for (const std::string& warning : results[0].warnings) {
    bool everywhere = std::all_of(results.begin(), results.end(), [&](const BenchmarkResult& result) {
      return std::find(result.warnings.begin(), result.warnings.end(), warning) != result.warnings.end();
    });
    if (everywhere) add_unique(common, warning);
  }
  for (BenchmarkResult& result : results)
    std::erase_if(result.warnings, [&](const std::string& warning) {
      return std::find(common.begin(), common.end(), warning) != common.end();
    });
  return common;
}

}  // namespace pypyready::bench::pytest_benchmark
