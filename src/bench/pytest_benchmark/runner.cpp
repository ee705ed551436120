#include "bench/pytest_benchmark/runner.h"

#include <fmt/format.h>
#include <stdlib.h>

#include <algorithm>
#include <chrono>

#include "bench/noise.h"
#include "bench/pytest_benchmark/collect.h"
#include "bench/pytest_benchmark/provide.h"
#include "bench/stats/speedup.h"
#include "core/file_io.h"
#include "core/temporary_folder.h"
#include "run/interrupt.h"
#include "run/process.h"

namespace pypyready::bench::pytest_benchmark {
namespace {

using Clock = std::chrono::steady_clock;

std::string last_line(const std::string& text) {
  std::size_t end = text.find_last_not_of("\n\r ");
  if (end == std::string::npos) return {};
  std::size_t newline = text.rfind('\n', end);
  std::size_t begin = newline == std::string::npos ? 0 : newline + 1;
  std::string line = text.substr(begin, end + 1 - begin);
  return line.size() > 300 ? line.substr(0, 300) + "..." : line;
}

// Why a pytest process left no report.
std::string why_no_report(const run::ProcessResult& ran, const run::ProcessSpec& spec) {
  if (ran.exit_code == 5)
    return "pytest collected no tests (exit status 5): is the path the project with the pytest-benchmark "
           "tests?";
  std::string ending = run::describe_ending(ran, spec);
  std::string line = last_line(ran.err.empty() ? ran.out : ran.err);
  return line.empty() || ran.timed_out ? ending : ending + ": " + line;
}

core::Status check_interpreters(const SuiteConfig& config) {
  for (const run::Interpreter& interpreter : config.interpreters) {
    auto missing = missing_modules(interpreter);
    if (!missing) return missing.error();
    if (missing->empty()) continue;
    std::string names;
    for (const std::string& name : *missing)
      names += (names.empty() ? "" : ", ") + name;
    return core::Error{
        fmt::format("{} ({}) cannot run a pytest-benchmark suite: {} not installed for it; "
                    "provide it with: {}",
                    interpreter.id, interpreter.path.string(), names, how_to_provide(*missing, interpreter))};
  }
  return core::ok_status();
}

// Stop once every benchmark compared on both sides is precise enough or decided.
std::string stop_reason(const std::vector<BenchmarkResult>& results, const SuiteConfig& config) {
  bool any = false, all_precise = true;
  for (const BenchmarkResult& result : results) {
    if (result.comparisons.empty() || !result.comparisons[0].speedup) continue;
    any = true;
    auto decision =
        stats::stopping_decision(*result.comparisons[0].speedup, config.ci_width, config.min_speedup);
    if (decision == stats::StopReason::kContinue) return {};
    all_precise = all_precise && decision == stats::StopReason::kPrecise;
  }
  if (!any) return {};
  return all_precise ? "ci-width" : "decided";
}

}  // namespace

core::Result<SuiteResult> run_suite(const SuiteConfig& config) {
  if (auto checked = check_user_args(config.pytest_args); !checked) return checked.error();
  if (auto checked = check_interpreters(config); !checked) return checked.error();
  Clock::time_point start = Clock::now();
  auto elapsed = [&] { return std::chrono::duration<double>(Clock::now() - start).count(); };
  std::vector<std::string> ids, absent;
  for (const run::Interpreter& interpreter : config.interpreters) {
    ids.push_back(interpreter.id);
    absent.push_back(
        "not in this interpreter's pytest-benchmark report (skipped, deselected or not collected there)");
  }
  Collection collection(ids, absent);
  std::vector<int> reports(ids.size(), 0);
  std::vector<std::string> warnings;
  double timeout_s = config.timeout_s > 0 ? config.timeout_s : std::max(300.0, config.time_budget_s);
  double load_start = load_average();

  std::string stop = "max-runs";
  for (int round = 0; round < config.max_runs; ++round) {
    if (run::interrupted()) break;
    std::size_t n = ids.size();
    for (std::size_t k = 0; k < n && !run::interrupted(); ++k) {
      std::size_t i = round % 2 == 0 ? k : n - 1 - k;
      if (collection.side_failed(i)) continue;
      const run::Interpreter& interpreter = config.interpreters[i];
      if (config.progress)
        config.progress(fmt::format("pytest-benchmark: {} process {} ({:.0f} s of {:.0f} s)", interpreter.id,
                                    round + 1, elapsed(), config.time_budget_s));
      core::TemporaryFolder folder("pypyready-pytest-benchmark");
      if (folder.path().empty())
        return core::Error{"cannot create a temporary folder for pytest-benchmark's JSON report"};
      run::ProcessSpec spec;
      spec.argv = pytest_argv(interpreter.path.string(), folder.path(), config.settings, config.pytest_args);
      spec.working_directory = config.project;
      spec.timeout = std::chrono::milliseconds(static_cast<long long>(timeout_s * 1000));
      spec.memory_limit_bytes = config.memory_limit_bytes;
      spec.cpu = config.cpu;
      spec.rss_interval = std::chrono::milliseconds(50);
      // No bytecode written into the project; wide lines so pytest's failure summary is not cut.
      spec.environment = {{"PYTHONDONTWRITEBYTECODE", "1"}, {"COLUMNS", "250"}};
      auto ran = run::run_process(spec);
      if (!ran) {
        collection.fail_side(i, ran.error().message);
        continue;
      }
      if (ran->interrupted) break;
      auto text = core::read_file(report_path(folder.path()));
      auto failures = failed_tests(ran->out);
      core::Result<SavedRun> saved = core::Error{why_no_report(*ran, spec)};
      if (text && !text->empty()) {
        saved = parse_saved_run(*text, fmt::format("the pytest-benchmark report of {}", interpreter.id));
      } else if (ran->exit_code == 1 && !failures.empty()) {
        // pytest-benchmark writes nothing when no benchmark succeeded: every test failed, which the
        // failures below record per test.
        saved = SavedRun{};
      }
      if (!saved) {
        // The first process decides whether the interpreter can run the suite at all.
        if (reports[i] == 0)
          collection.fail_side(i, saved.error().message);
        else
          warnings.push_back(fmt::format("{}: process {} left no usable report ({})", interpreter.id,
                                         round + 1, saved.error().message));
        continue;
      }
      ++reports[i];
      for (const SavedBenchmark& benchmark : saved->benchmarks)
        collection.add_process(i, round, benchmark, &*ran);
      // Tests missing from the report failed or errored (a collection error names the file); a
      // test that fails everywhere is known by its failure only.
      for (const auto& failure : failures)
        if (failure.first.find("::") != std::string::npos) collection.declare(failure.first);
      std::vector<std::pair<std::string, std::string>> missing;
      for (const Entry& entry : collection.entries()) {
        const SideData& side = entry.sides[i];
        if (!side.executions.empty() && side.executions.back() == round) continue;
        if (std::string reason = failure_of(failures, entry.fullname); !reason.empty())
          missing.emplace_back(entry.fullname, reason);
      }
      for (const auto& [fullname, reason] : missing)
        collection.add_failure(i, fullname, reason);
    }
    if (run::interrupted()) break;
    // An interpreter that cannot run the suite leaves nothing to compare: stop.
    bool any_failed = false;
    for (std::size_t s = 0; s < ids.size(); ++s)
      any_failed = any_failed || collection.side_failed(s);
    if (any_failed) {
      stop = "cannot-run";
      break;
    }
    if (round + 1 < config.min_runs) continue;
    if (std::string reason = stop_reason(collection.results(), config); !reason.empty()) {
      stop = reason;
      break;
    }
    if (elapsed() + elapsed() / (round + 1) > config.time_budget_s) {
      stop = "time-budget";
      break;
    }
  }
  if (run::interrupted()) stop = "interrupted";

  if (collection.entries().empty()) {
    std::string reasons;
    for (std::size_t s = 0; s < ids.size(); ++s)
      if (collection.side_failed(s))
        reasons += fmt::format("{}{}: {}", reasons.empty() ? "" : "; ", ids[s], collection.side_problem(s));
    if (stop == "interrupted") return core::Error{"interrupted before any pytest-benchmark process finished"};
    return core::Error{"no pytest-benchmark test ran: " +
                       (reasons.empty() ? std::string("no benchmark in the reports") : reasons)};
  }
  SuiteResult suite;
  suite.source = "run";
  // Processes per interpreter that left a report (an interrupted round counts what finished).
  suite.executions = reports.empty() ? 0 : *std::max_element(reports.begin(), reports.end());
  suite.stopped_because = stop;
  suite.total_s = elapsed();
  for (std::size_t s = 0; s < ids.size(); ++s) {
    const run::Interpreter& interpreter = config.interpreters[s];
    suite.interpreters.push_back(
        {ids[s], interpreter.executable.empty() ? interpreter.path.string() : interpreter.executable,
         s < config.environments.size() ? config.environments[s] : ""});
  }
  suite.benchmarks = collection.results();
  suite.details = collection.details();
  double load_end = load_average();
  for (BenchmarkResult& result : suite.benchmarks) {
    result.stopped_because = stop;
    result.total_s = suite.total_s;
    result.load_average_start = load_start;
    result.load_average_end = load_end;
    result.cpus = online_cpus();
    for (std::string& warning : noise_warnings(result))
      result.warnings.push_back(std::move(warning));
  }
  suite.warnings = warnings;
  for (std::string& warning : lift_common_warnings(suite.benchmarks))
    suite.warnings.push_back(std::move(warning));
  suite.summary = summarise_by_execution(suite.benchmarks, collection.executions());
  return suite;
}

}  // namespace pypyready::bench::pytest_benchmark
