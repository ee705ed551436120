// Results -> report.json. Keys carry their units (design.md); `extra` members go first so the
// fields the tool owns always win.

#include "results/json.h"

namespace pypyready::results {
namespace {

nlohmann::json with_extra(const nlohmann::json& extra, nlohmann::json known) {
  nlohmann::json out = extra.is_object() ? extra : nlohmann::json::object();
  for (auto& [key, value] : known.items())
    out[key] = std::move(value);
  return out;
}

nlohmann::json write_scan(const ScanSection& scan) {
  nlohmann::json findings = nlohmann::json::array();
  for (const Finding& f : scan.findings) {
    nlohmann::json fix = nullptr;
    if (f.fix)
      fix = {{"description", f.fix->description},
             {"applicability", f.fix->applicability},
             {"edits", f.fix->edits}};
    findings.push_back(with_extra(f.extra, {{"code", f.code},
                                            {"name", f.name},
                                            {"severity", f.severity},
                                            {"path", f.path},
                                            {"line", f.line},
                                            {"column", f.column},
                                            {"end_line", f.end_line},
                                            {"end_column", f.end_column},
                                            {"message", f.message},
                                            {"fix", fix}}));
  }
  nlohmann::json syntax_errors = nlohmann::json::array();
  for (const SyntaxError& e : scan.syntax_errors)
    syntax_errors.push_back(
        {{"path", e.path}, {"line", e.line}, {"column", e.column}, {"message", e.message}});
  nlohmann::json known = {
      {"files_scanned", scan.files_scanned}, {"syntax_errors", syntax_errors}, {"findings", findings}};
  if (scan.language_level)
    known["language_level"] = with_extra(
        scan.language_level->extra,
        {{"required", scan.language_level->required.empty() ? nlohmann::json()
                                                            : nlohmann::json(scan.language_level->required)},
         {"target", scan.language_level->target}});
  return with_extra(scan.extra, known);
}

nlohmann::json write_deps(const DepsSection& deps) {
  nlohmann::json dependencies = nlohmann::json::array();
  for (const Dependency& d : deps.dependencies) {
    nlohmann::json evidence = nlohmann::json::array();
    for (const DependencyEvidence& e : d.evidence)
      evidence.push_back(
          {{"source", e.source}, {"detail", e.detail}, {"missing_symbols", e.missing_symbols}});
    dependencies.push_back(with_extra(
        d.extra, {{"name", d.name},
                  {"version", d.version},
                  {"declared_in", d.declared_in},
                  {"kind", d.kind},
                  {"verdict", d.verdict},
                  {"alternative", d.alternative.empty() ? nlohmann::json() : nlohmann::json(d.alternative)},
                  {"pulled_in_by", d.pulled_in_by},
                  {"evidence", evidence}}));
  }
  return with_extra(deps.extra,
                    {{"target", {{"interpreter", deps.target_interpreter}, {"tags", deps.target_tags}}},
                     {"dependencies", dependencies}});
}

nlohmann::json write_bench(const BenchSection& bench) {
  nlohmann::json benchmarks = nlohmann::json::array();
  for (const Benchmark& b : bench.benchmarks) {
    nlohmann::json per = nlohmann::json::object();
    for (const auto& [id, side] : b.per_interpreter) {
      nlohmann::json processes = nlohmann::json::array();
      for (const BenchProcess& p : side.processes)
        processes.push_back(
            with_extra(p.extra, {{"wall_s", p.wall_s}, {"peak_rss_bytes", p.peak_rss_bytes}}));
      per[id] = with_extra(side.extra, {{"status", side.status},
                                        {"reason", side.reason},
                                        {"startup_s", side.startup_s},
                                        {"first_iteration_s", side.first_iteration_s},
                                        {"steady_mean_s", side.steady_mean_s},
                                        {"seconds_to_steady", side.seconds_to_steady},
                                        {"classification", side.classification},
                                        {"peak_rss_bytes", side.peak_rss_bytes},
                                        {"processes", processes}});
    }
    nlohmann::json speedup = nullptr;
    if (b.speedup)
      speedup = {{"estimate", b.speedup->estimate},
                 {"ci95", {b.speedup->ci95_low, b.speedup->ci95_high}},
                 {"processes", b.speedup->processes}};
    nlohmann::json break_even = nullptr;
    if (b.break_even)
      break_even = {{"seconds", b.break_even->seconds}, {"iterations", b.break_even->iterations}};
    benchmarks.push_back(with_extra(
        b.extra, {{"name", b.name},
                  {"mode", b.mode},
                  {"per_interpreter", per},
                  {"speedup", speedup},
                  {"break_even", break_even},
                  {"memory_ratio", b.memory_ratio ? nlohmann::json(*b.memory_ratio) : nlohmann::json()},
                  {"warnings", b.warnings}}));
  }
  return with_extra(bench.extra, {{"benchmarks", benchmarks}});
}

nlohmann::json write_test(const TestSection& test) {
  nlohmann::json tests = nlohmann::json::array();
  for (const TestCase& t : test.tests) {
    tests.push_back(with_extra(t.extra, {{"id", t.id},
                                         {"outcomes", t.outcomes},
                                         {"group", t.group},
                                         {"likely_cause", t.likely_cause},
                                         {"related_findings", t.related_findings},
                                         {"flaky", t.flaky}}));
  }
  return with_extra(test.extra, {{"tests", tests}});
}

nlohmann::json write_profile(const ProfileSection& profile) {
  nlohmann::json out =
      with_extra(profile.extra, {{"interpreter", profile.interpreter}, {"shares", profile.shares}});
  if (profile.speedup_low) out["prediction"]["speedup_low"] = *profile.speedup_low;
  if (profile.speedup_high) out["prediction"]["speedup_high"] = *profile.speedup_high;
  return out;
}

nlohmann::json write_decision(const Decision& decision) {
  nlohmann::json criteria = nlohmann::json::array();
  for (const Criterion& c : decision.criteria) {
    criteria.push_back(
        {{"id", c.id},
         {"title", c.title},
         {"state", c.state},
         {"evidence", c.evidence},
         {"numbers", c.numbers.empty() ? nlohmann::json::object() : nlohmann::json(c.numbers)}});
  }
  nlohmann::json blockers = nlohmann::json::array();
  for (const Blocker& b : decision.blockers)
    blockers.push_back({{"kind", b.kind}, {"what", b.what}, {"fix", b.fix}});
  nlohmann::json steps = nlohmann::json::array();
  for (const NextStep& s : decision.next_steps)
    steps.push_back({{"action", s.action}, {"detail", s.detail}});
  return {{"verdict", decision.verdict},
          {"reason", decision.reason},
          {"criteria", criteria},
          {"blockers", blockers},
          {"next_steps", steps}};
}

}  // namespace

nlohmann::json to_json(const Results& results) {
  nlohmann::json interpreters = nlohmann::json::array();
  for (const InterpreterInfo& i : results.interpreters) {
    interpreters.push_back({{"id", i.id},
                            {"implementation", i.implementation},
                            {"version", i.version},
                            {"implementation_version", i.implementation_version},
                            {"executable", i.executable},
                            {"ext_suffix", i.ext_suffix},
                            {"role", i.role}});
  }
  nlohmann::json stages = nlohmann::json::array();
  for (const StageStatus& s : results.stages)
    stages.push_back(
        {{"name", s.name}, {"status", s.status}, {"reason", s.reason}, {"duration_s", s.duration_s}});
  nlohmann::json out = {{"schema", results.schema},
                        {"tool",
                         {{"version", results.tool.version},
                          {"started_at", results.tool.started_at},
                          {"finished_at", results.tool.finished_at},
                          {"command_line", results.tool.command_line}}},
                        {"project",
                         {{"root", results.project.root},
                          {"name", results.project.name},
                          {"config_file", results.project.config_file}}},
                        {"interpreters", interpreters},
                        {"stages", stages}};
  if (results.scan) out["scan"] = write_scan(*results.scan);
  if (results.deps) out["deps"] = write_deps(*results.deps);
  if (results.bench) out["bench"] = write_bench(*results.bench);
  if (results.test) out["test"] = write_test(*results.test);
  if (results.profile) out["profile"] = write_profile(*results.profile);
  if (results.decision) out["decision"] = write_decision(*results.decision);
  return out;
}

}  // namespace pypyready::results
