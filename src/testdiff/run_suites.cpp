#include "testdiff/run_suites.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <map>

#include "run/interrupt.h"
#include "testdiff/code_index.h"
#include "testdiff/failure_text.h"
#include "testdiff/finding_links.h"
#include "testdiff/likely_cause.h"
#include "testdiff/suite_runner.h"
#include "testdiff/test_command.h"
#include "testdiff/test_config.h"

namespace pypyready::testdiff {
namespace {

constexpr double kDefaultTimeoutS = 600;
constexpr int kDefaultReruns = 3;
constexpr std::size_t kTracebackLines = 12;

void say(const TestOptions& options, const std::string& line) {
  if (options.progress) options.progress(line);
}

const TestCase* find_case(const SuiteRun& run, const std::string& id) {
  for (const TestCase& test : run.tests)
    if (test.id == id) return &test;
  return nullptr;
}

// Reruns the PyPy-only failures `count` times under each interpreter; a pass on PyPy or a
// failure on CPython in any rerun marks the test flaky.
void rerun_failures(TestResults& results, const std::vector<SuiteSpec>& specs, int count,
                    const TestOptions& options) {
  // A timed-out test is not rerun: each rerun would wait for the whole timeout again.
  auto rerunnable = [&](const TestRow& row) {
    auto outcome = row.outcomes.find(results.candidate_id);
    return row.group == kPypyOnlyFailure &&
           (outcome == row.outcomes.end() || outcome->second != Outcome::kTimeout);
  };
  // Collection errors (ids without "::", a file that failed to import) are rerun with
  // --collect-only: running the file's tests would only repeat work that cannot tell anything.
  std::vector<std::string> test_ids, file_ids;
  int timeouts = 0;
  for (const TestRow& row : results.tests) {
    if (rerunnable(row))
      (row.id.find("::") == std::string::npos ? file_ids : test_ids).push_back(row.id);
    else if (row.group == kPypyOnlyFailure)
      ++timeouts;
  }
  if (timeouts > 0 && count > 0)
    results.warnings.push_back(
        fmt::format("{} timed-out test(s) not rerun: each rerun would take the whole timeout", timeouts));
  for (int attempt = 1; attempt <= count && !run::interrupted(); ++attempt) {
    for (const SuiteSpec& base : specs) {
      for (bool collect_only : {false, true}) {
        const std::vector<std::string>& ids = collect_only ? file_ids : test_ids;
        if (ids.empty() || run::interrupted()) continue;
        say(options, fmt::format("rerun {}/{} of {} PyPy-only failure(s) under {}", attempt, count,
                                 ids.size(), base.interpreter.interpreter.id));
        SuiteSpec spec = base;
        spec.only_ids = ids;
        spec.collect_only = collect_only;
        SuiteRun rerun = run_suite(spec);
        if (!rerun.ran) {
          results.warnings.push_back(
              fmt::format("rerun under {} failed: {}", rerun.interpreter_id, rerun.problem));
          continue;
        }
        for (TestRow& row : results.tests) {
          if (!rerunnable(row) || std::find(ids.begin(), ids.end(), row.id) == ids.end()) continue;
          const TestCase* test = find_case(rerun, row.id);
          RerunTally& tally = row.reruns[rerun.interpreter_id];
          // With --collect-only a file that imports cleanly has no entry of its own.
          if (test == nullptr) {
            if (collect_only) ++tally.passed;
            continue;
          }
          if (is_failing(test->outcome)) ++tally.failed;
          if (test->outcome == Outcome::kPassed) ++tally.passed;
        }
      }
    }
  }
  for (TestRow& row : results.tests) {
    if (!rerunnable(row)) continue;
    row.flaky = row.reruns[results.candidate_id].passed > 0 || row.reruns[results.baseline_id].failed > 0;
  }
}

void explain_failures(TestResults& results, const SuiteRun& candidate, const CodeIndex* index,
                      const std::filesystem::path& root) {
  for (TestRow& row : results.tests) {
    if (row.group != kPypyOnlyFailure) continue;
    const TestCase* test = find_case(candidate, row.id);
    if (test == nullptr) continue;
    row.message = test->message;
    row.traceback = relevant_lines(test->details, kTracebackLines);
    row.likely_cause = test->outcome == Outcome::kCrashed ? crash_cause(candidate.crash)
                                                          : classify_failure(test->message, test->details);
    if (index == nullptr) continue;
    row.related_findings =
        link_findings(*index, row.id, traceback_frames(test->details), root, row.likely_cause);
    // Without a telling error text, the linked rule is the best explanation there is.
    if (!row.likely_cause) {
      for (const RelatedFinding& finding : row.related_findings) {
        if ((row.likely_cause = cause_of_rule(finding.code))) {
          for (RelatedFinding& other : row.related_findings)
            other.matches_cause = rule_matches_cause(other.code, row.likely_cause->kind);
          break;
        }
      }
    }
  }
}

}  // namespace

core::Result<TestResults> run_suites(const TestOptions& options) {
  std::error_code error;
  std::filesystem::path root = std::filesystem::absolute(options.project, error).lexically_normal();
  if (!std::filesystem::is_directory(root, error))
    return core::Error{
        fmt::format("{}: not a folder (expected the project's root)", options.project.string())};
  auto config = find_test_config(root);
  if (!config) return config.error();

  TestResults results;
  results.project_root = root.string();
  double timeout_s = options.timeout_s > 0 ? options.timeout_s : config->timeout_s.value_or(kDefaultTimeoutS);
  results.reruns_per_test = options.reruns >= 0 ? options.reruns : config->reruns.value_or(kDefaultReruns);
  std::vector<std::string> command = !options.command.empty() ? options.command : config->command;

  std::vector<SuiteSpec> specs;
  for (auto [given, implementation] :
       {std::pair{options.python, "cpython"}, std::pair{options.pypy, "pypy"}}) {
    auto chosen = choose_test_interpreter(given, implementation, root);
    if (!chosen) {
      SuiteRun missing;
      missing.implementation = implementation;
      missing.interpreter_id = implementation;
      missing.problem = chosen.error().message;
      results.runs.push_back(std::move(missing));
      continue;
    }
    SuiteSpec spec;
    spec.interpreter = std::move(*chosen);
    spec.command = command;
    spec.root = root;
    spec.timeout = std::chrono::milliseconds(static_cast<long long>(timeout_s * 1000));
    specs.push_back(std::move(spec));
  }
  std::vector<run::Interpreter> interpreters;
  for (const SuiteSpec& spec : specs)
    interpreters.push_back(spec.interpreter.interpreter);
  run::assign_ids(interpreters);
  for (std::size_t i = 0; i < specs.size(); ++i)
    specs[i].interpreter.interpreter.id = interpreters[i].id;
  // A command error is the same under every interpreter: report it as bad input.
  if (!specs.empty()) {
    if (auto argv = command_for(command, "python"); !argv) return argv.error();
  }

  for (const SuiteSpec& spec : specs) {
    if (run::interrupted()) break;
    say(options, fmt::format("running the tests under {} ({})", spec.interpreter.interpreter.id,
                             spec.interpreter.environment));
    results.runs.push_back(run_suite(spec));
  }
  std::stable_sort(results.runs.begin(), results.runs.end(), [](const SuiteRun& a, const SuiteRun& b) {
    return a.implementation == "cpython" && b.implementation != "cpython";
  });
  if (results.could_not_run()) return results;
  const SuiteRun& baseline = results.runs[0];
  const SuiteRun& candidate = results.runs[1];
  results.baseline_id = baseline.interpreter_id;
  results.candidate_id = candidate.interpreter_id;
  results.tests = compare_runs(baseline, candidate);

  std::optional<CodeIndex> index;
  if (options.link_findings && results.count(kPypyOnlyFailure) > 0) {
    say(options, "scanning the project to link failures to findings");
    index = build_code_index(root);
    for (const std::string& problem : index->problems)
      results.warnings.push_back("scan: " + problem);
  }
  explain_failures(results, candidate, index ? &*index : nullptr, root);
  if (!run::interrupted()) rerun_failures(results, specs, results.reruns_per_test, options);
  return results;
}

}  // namespace pypyready::testdiff
