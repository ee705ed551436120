#include "bench/merge.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <set>

#include "bench/duration_text.h"
#include "bench/ratio_json.h"
#include "bench/stats/summary.h"

namespace pypyready::bench {
namespace {

// Runs of one benchmark whose baseline took a fifth longer in one than in another did not run on
// the same machine in the same state. On the shared 2-vCPU machine of bench/README.md the same
// job's CPython time moved by x1.5-1.7 within an hour and a half, and the speedup moved with it.
constexpr double kClearlyDifferentSpeeds = 1.2;
// A correlation this strong over four or more runs is worth saying; weaker ones are left unsaid.
constexpr double kClearCorrelation = 0.5;

// Saved runs come from other machines and versions: every field is checked before it is read, and
// one of the wrong type counts as absent.
std::string text_field(const nlohmann::json& object, const char* key) {
  if (!object.is_object() || !object.contains(key) || !object[key].is_string()) return "";
  return object[key].get<std::string>();
}

std::optional<stats::Ratio> ratio_of(const nlohmann::json& object, const char* key) {
  if (!object.is_object() || !object.contains(key)) return std::nullopt;
  const nlohmann::json& ratio = object[key];
  if (!ratio.is_object() || !ratio.contains("estimate") || !ratio["estimate"].is_number() ||
      !ratio.contains("ci95") || !ratio["ci95"].is_array() || ratio["ci95"].size() != 2 ||
      !ratio["ci95"][0].is_number() || !ratio["ci95"][1].is_number())
    return std::nullopt;
  bool counted = ratio.contains("processes") && ratio["processes"].is_number_integer();
  stats::Ratio answer{ratio["estimate"].get<double>(), ratio["ci95"][0].get<double>(),
                      ratio["ci95"][1].get<double>(), counted ? ratio["processes"].get<int>() : 0};
  // A ratio of times is positive and inside its interval; anything else cannot be pooled.
  if (!(answer.low > 0 && answer.low <= answer.estimate && answer.estimate <= answer.high))
    return std::nullopt;
  return answer;
}

// "/ci/job-3/proj/bench/loop.py:run" -> "loop.py:run"; a command line stays whole.
std::string file_name_of(const std::string& name) {
  auto colon = name.rfind(':');
  std::string path =
      colon != std::string::npos && name.substr(0, colon).ends_with(".py") ? name.substr(0, colon) : name;
  if (!path.ends_with(".py") || path.find(' ') != std::string::npos) return name;
  auto slash = name.rfind('/', path.size());
  return slash == std::string::npos ? name : name.substr(slash + 1);
}

const nlohmann::json& benchmarks_of(const nlohmann::json& section) {
  static const nlohmann::json kNone = nlohmann::json::array();
  if (section.is_object() && section.contains("benchmarks") && section["benchmarks"].is_array())
    return section["benchmarks"];
  return kNone;
}

// Whether every run names each of its benchmarks' files once, so file names can stand for them.
bool file_names_are_unique(const std::vector<SavedRun>& runs) {
  for (const auto& run : runs) {
    std::set<std::string> seen;
    for (const auto& benchmark : benchmarks_of(run.section)) {
      std::string name = text_field(benchmark, "name");
      if (!name.empty() && !seen.insert(file_name_of(name)).second) return false;
    }
  }
  return true;
}

struct CandidateAnswer {
  std::string baseline, candidate;
  std::optional<stats::Ratio> speedup;
};

std::optional<double> baseline_seconds_of(const nlohmann::json& benchmark, const std::string& baseline) {
  if (!benchmark.contains("per_interpreter") || !benchmark["per_interpreter"].is_object())
    return std::nullopt;
  const nlohmann::json& sides = benchmark["per_interpreter"];
  if (!sides.contains(baseline) || !sides[baseline].is_object()) return std::nullopt;
  const nlohmann::json& side = sides[baseline];
  if (!side.contains("steady_p50_s") || !side["steady_p50_s"].is_number()) return std::nullopt;
  double seconds = side["steady_p50_s"].get<double>();
  return seconds > 0 ? std::optional<double>(seconds) : std::nullopt;
}

// The benchmark's answer per candidate: from `comparisons` (one per candidate), or for a run saved
// before they existed from `speedup` with the second interpreter as the candidate.
std::vector<CandidateAnswer> answers_of(const nlohmann::json& benchmark) {
  std::vector<std::string> ids;
  if (benchmark.contains("per_interpreter") && benchmark["per_interpreter"].is_object())
    for (const auto& [id, side] : benchmark["per_interpreter"].items())
      ids.push_back(id);
  std::vector<CandidateAnswer> out;
  std::set<std::string> candidates;
  if (benchmark.contains("comparisons") && benchmark["comparisons"].is_array())
    for (const auto& comparison : benchmark["comparisons"]) {
      std::string candidate = text_field(comparison, "candidate");
      if (candidate.empty()) continue;
      candidates.insert(candidate);
      out.push_back({"", candidate, ratio_of(comparison, "speedup")});
    }
  if (out.empty() && ids.size() >= 2) out.push_back({"", ids[1], ratio_of(benchmark, "speedup")});
  std::string baseline = ids.empty() ? "" : ids.front();
  for (const auto& id : ids)
    if (!candidates.contains(id)) {
      baseline = id;
      break;
    }
  for (auto& answer : out)
    answer.baseline = baseline;
  return out;
}

std::string ratio_text(const stats::Ratio& ratio) {
  return fmt::format("{:.2f}x [{:.2f}x-{:.2f}x]", ratio.estimate, ratio.low, ratio.high);
}

// Where a further run should land, after `lead`; empty with too few runs to say.
std::string next_run_text(const stats::Pooled& pooled, const char* lead) {
  if (!pooled.next_run) return "";
  return fmt::format("{}a further run: {:.2f}x-{:.2f}x", lead, pooled.next_run->first,
                     pooled.next_run->second);
}

// The between-run spread as a relative standard deviation.
std::string spread_text(const stats::Pooled& pooled) {
  return fmt::format("{:.1f} %", 100 * (std::exp(pooled.between_runs_sd) - 1));
}

// Said under a benchmark whose runs ran at clearly different speeds; empty otherwise.
std::string speed_note(const MergedBenchmark& benchmark, const char* lead) {
  double spread = benchmark.baseline_time_spread();
  if (spread < kClearlyDifferentSpeeds) return "";
  std::string note = fmt::format(
      "{}{} took x{:.2f} as long in the slowest run as in the fastest: the runs' "
      "machines or loads differ, and the speedup can differ with them",
      lead, benchmark.baseline, spread);
  auto r = benchmark.speedup_time_correlation();
  if (r && std::abs(*r) >= kClearCorrelation)
    return note +
           fmt::format("; here it does: the speedup {} as the baseline's time grows (correlation {:.2f})",
                       *r > 0 ? "rises" : "falls", *r);
  return note + " (each run's time is listed beside its speedup)";
}

std::string run_time_text(const RunAnswer& run) {
  return run.baseline_seconds ? duration_text(*run.baseline_seconds) : "-";
}

std::size_t runs_with_speedup(const MergedBenchmark& benchmark) {
  std::size_t count = 0;
  for (const auto& run : benchmark.runs)
    count += run.speedup.has_value();
  return count;
}

}  // namespace

double MergedBenchmark::baseline_time_spread() const {
  double fastest = 0, slowest = 0;
  for (const auto& run : runs) {
    if (!run.baseline_seconds) continue;
    fastest = fastest == 0 ? *run.baseline_seconds : std::min(fastest, *run.baseline_seconds);
    slowest = std::max(slowest, *run.baseline_seconds);
  }
  return fastest > 0 ? slowest / fastest : 1.0;
}

std::optional<double> MergedBenchmark::speedup_time_correlation() const {
  std::vector<double> log_times, log_speedups;
  for (const auto& run : runs)
    if (run.speedup && run.baseline_seconds) {
      log_times.push_back(std::log(*run.baseline_seconds));
      log_speedups.push_back(std::log(run.speedup->estimate));
    }
  if (log_times.size() < 4) return std::nullopt;
  return stats::correlation(log_times, log_speedups);
}

std::vector<MergedBenchmark> merge_runs(const std::vector<SavedRun>& runs) {
  bool by_file_name = file_names_are_unique(runs);
  std::vector<MergedBenchmark> merged;
  for (const auto& run : runs) {
    for (const auto& benchmark : benchmarks_of(run.section)) {
      std::string name = text_field(benchmark, "name");
      if (name.empty()) continue;
      if (by_file_name) name = file_name_of(name);
      for (auto& answer : answers_of(benchmark)) {
        auto group = std::find_if(merged.begin(), merged.end(), [&](const MergedBenchmark& m) {
          return m.name == name && m.candidate == answer.candidate;
        });
        if (group == merged.end()) {
          merged.push_back({name, answer.baseline, answer.candidate, {}, std::nullopt});
          group = std::prev(merged.end());
        }
        group->runs.push_back({run.source, answer.speedup, baseline_seconds_of(benchmark, answer.baseline)});
      }
    }
  }
  for (auto& benchmark : merged) {
    std::vector<stats::Ratio> speedups;
    for (const auto& run : benchmark.runs)
      if (run.speedup) speedups.push_back(*run.speedup);
    benchmark.pooled = stats::pool_runs(speedups);
  }
  return merged;
}

std::string render_merged_text(const std::vector<MergedBenchmark>& merged, std::size_t run_count) {
  std::string out = fmt::format("merged {} runs\n", run_count);
  if (merged.empty()) out += "  no benchmarks in them\n";
  for (const auto& benchmark : merged) {
    out += fmt::format("  {}, {} over {}: ", benchmark.name, benchmark.candidate, benchmark.baseline);
    if (benchmark.pooled) {
      const auto& pooled = *benchmark.pooled;
      out += fmt::format("{} (95% CI, {} runs; between runs +-{}, I^2 {:.0f} %{})\n",
                         ratio_text(pooled.ratio), pooled.runs, spread_text(pooled),
                         100 * pooled.heterogeneity, next_run_text(pooled, "; "));
    } else {
      out += fmt::format("not pooled: {} of {} runs have a speedup (two needed)\n",
                         runs_with_speedup(benchmark), benchmark.runs.size());
    }
    if (std::string note = speed_note(benchmark, "    "); !note.empty()) out += note + "\n";
    for (const auto& run : benchmark.runs)
      out += fmt::format("    {:<30} {:>12}  {}\n", run.speedup ? ratio_text(*run.speedup) : "no speedup",
                         run_time_text(run), run.source);
  }
  return out;
}

std::string render_merged_markdown(const std::vector<MergedBenchmark>& merged, std::size_t run_count) {
  std::string out = fmt::format(
      "Merged {} runs.\n\n| benchmark | candidate | speedup [95% CI] | runs | between runs (sd) | I² | a "
      "further "
      "run (95%) | each run |\n"
      "|---|---|---|---|---|---|---|---|\n",
      run_count);
  for (const auto& benchmark : merged) {
    std::string each;
    for (const auto& run : benchmark.runs)
      each += fmt::format("{}{}: {} ({} {})", each.empty() ? "" : "; ", run.source,
                          run.speedup ? ratio_text(*run.speedup) : "no speedup", benchmark.baseline,
                          run_time_text(run));
    if (benchmark.pooled) {
      const auto& pooled = *benchmark.pooled;
      std::string next = next_run_text(pooled, "");
      out +=
          fmt::format("| {} | {} | {} | {} | {} | {:.0f} % | {} | {} |\n", benchmark.name,
                      benchmark.candidate, ratio_text(pooled.ratio), pooled.runs, spread_text(pooled),
                      100 * pooled.heterogeneity, next.empty() ? "-" : next.substr(next.find(':') + 2), each);
    } else {
      out += fmt::format("| {} | {} | not pooled | {} | - | - | - | {} |\n", benchmark.name,
                         benchmark.candidate, runs_with_speedup(benchmark), each);
    }
  }
  std::string notes;
  for (const auto& benchmark : merged)
    if (std::string note = speed_note(benchmark, ""); !note.empty())
      notes += fmt::format("- {}, {}: {}\n", benchmark.name, benchmark.candidate, note);
  return notes.empty() ? out : out + "\n" + notes;
}

nlohmann::json merged_json(const std::vector<MergedBenchmark>& merged, const std::vector<SavedRun>& runs) {
  nlohmann::json sources = nlohmann::json::array();
  for (const auto& run : runs)
    sources.push_back(run.source);
  nlohmann::json list = nlohmann::json::array();
  for (const auto& benchmark : merged) {
    nlohmann::json per_run = nlohmann::json::array();
    for (const auto& run : benchmark.runs)
      per_run.push_back(
          {{"source", run.source},
           {"speedup", ratio_json(run.speedup)},
           {"baseline_s", run.baseline_seconds ? nlohmann::json(*run.baseline_seconds) : nullptr}});
    nlohmann::json entry{{"name", benchmark.name},
                         {"baseline", benchmark.baseline},
                         {"candidate", benchmark.candidate},
                         {"speedup", nullptr},
                         {"between_runs_sd", nullptr},
                         {"heterogeneity_i2", nullptr},
                         {"next_run95", nullptr},
                         {"baseline_time_spread", benchmark.baseline_time_spread()},
                         {"speedup_time_correlation", nullptr},
                         {"per_run", per_run}};
    if (benchmark.pooled) {
      const stats::Ratio& pooled = benchmark.pooled->ratio;
      entry["speedup"] = {{"estimate", pooled.estimate},
                          {"ci95", {pooled.low, pooled.high}},
                          {"runs", benchmark.pooled->runs}};
      entry["between_runs_sd"] = benchmark.pooled->between_runs_sd;
      entry["heterogeneity_i2"] = benchmark.pooled->heterogeneity;
      if (const auto& next = benchmark.pooled->next_run) entry["next_run95"] = {next->first, next->second};
    }
    if (auto r = benchmark.speedup_time_correlation()) entry["speedup_time_correlation"] = *r;
    list.push_back(std::move(entry));
  }
  return {{"runs", sources}, {"benchmarks", list}};
}

}  // namespace pypyready::bench
