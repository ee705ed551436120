#include "bench/compare.h"

#include <fmt/format.h>

#include <cmath>

#include "bench/duration_text.h"
#include "bench/stats/speedup.h"
#include "bench/stats/summary.h"

namespace pypyready::bench {
namespace {

// A process's steady mean: recorded since the field exists, else the mean of its iterations.
std::vector<double> steady_means(const nlohmann::json& side) {
  std::vector<double> means;
  if (!side.contains("processes") || !side["processes"].is_array()) return means;
  for (const auto& process : side["processes"]) {
    if (process.contains("steady_mean_s") && process["steady_mean_s"].is_number()) {
      means.push_back(process["steady_mean_s"].get<double>());
      continue;
    }
    auto iterations = process.value("iterations_s", std::vector<double>{});
    if (!iterations.empty()) means.push_back(stats::mean(iterations));
  }
  return means;
}

std::vector<double> numbers(const nlohmann::json& side, const char* key) {
  if (!side.contains(key) || !side[key].is_array()) return {};
  return side[key].get<std::vector<double>>();
}

// A time that was sampled repeatedly before and after: Welch on the logs, ratio before / after.
void compare_times(std::vector<Change>& out, Change change, const std::vector<double>& before,
                   const std::vector<double>& after) {
  change.before = stats::mean(before);
  change.after = stats::mean(after);
  if (change.before <= 0 || change.after <= 0) return;
  change.ratio = change.before / change.after;
  if (auto welch = stats::welch_speedup(before, after)) {
    change.ratio = welch->estimate;
    change.low = welch->low;
    change.high = welch->high;
    change.significant = welch->low > 1 || welch->high < 1;
  }
  change.verdict = !change.significant ? "no significant change" : change.ratio > 1 ? "faster" : "slower";
  out.push_back(std::move(change));
}

// Two speedups known by their estimate and 95 % interval: a z test on the log scale, the standard
// error recovered from each interval's width.
void compare_speedups(std::vector<Change>& out, const std::string& name, const nlohmann::json& before,
                      const nlohmann::json& after) {
  auto has_interval = [](const nlohmann::json& ratio) {
    return ratio.is_object() && ratio.contains("estimate") && ratio.contains("ci95") &&
           ratio["ci95"].is_array() && ratio["ci95"].size() == 2;
  };
  if (!has_interval(before) || !has_interval(after)) return;
  Change change;
  change.benchmark = name;
  change.quantity = "speedup";
  change.before = before.value("estimate", 0.0);
  change.after = after.value("estimate", 0.0);
  auto interval = [](const nlohmann::json& ratio) {
    const auto& ci = ratio["ci95"];
    return std::pair{ci[0].get<double>(), ci[1].get<double>()};
  };
  auto [b_lo, b_hi] = interval(before);
  auto [a_lo, a_hi] = interval(after);
  if (change.before <= 0 || change.after <= 0 || b_lo <= 0 || a_lo <= 0) return;
  double se_before = stats::log_standard_error({change.before, b_lo, b_hi, 0});
  double se_after = stats::log_standard_error({change.after, a_lo, a_hi, 0});
  double se = std::sqrt(se_before * se_before + se_after * se_after);
  double difference = std::log(change.after) - std::log(change.before);
  change.ratio = change.after / change.before;
  change.low = std::exp(difference - 1.959964 * se);
  change.high = std::exp(difference + 1.959964 * se);
  change.significant = se > 0 ? std::abs(difference) > 1.959964 * se : difference != 0;
  change.verdict = !change.significant ? "no significant change"
                   : change.ratio > 1  ? "speedup grew"
                                       : "speedup shrank";
  out.push_back(std::move(change));
}

std::string value_text(const Change& change, double value) {
  if (change.quantity == "speedup") return fmt::format("{:.2f}x", value);
  if (change.quantity == "peak_rss_bytes") return fmt::format("{:.1f} MiB", value / 1048576.0);
  return duration_text(value);
}

std::string interval_text(const Change& change) {
  if (change.low <= 0) return fmt::format("{:.2f}x", change.ratio);
  return fmt::format("{:.2f}x [{:.2f}x-{:.2f}x]", change.ratio, change.low, change.high);
}

// The array or object under `key`, or an empty one: a named value, so loops never iterate a
// temporary.
nlohmann::json member(const nlohmann::json& object, const char* key, nlohmann::json fallback) {
  if (object.is_object() && object.contains(key) && object[key].type() == fallback.type()) return object[key];
  return fallback;
}

}  // namespace

std::vector<Change> compare_sections(const nlohmann::json& before, const nlohmann::json& after) {
  std::vector<Change> changes;
  const nlohmann::json now_list = member(after, "benchmarks", nlohmann::json::array());
  const nlohmann::json then_list = member(before, "benchmarks", nlohmann::json::array());
  for (const auto& now : now_list) {
    std::string name = now.value("name", "");
    for (const auto& then : then_list) {
      if (then.value("name", "") != name) continue;
      const nlohmann::json sides_then = member(then, "per_interpreter", nlohmann::json::object());
      const nlohmann::json sides_now = member(now, "per_interpreter", nlohmann::json::object());
      for (const auto& [id, side] : sides_now.items()) {
        if (!sides_then.contains(id) || side.value("status", "") != "ok" ||
            sides_then[id].value("status", "") != "ok")
          continue;
        const auto& old_side = sides_then[id];
        Change base;
        base.benchmark = name;
        base.interpreter = id;
        Change steady = base;
        steady.quantity = "steady_mean_s";
        compare_times(changes, steady, steady_means(old_side), steady_means(side));
        Change startup = base;
        startup.quantity = "startup_s";
        compare_times(changes, startup, numbers(old_side, "startup_runs_s"), numbers(side, "startup_runs_s"));
        Change memory = base;
        memory.quantity = "peak_rss_bytes";
        memory.before = old_side.value("peak_rss_bytes", 0.0);
        memory.after = side.value("peak_rss_bytes", 0.0);
        if (memory.before > 0 && memory.after > 0) {
          // Peak RSS barely varies between runs of the same program (under 1 % here), so a
          // 10 % change is taken as real rather than tested.
          memory.ratio = memory.after / memory.before;
          memory.significant = std::abs(memory.ratio - 1) > 0.10;
          memory.verdict = !memory.significant ? "no significant change"
                           : memory.ratio > 1  ? "more memory"
                                               : "less memory";
          changes.push_back(memory);
        }
      }
      compare_speedups(changes, name, member(then, "speedup", nlohmann::json::object()),
                       member(now, "speedup", nlohmann::json::object()));
    }
  }
  return changes;
}

bool has_regression(const std::vector<Change>& changes) {
  for (const auto& change : changes)
    if (change.significant &&
        (change.verdict == "slower" || change.verdict == "speedup shrank" || change.verdict == "more memory"))
      return true;
  return false;
}

std::string render_changes_text(const std::vector<Change>& changes) {
  if (changes.empty()) return "  nothing in common to compare (no benchmark of the same name ran on both)\n";
  std::string out;
  for (const auto& change : changes) {
    std::string who = change.interpreter.empty() ? "" : " " + change.interpreter;
    std::string ratio =
        change.quantity == "peak_rss_bytes" ? fmt::format("{:.2f}x", change.ratio) : interval_text(change);
    out += fmt::format("  {}{} {}: {} -> {} ({}): {}{}\n", change.benchmark, who, change.quantity,
                       value_text(change, change.before), value_text(change, change.after), ratio,
                       change.verdict, change.significant ? " (significant)" : "");
  }
  return out;
}

std::string render_changes_markdown(const std::vector<Change>& changes) {
  std::string out =
      "| benchmark | interpreter | quantity | before | after | ratio [95% CI] | verdict |\n"
      "|---|---|---|---|---|---|---|\n";
  for (const auto& change : changes)
    out += fmt::format("| {} | {} | {} | {} | {} | {} | {}{} |\n", change.benchmark, change.interpreter,
                       change.quantity, value_text(change, change.before), value_text(change, change.after),
                       interval_text(change), change.verdict, change.significant ? " (significant)" : "");
  return out;
}

nlohmann::json changes_json(const std::vector<Change>& changes) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& change : changes) {
    nlohmann::json ci = nullptr;
    if (change.low > 0) ci = {change.low, change.high};
    list.push_back(
        {{"benchmark", change.benchmark},
         {"interpreter", change.interpreter.empty() ? nlohmann::json() : nlohmann::json(change.interpreter)},
         {"quantity", change.quantity},
         {"before", change.before},
         {"after", change.after},
         {"ratio", change.ratio},
         {"ratio_ci95", ci},
         {"significant", change.significant},
         {"verdict", change.verdict}});
  }
  return {{"changes", list}};
}

}  // namespace pypyready::bench
