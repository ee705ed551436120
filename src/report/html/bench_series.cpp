#include "report/html/bench_series.h"

#include <algorithm>

namespace pypyready::report::html {
namespace {

double number_or(const nlohmann::json& object, const char* key, double fallback) {
  if (!object.is_object()) return fallback;
  auto it = object.find(key);
  return it != object.end() && it->is_number() ? it->get<double>() : fallback;
}

std::vector<double> numbers(const nlohmann::json& object, const char* key) {
  std::vector<double> out;
  if (!object.is_object()) return out;
  auto it = object.find(key);
  if (it == object.end() || !it->is_array()) return out;
  for (const nlohmann::json& value : *it)
    if (value.is_number()) out.push_back(value.get<double>());
  return out;
}

// False only for a process marked `"counted": false` (ended inside its warmup, harness.h).
bool counted_in_figures(const nlohmann::json& process) {
  if (!process.is_object()) return true;
  auto it = process.find("counted");
  return it == process.end() || !it->is_boolean() || it->get<bool>();
}

int role_rank(const results::Results& results, const std::string& id) {
  for (const results::InterpreterInfo& info : results.interpreters)
    if (info.id == id) return info.role == "baseline" ? 0 : info.role == "candidate" ? 1 : 2;
  return 3;
}

}  // namespace

std::string interpreter_label(const results::Results& results, const std::string& id) {
  for (const results::InterpreterInfo& info : results.interpreters) {
    if (info.id != id) continue;
    if (info.implementation == "pypy")
      return "PyPy " + (info.implementation_version.empty() ? info.version : info.implementation_version);
    if (info.implementation == "cpython") return "CPython " + info.version;
  }
  return id;
}

std::vector<Series> bench_series(const results::Benchmark& benchmark, const results::Results& results) {
  std::vector<Series> out;
  for (const auto& [id, side] : benchmark.per_interpreter) {
    if (side.status != "ok") continue;
    Series series;
    series.id = id;
    series.label = interpreter_label(results, id);
    series.side = &side;
    series.steady_p50_s = number_or(side.extra, "steady_p50_s", side.steady_mean_s);
    series.steady_p99_s = number_or(side.extra, "steady_p99_s", side.steady_mean_s);
    series.startup_s = number_or(side.extra, "startup_import_s", side.startup_s);
    if (series.startup_s <= 0) series.startup_s = side.startup_s;
    // The middle one of the processes the figures rest on (`counted`; absent before it existed).
    std::vector<const results::BenchProcess*> counted;
    for (const results::BenchProcess& process : side.processes)
      if (counted_in_figures(process.extra)) counted.push_back(&process);
    series.processes_run = side.processes.size();
    series.processes_counted = counted.size();
    if (!counted.empty()) {
      const nlohmann::json& process = counted[counted.size() / 2]->extra;
      series.iterations_s = numbers(process, "iterations_s");
      for (double index : numbers(process, "changepoints"))
        if (index >= 0) series.changepoints.push_back(static_cast<std::size_t>(index));
      series.steady_start = static_cast<std::size_t>(std::max(0.0, number_or(process, "steady_start", 0)));
    }
    if (auto curve = side.extra.find("rss_curve"); curve != side.extra.end() && curve->is_array()) {
      for (const nlohmann::json& sample : *curve)
        if (sample.is_array() && sample.size() == 2 && sample[0].is_number() && sample[1].is_number())
          series.rss_curve.emplace_back(sample[0].get<double>(), sample[1].get<double>());
    }
    out.push_back(std::move(series));
  }
  std::stable_sort(out.begin(), out.end(), [&](const Series& a, const Series& b) {
    return role_rank(results, a.id) < role_rank(results, b.id);
  });
  // Colours follow the role, so CPython is the same colour in every chart of the page.
  for (Series& series : out)
    series.css_class = "s" + std::to_string(role_rank(results, series.id));
  return out;
}

}  // namespace pypyready::report::html
