#include "bench/pytest_benchmark/report.h"

#include <fmt/format.h>

#include "bench/ratio_json.h"
#include "bench/render.h"

namespace pypyready::bench::pytest_benchmark {
namespace {

nlohmann::json details_json(const BenchmarkDetails& details, const BenchmarkResult& result) {
  nlohmann::json per = nlohmann::json::object();
  for (std::size_t s = 0; s < details.rounds.size() && s < result.per_interpreter.size(); ++s) {
    const auto& infos = details.rounds[s];
    if (infos.empty()) continue;
    nlohmann::json rounds = nlohmann::json::array(), calls = nlohmann::json::array(),
                   grouped = nlohmann::json::array(), discarded = nlohmann::json::array();
    for (const RoundsInfo& info : infos) {
      rounds.push_back(info.rounds);
      calls.push_back(info.calls_per_round);
      grouped.push_back(info.rounds_per_value);
      discarded.push_back(info.warmup_rounds);
    }
    per[result.per_interpreter[s].id] = {{"source", infos[0].from_rounds ? "rounds" : "summary"},
                                         {"rounds", rounds},
                                         {"calls_per_round", calls},
                                         {"rounds_per_value", grouped},
                                         {"warmup_calls", infos[0].warmup_calls},
                                         {"warmup_rounds_discarded", discarded}};
  }
  return {{"fullname", details.fullname},
          {"group", details.group.empty() ? nlohmann::json() : nlohmann::json(details.group)},
          {"per_interpreter", per}};
}

std::string interpreters_text(const SuiteResult& suite) {
  std::string out;
  for (const SuiteInterpreter& interpreter : suite.interpreters)
    out += fmt::format("{}{} ({})", out.empty() ? "" : " and ", interpreter.id, interpreter.origin);
  return out;
}

}  // namespace

std::string suite_line(const SuiteResult& suite) {
  std::string candidate = suite.interpreters.size() > 1 ? suite.interpreters[1].id : "candidate";
  std::string line;
  if (!suite.summary.speedup) {
    line =
        fmt::format("{}: no geometric mean (no benchmark has a speedup interval on both sides)", candidate);
  } else {
    const stats::Ratio& s = *suite.summary.speedup;
    std::string verdict = s.estimate >= 1 ? fmt::format("{:.2f}x faster", s.estimate)
                                          : fmt::format("{:.2f}x slower", 1 / s.estimate);
    line =
        fmt::format("{}: geometric mean {} [{:.2f}x-{:.2f}x, 95% CI, {} process{} each] over {} benchmark{}",
                    candidate, verdict, s.low, s.high, s.processes, s.processes == 1 ? "" : "es",
                    suite.summary.included.size(), suite.summary.included.size() == 1 ? "" : "s");
  }
  if (!suite.summary.excluded.empty()) {
    line += "; not compared:";
    for (const std::string& name : suite.summary.excluded)
      line += " " + name;
  }
  return line;
}

nlohmann::json suite_to_json(const SuiteResult& suite) {
  nlohmann::json section = to_json(suite.benchmarks);
  for (std::size_t b = 0; b < suite.benchmarks.size() && b < suite.details.size(); ++b)
    section["benchmarks"][b]["pytest_benchmark"] = details_json(suite.details[b], suite.benchmarks[b]);
  nlohmann::json interpreters = nlohmann::json::array();
  for (const SuiteInterpreter& interpreter : suite.interpreters)
    interpreters.push_back(
        {{"id", interpreter.id}, {"executable", interpreter.executable}, {"origin", interpreter.origin}});
  section["suite"] = {{"kind", "pytest-benchmark"},
                      {"source", suite.source},
                      {"interpreters", interpreters},
                      {"executions", suite.executions},
                      {"speedup", ratio_json(suite.summary.speedup)},
                      {"method", suite.summary.method},
                      {"benchmarks", suite.summary.included},
                      {"not_compared", suite.summary.excluded},
                      {"warnings", suite.warnings},
                      {"stopped_because", suite.stopped_because},
                      {"total_s", suite.total_s}};
  return section;
}

std::string render_suite_text(const SuiteResult& suite) {
  std::string out =
      suite.source == "import"
          ? fmt::format("pytest-benchmark runs imported: {}; one process each\n", interpreters_text(suite))
          : fmt::format("pytest-benchmark suite under {}; {} process{} each, {:.1f} s, stopped: {}\n",
                        interpreters_text(suite), suite.executions, suite.executions == 1 ? "" : "es",
                        suite.total_s, suite.stopped_because);
  out += render_text(suite.benchmarks);
  out += "suite: " + suite_line(suite) + "\n";
  for (const std::string& warning : suite.warnings)
    out += "  warning: " + warning + "\n";
  return out;
}

std::string render_suite_markdown(const SuiteResult& suite) {
  std::string out = fmt::format("Interpreters: {}.\n\n", interpreters_text(suite));
  out += render_markdown(suite.benchmarks);
  out += "\n**Suite**: " + suite_line(suite) + "\n";
  for (const std::string& warning : suite.warnings)
    out += "\n- warning: " + warning;
  if (!suite.warnings.empty()) out += "\n";
  return out;
}

}  // namespace pypyready::bench::pytest_benchmark
