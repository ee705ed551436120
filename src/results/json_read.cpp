// report.json -> Results. Each section reader mirrors one section of design.md's schema.

#include <set>

#include "results/json.h"
#include "results/json_reader.h"

namespace pypyready::results {
namespace {

using detail::Node;

ScanSection read_scan(const Node& node) {
  node.expect_object();
  ScanSection scan;
  scan.files_scanned = static_cast<int>(node.integer("files_scanned"));
  for (const Node& item : node.array("syntax_errors")) {
    item.expect_object();
    scan.syntax_errors.push_back({item.string("path"), static_cast<int>(item.integer("line")),
                                  static_cast<int>(item.integer("column")), item.string("message")});
  }
  for (const Node& item : node.array("findings")) {
    item.expect_object();
    Finding finding;
    finding.code = item.string("code");
    finding.name = item.string("name");
    finding.severity = item.string("severity", "warning");
    static const std::set<std::string> kSeverities{"error", "warning", "info"};
    if (!kSeverities.count(finding.severity))
      item.fail(item.path() + ".severity", "error, warning or info, found \"" + finding.severity + "\"");
    finding.path = item.string("path");
    finding.line = static_cast<int>(item.integer("line"));
    finding.column = static_cast<int>(item.integer("column"));
    finding.end_line = static_cast<int>(item.integer("end_line"));
    finding.end_column = static_cast<int>(item.integer("end_column"));
    finding.message = item.string("message");
    if (auto fix = item.object("fix")) {
      FindingFix out;
      out.description = fix->string("description");
      out.applicability = fix->string("applicability", "safe");
      if (fix->has("edits")) out.edits = fix->raw()["edits"];
      finding.fix = out;
    }
    finding.extra = item.extra(
        {"code", "name", "severity", "path", "line", "column", "end_line", "end_column", "message", "fix"});
    scan.findings.push_back(std::move(finding));
  }
  if (auto level = node.object("language_level"))
    scan.language_level = LanguageLevel{level->string("required"), level->string("target"),
                                        level->extra({"required", "target"})};
  scan.extra = node.extra({"files_scanned", "syntax_errors", "findings", "language_level"});
  return scan;
}

DepsSection read_deps(const Node& node) {
  node.expect_object();
  DepsSection deps;
  if (auto target = node.object("target")) {
    deps.target_interpreter = target->string("interpreter");
    deps.target_tags = target->strings("tags");
  }
  for (const Node& item : node.array("dependencies")) {
    item.expect_object();
    Dependency dep;
    dep.name = item.string("name");
    dep.version = item.string("version");
    dep.declared_in = item.strings("declared_in");
    dep.kind = item.string("kind", "unknown");
    dep.verdict = item.string("verdict", "unknown");
    dep.alternative = item.string("alternative");
    if (item.has("pulled_in_by")) {
      const nlohmann::json& paths = item.raw()["pulled_in_by"];
      if (!paths.is_array()) item.fail(item.path() + ".pulled_in_by", "a list of lists of names");
      for (const auto& path : paths) {
        if (!path.is_array()) item.fail(item.path() + ".pulled_in_by", "a list of lists of names");
        std::vector<std::string> names;
        for (const auto& name : path)
          if (name.is_string()) names.push_back(name.get<std::string>());
        dep.pulled_in_by.push_back(std::move(names));
      }
    }
    for (const Node& evidence : item.array("evidence")) {
      evidence.expect_object();
      dep.evidence.push_back(
          {evidence.string("source"), evidence.string("detail"), evidence.strings("missing_symbols")});
    }
    dep.extra = item.extra(
        {"name", "version", "declared_in", "kind", "verdict", "alternative", "pulled_in_by", "evidence"});
    deps.dependencies.push_back(std::move(dep));
  }
  deps.extra = node.extra({"target", "dependencies"});
  return deps;
}

BenchInterpreter read_bench_interpreter(const Node& node) {
  node.expect_object();
  BenchInterpreter side;
  side.status = node.string("status", "ok");
  side.reason = node.string("reason");
  side.startup_s = node.number("startup_s");
  side.first_iteration_s = node.number("first_iteration_s");
  side.steady_mean_s = node.number("steady_mean_s");
  side.seconds_to_steady = node.number("seconds_to_steady");
  side.classification = node.string("classification");
  side.peak_rss_bytes = static_cast<std::uint64_t>(node.number("peak_rss_bytes"));
  for (const Node& item : node.array("processes")) {
    item.expect_object();
    BenchProcess process;
    process.wall_s = item.number("wall_s");
    process.peak_rss_bytes = static_cast<std::uint64_t>(item.number("peak_rss_bytes"));
    process.extra = item.extra({"wall_s", "peak_rss_bytes"});
    side.processes.push_back(std::move(process));
  }
  side.extra = node.extra({"status", "reason", "startup_s", "first_iteration_s", "steady_mean_s",
                           "seconds_to_steady", "classification", "peak_rss_bytes", "processes"});
  return side;
}

BenchSection read_bench(const Node& node) {
  node.expect_object();
  BenchSection bench;
  for (const Node& item : node.array("benchmarks")) {
    item.expect_object();
    Benchmark benchmark;
    benchmark.name = item.string("name");
    benchmark.mode = item.string("mode");
    if (auto per = item.object("per_interpreter")) {
      for (const auto& [id, value] : per->raw().items())
        benchmark.per_interpreter[id] = read_bench_interpreter(per->child(value, "." + id));
    }
    if (auto speedup = item.object("speedup")) {
      Speedup out;
      out.estimate = speedup->number("estimate");
      if (speedup->has("ci95")) {
        const nlohmann::json& interval = speedup->raw()["ci95"];
        if (interval.size() != 2 || !interval[0].is_number() || !interval[1].is_number())
          speedup->fail(speedup->path() + ".ci95", "two numbers [low, high]");
        out.ci95_low = interval[0].get<double>();
        out.ci95_high = interval[1].get<double>();
      }
      out.processes = static_cast<int>(speedup->integer("processes"));
      benchmark.speedup = out;
    }
    if (auto be = item.object("break_even"))
      benchmark.break_even = BreakEven{be->number("seconds"), be->number("iterations")};
    benchmark.memory_ratio = item.optional_number("memory_ratio");
    benchmark.warnings = item.strings("warnings");
    benchmark.extra =
        item.extra({"name", "mode", "per_interpreter", "speedup", "break_even", "memory_ratio", "warnings"});
    bench.benchmarks.push_back(std::move(benchmark));
  }
  bench.extra = node.extra({"benchmarks"});
  return bench;
}

TestSection read_test(const Node& node) {
  node.expect_object();
  TestSection test;
  for (const Node& item : node.array("tests")) {
    item.expect_object();
    TestCase one;
    one.id = item.string("id");
    if (auto outcomes = item.object("outcomes")) {
      for (const auto& [id, value] : outcomes->raw().items()) {
        if (!value.is_string()) outcomes->fail(outcomes->path() + "." + id, "an outcome string");
        one.outcomes[id] = value.get<std::string>();
      }
    }
    one.group = item.string("group");
    one.likely_cause = item.string("likely_cause");
    one.related_findings = item.strings("related_findings");
    one.flaky = item.boolean("flaky");
    one.extra = item.extra({"id", "outcomes", "group", "likely_cause", "related_findings", "flaky"});
    test.tests.push_back(std::move(one));
  }
  test.extra = node.extra({"tests"});
  return test;
}

ProfileSection read_profile(const Node& node) {
  node.expect_object();
  ProfileSection profile;
  profile.interpreter = node.string("interpreter");
  if (auto shares = node.object("shares")) {
    for (const auto& [key, value] : shares->raw().items()) {
      if (!value.is_number()) shares->fail(shares->path() + "." + key, "a share between 0 and 1");
      profile.shares[key] = value.get<double>();
    }
  }
  if (auto prediction = node.object("prediction")) {
    profile.speedup_low = prediction->optional_number("speedup_low");
    profile.speedup_high = prediction->optional_number("speedup_high");
  }
  profile.extra = node.extra({"interpreter", "shares"});  // keeps "prediction" whole
  return profile;
}

Decision read_decision(const Node& node) {
  node.expect_object();
  Decision decision;
  decision.verdict = node.string("verdict");
  static const std::set<std::string> kVerdicts{"migrate", "migrate-after-fixes", "stay", "inconclusive"};
  if (!kVerdicts.count(decision.verdict))
    node.fail(node.path() + ".verdict", "migrate, migrate-after-fixes, stay or inconclusive");
  decision.reason = node.string("reason");
  for (const Node& item : node.array("criteria")) {
    item.expect_object();
    Criterion criterion{
        item.string("id"), item.string("title"), item.string("state"), item.string("evidence"), {}};
    static const std::set<std::string> kStates{"met", "not-met", "unknown"};
    if (!kStates.count(criterion.state)) item.fail(item.path() + ".state", "met, not-met or unknown");
    if (auto numbers = item.object("numbers")) {
      for (const auto& [key, value] : numbers->raw().items()) {
        if (!value.is_number()) numbers->fail(numbers->path() + "." + key, "a number");
        criterion.numbers[key] = value.get<double>();
      }
    }
    decision.criteria.push_back(std::move(criterion));
  }
  for (const Node& item : node.array("blockers")) {
    item.expect_object();
    decision.blockers.push_back({item.string("kind"), item.string("what"), item.string("fix")});
  }
  for (const Node& item : node.array("next_steps")) {
    item.expect_object();
    decision.next_steps.push_back({item.string("action"), item.string("detail")});
  }
  return decision;
}

template <typename Section>
core::Result<Section> guarded(Section (*read)(const Node&), const nlohmann::json& json,
                              const std::string& source, const char* path) {
  try {
    return read(Node(json, source, path));
  } catch (const detail::SchemaMismatch& error) {
    return core::Error{error.what()};
  }
}

}  // namespace

core::Result<ScanSection> scan_from_json(const nlohmann::json& section, const std::string& source) {
  return guarded(read_scan, section, source, "$.scan");
}
core::Result<DepsSection> deps_from_json(const nlohmann::json& section, const std::string& source) {
  return guarded(read_deps, section, source, "$.deps");
}
core::Result<BenchSection> bench_from_json(const nlohmann::json& section, const std::string& source) {
  return guarded(read_bench, section, source, "$.bench");
}
core::Result<TestSection> test_from_json(const nlohmann::json& section, const std::string& source) {
  return guarded(read_test, section, source, "$.test");
}
core::Result<ProfileSection> profile_from_json(const nlohmann::json& section, const std::string& source) {
  return guarded(read_profile, section, source, "$.profile");
}

core::Result<Results> from_json_text(std::string_view text, const std::string& source) {
  nlohmann::json document = nlohmann::json::parse(text, nullptr, false);
  if (document.is_discarded())
    return core::Error{source + ": not valid JSON; expected a report.json written by `pypyready check`"};
  if (!document.is_object() || !document.contains("schema"))
    return core::Error{source + ": no \"schema\" key; expected a pypyready report (\"schema\": \"" +
                       std::string(kSchema) + "\")"};
  if (document["schema"] != kSchema) {
    std::string found =
        document["schema"].is_string() ? document["schema"].get<std::string>() : "not a string";
    return core::Error{source + ": schema \"" + found + "\" is not supported; expected \"" +
                       std::string(kSchema) + "\""};
  }
  try {
    Node root(document, source, "$");
    Results results;
    if (auto tool = root.object("tool")) {
      results.tool = {tool->string("version"), tool->string("started_at"), tool->string("finished_at"),
                      tool->string("command_line")};
    }
    if (auto project = root.object("project"))
      results.project = {project->string("root"), project->string("name"), project->string("config_file")};
    for (const Node& item : root.array("interpreters")) {
      item.expect_object();
      results.interpreters.push_back({item.string("id"), item.string("implementation"),
                                      item.string("version"), item.string("implementation_version"),
                                      item.string("executable"), item.string("ext_suffix"),
                                      item.string("role")});
    }
    for (const Node& item : root.array("stages")) {
      item.expect_object();
      results.stages.push_back(
          {item.string("name"), item.string("status"), item.string("reason"), item.number("duration_s")});
    }
    if (auto scan = root.object("scan")) results.scan = read_scan(*scan);
    if (auto deps = root.object("deps")) results.deps = read_deps(*deps);
    if (auto bench = root.object("bench")) results.bench = read_bench(*bench);
    if (auto test = root.object("test")) results.test = read_test(*test);
    if (auto profile = root.object("profile")) results.profile = read_profile(*profile);
    if (auto decision = root.object("decision")) results.decision = read_decision(*decision);
    return results;
  } catch (const detail::SchemaMismatch& error) {
    return core::Error{error.what()};
  }
}

}  // namespace pypyready::results
