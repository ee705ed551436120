#include "report/summary_lines.h"

#include <fmt/format.h>

#include <cctype>
#include <map>

namespace pypyready::report {
namespace {

std::string plural(std::size_t count, const char* one, const char* many) {
  return fmt::format("{} {}", count, count == 1 ? one : many);
}

std::string join(const std::vector<std::string>& parts, const std::string& separator) {
  std::string out;
  for (const std::string& part : parts)
    out += (out.empty() ? "" : separator) + part;
  return out;
}

std::vector<std::string> scan_lines(const results::ScanSection& scan) {
  std::map<std::string, int> by_severity;
  int fixable = 0;
  for (const results::Finding& finding : scan.findings) {
    ++by_severity[finding.severity];
    if (finding.fix && finding.fix->applicability == "safe") ++fixable;
  }
  std::string line = fmt::format("{} in {}", plural(scan.findings.size(), "finding", "findings"),
                                 plural(static_cast<std::size_t>(scan.files_scanned), "file", "files"));
  if (!scan.findings.empty()) {
    line += fmt::format(" ({}, {}, {} info)", plural(by_severity["error"], "error", "errors"),
                        plural(by_severity["warning"], "warning", "warnings"), by_severity["info"]);
  }
  if (fixable > 0) line += fmt::format(" · {} fixable with --fix", fixable);
  if (!scan.syntax_errors.empty())
    line += " · " + plural(scan.syntax_errors.size(), "file does not parse", "files do not parse");
  if (scan.language_level && !scan.language_level->required.empty())
    line += fmt::format(" · needs Python {}", scan.language_level->required);
  return {line};
}

std::vector<std::string> deps_lines(const results::DepsSection& deps) {
  if (deps.dependencies.empty()) return {"no third-party dependencies"};
  std::map<std::string, int> counts;
  std::vector<std::string> replacements, slower, blocked;
  for (const results::Dependency& dep : deps.dependencies) {
    ++counts[dep.verdict];
    if (dep.verdict == "replace") replacements.push_back(dep.name + " -> " + dep.alternative);
    if (dep.verdict == "slower") slower.push_back(dep.name);
    if (dep.verdict == "blocked") blocked.push_back(dep.name);
  }
  std::vector<std::string> parts;
  if (counts["works"]) parts.push_back(fmt::format("{} work", counts["works"]));
  if (counts["slower"])
    parts.push_back(fmt::format("{} slower on PyPy ({})", counts["slower"], join(slower, ", ")));
  if (counts["replace"])
    parts.push_back(fmt::format("{} replace ({})", counts["replace"], join(replacements, ", ")));
  if (counts["blocked"])
    parts.push_back(fmt::format("{} blocked ({})", counts["blocked"], join(blocked, ", ")));
  if (counts["unknown"]) parts.push_back(fmt::format("{} unknown", counts["unknown"]));
  return {fmt::format("{}: {}", plural(deps.dependencies.size(), "dependency", "dependencies"),
                      join(parts, ", "))};
}

const results::BenchInterpreter* side(const results::Results& results, const results::Benchmark& benchmark,
                                      const std::string& role) {
  for (const results::InterpreterInfo& interpreter : results.interpreters) {
    auto found = benchmark.per_interpreter.find(interpreter.id);
    if (interpreter.role == role && found != benchmark.per_interpreter.end()) return &found->second;
  }
  for (const auto& [id, entry] : benchmark.per_interpreter)
    if ((id.rfind("pypy", 0) == 0) == (role == "candidate")) return &entry;
  return nullptr;
}

std::vector<std::string> bench_lines(const results::Results& results) {
  std::vector<std::string> lines;
  for (const results::Benchmark& benchmark : results.bench->benchmarks) {
    std::string name = benchmark.name + (benchmark.mode == "function"  ? ""
                                         : benchmark.mode == "service" ? " (service throughput)"
                                                                       : " (whole run)");
    const results::BenchInterpreter* base = side(results, benchmark, "baseline");
    const results::BenchInterpreter* cand = side(results, benchmark, "candidate");
    for (const auto* one : {base, cand}) {
      if (one != nullptr && one->status != "ok")
        lines.push_back(fmt::format("{}: cannot run: {}", name, one->reason));
    }
    if (!benchmark.speedup) {
      if (lines.empty()) lines.push_back(name + ": no comparison");
      continue;
    }
    const results::Speedup& s = *benchmark.speedup;
    std::string line = s.estimate >= 1
                           ? fmt::format("{}: {} faster on PyPy [{}-{}]", name, times(s.estimate),
                                         times(s.ci95_low), times(s.ci95_high))
                           : fmt::format("{}: {} slower on PyPy [{}-{} speedup]", name, times(1 / s.estimate),
                                         times(s.ci95_low), times(s.ci95_high));
    if ((benchmark.mode == "function" || benchmark.mode == "service") && cand != nullptr &&
        cand->seconds_to_steady > 0)
      line += fmt::format(", steady after {}", seconds_text(cand->seconds_to_steady));
    if (benchmark.break_even) {
      line += fmt::format(", break-even {}", seconds_text(benchmark.break_even->seconds));
    } else if (benchmark.mode == "function") {
      line += ", no break-even";
    } else if (base != nullptr && base->steady_mean_s > 0) {
      line += fmt::format(", a run takes {} on CPython", seconds_text(base->steady_mean_s));
    }
    lines.push_back(line + ",");
    if (base != nullptr && cand != nullptr && benchmark.memory_ratio) {
      lines.push_back(fmt::format("memory {} ({} -> {})", times(*benchmark.memory_ratio),
                                  mib_text(base->peak_rss_bytes), mib_text(cand->peak_rss_bytes)));
    } else {
      lines.back().pop_back();
    }
  }
  if (lines.empty()) lines.push_back("no benchmarks");
  return lines;
}

std::vector<std::string> test_lines(const results::TestSection& test) {
  std::size_t pypy_only = 0, explained = 0, flaky = 0, pass_both = 0;
  for (const results::TestCase& one : test.tests) {
    if (one.flaky) ++flaky;
    if (one.group == "pass-both" || one.group == "passed-both") ++pass_both;
    if (one.group == "pypy-only-failure" && !one.flaky) {
      ++pypy_only;
      if (!one.related_findings.empty()) ++explained;
    }
  }
  return {fmt::format("{}: {} pass on both, {} fail only on PyPy ({} explained by findings), {} flaky",
                      plural(test.tests.size(), "test", "tests"), pass_both, pypy_only, explained, flaky)};
}

std::vector<std::string> stage_lines(const results::Results& results, const std::string& stage) {
  if (stage == "scan" && results.scan) return scan_lines(*results.scan);
  if (stage == "deps" && results.deps) return deps_lines(*results.deps);
  if (stage == "bench" && results.bench) return bench_lines(results);
  if (stage == "test" && results.test) return test_lines(*results.test);
  if (stage == "profile" && results.profile && results.profile->shares.count("python"))
    return {fmt::format("{:.0f}% of time in Python code", results.profile->shares.at("python") * 100)};
  return {};
}

}  // namespace

std::vector<SummaryLine> summary_lines(const results::Results& results) {
  std::vector<SummaryLine> out;
  if (results.stages.empty()) {
    for (const char* stage : {"scan", "deps", "test", "bench", "profile"}) {
      auto lines = stage_lines(results, stage);
      if (!lines.empty()) out.push_back({stage, lines});
    }
    return out;
  }
  for (const results::StageStatus& stage : results.stages) {
    std::vector<std::string> lines;
    if (stage.status == "ok") lines = stage_lines(results, stage.name);
    if (stage.status == "failed") lines = {"failed: " + stage.reason};
    if (stage.status == "not-run") lines = {"not run: " + stage.reason};
    if (lines.empty()) lines = {stage.status};
    out.push_back({stage.name, lines});
  }
  return out;
}

std::string interpreters_line(const results::Results& results) {
  std::vector<std::string> parts;
  for (const results::InterpreterInfo& interpreter : results.interpreters) {
    if (interpreter.implementation == "pypy") {
      parts.push_back(fmt::format("PyPy {} (Python {})", interpreter.implementation_version,
                                  interpreter.version.substr(0, interpreter.version.rfind('.'))));
    } else {
      parts.push_back(fmt::format("CPython {}", interpreter.version));
    }
  }
  return join(parts, " vs ");
}

std::string mib_text(std::uint64_t bytes) {
  return results::mib_text(results::to_mib(bytes));
}

std::string verdict_title(const std::string& verdict) {
  if (verdict == "migrate-after-fixes") return "MIGRATE AFTER FIXES";
  if (verdict == "stay") return "STAY ON CPYTHON";
  std::string out = verdict;
  for (char& c : out)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string state_label(const std::string& state) {
  return state == "not-met" ? "not met" : state;
}

}  // namespace pypyready::report
