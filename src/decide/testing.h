#pragma once
// Hand-made Results for the decision engine's tests: each builder fills one section the way an
// analysis would, with only the fields a criterion reads.

#include "results/results.h"

namespace pypyready::decide::testing {

/// CPython 3.11 baseline and PyPy 3.9 candidate, as `check` records them.
inline results::Results two_interpreters() {
  results::Results r;
  r.interpreters = {{"cpython-3.11", "cpython", "3.11.2", "3.11.2", "/usr/bin/python3", "", "baseline"},
                    {"pypy-3.9", "pypy", "3.9.16", "7.3.11", "/usr/bin/pypy3", "", "candidate"}};
  return r;
}

/// A benchmark with a speedup interval; peaks in MiB; break-even when `break_even_s` >= 0.
inline results::Benchmark benchmark(const std::string& mode, double low, double estimate, double high,
                                    double break_even_s = -1, double baseline_mib = 50,
                                    double candidate_mib = 150, double baseline_run_s = 0.05) {
  results::Benchmark b;
  b.name = "work";
  b.mode = mode;
  b.speedup = results::Speedup{estimate, low, high, 5};
  if (break_even_s >= 0) b.break_even = results::BreakEven{break_even_s, 10};
  results::BenchInterpreter base, cand;
  base.peak_rss_bytes = static_cast<std::uint64_t>(baseline_mib * 1048576);
  cand.peak_rss_bytes = static_cast<std::uint64_t>(candidate_mib * 1048576);
  base.steady_mean_s = baseline_run_s;
  cand.steady_mean_s = baseline_run_s / estimate;
  b.per_interpreter["cpython-3.11"] = base;
  b.per_interpreter["pypy-3.9"] = cand;
  b.memory_ratio = candidate_mib / baseline_mib;
  return b;
}

inline results::Results with_bench(results::Benchmark b) {
  results::Results r = two_interpreters();
  r.bench = results::BenchSection{};
  r.bench->benchmarks.push_back(std::move(b));
  return r;
}

inline results::Dependency dependency(const std::string& name, const std::string& kind,
                                      const std::string& verdict, const std::string& alternative = "") {
  results::Dependency d;
  d.name = name;
  d.kind = kind;
  d.verdict = verdict;
  d.alternative = alternative;
  return d;
}

inline results::Finding finding(const std::string& code, const std::string& severity, bool fixable,
                                const std::string& path = "src/a.py", const std::string& name = "some-rule") {
  results::Finding f;
  f.code = code;
  f.name = name;
  f.severity = severity;
  f.path = path;
  f.line = 3;
  f.message = "message";
  if (fixable) f.fix = results::FindingFix{"safe fix", "safe", nlohmann::json::array()};
  return f;
}

inline results::TestCase test_case(const std::string& id, const std::string& group,
                                   std::vector<std::string> related = {}, bool flaky = false) {
  results::TestCase t;
  t.id = id;
  t.group = group;
  t.related_findings = std::move(related);
  t.flaky = flaky;
  return t;
}

}  // namespace pypyready::decide::testing
