#include "testdiff/suite_runner.h"

#include <fmt/format.h>
#include <stdlib.h>

#include <algorithm>
#include <cstdlib>
#include <iterator>

#include "core/file_io.h"
#include "core/temporary_folder.h"
#include "run/probes.h"
#include "run/process.h"
#include "testdiff/event_stream.h"
#include "testdiff/junit.h"
#include "testdiff/test_command.h"

namespace pypyready::testdiff {
namespace {

std::string python_path_with(const std::filesystem::path& folder) {
  const char* existing = std::getenv("PYTHONPATH");
  std::string value = folder.string();
  if (existing != nullptr && *existing != '\0') value += ":" + std::string(existing);
  return value;
}

std::string last_lines(const std::string& text, std::size_t count) {
  std::size_t at = text.size();
  for (std::size_t seen = 0; at > 0 && seen <= count;) {
    --at;
    if (text[at] == '\n') ++seen;
  }
  std::string tail = text.substr(at == 0 ? 0 : at + 1);
  while (!tail.empty() && tail.back() == '\n')
    tail.pop_back();
  return tail;
}

// Node ids are relative to pytest's rootdir; when that is a folder below the project root (an ini
// file next to the tests given as arguments), they are made relative to the project root, which is
// where reruns run and where scan findings are indexed.
void relative_to_project(SuiteRun& run, const std::string& rootdir, const std::filesystem::path& root) {
  if (rootdir.empty()) return;
  std::error_code error;
  std::filesystem::path base = std::filesystem::weakly_canonical(root, error);
  std::filesystem::path tests = std::filesystem::weakly_canonical(rootdir, error);
  std::string prefix = tests.lexically_relative(base).generic_string();
  if (error || prefix.empty() || prefix == "." || prefix.starts_with("..")) return;
  auto prefixed = [&](const std::string& id) { return prefix + "/" + id; };
  for (TestCase& test : run.tests)
    test.id = prefixed(test.id);
  for (std::string& id : run.crashed_tests)
    id = prefixed(id);
  if (!run.unfinished_test.empty()) run.unfinished_test = prefixed(run.unfinished_test);
}

// A crashed interpreter is restarted on the tests not yet done at most this many times.
constexpr int kMaxCrashes = 5;

// The test that was running when the interpreter died (by a signal, or an exit without the
// report while a test was running), with how it died.
TestCase crashed_case(const std::string& id, const std::string& how) {
  TestCase crashed;
  crashed.id = id;
  crashed.outcome = Outcome::kCrashed;
  crashed.message = "the interpreter crashed (" + how + ") while this test ran";
  crashed.details = crashed.message;
  return crashed;
}

}  // namespace

SuiteRun run_suite(const SuiteSpec& spec) {
  const run::Interpreter& interpreter = spec.interpreter.interpreter;
  SuiteRun result;
  result.interpreter_id = interpreter.id;
  result.implementation = interpreter.implementation;
  result.executable = interpreter.executable;
  result.environment = spec.interpreter.environment;

  auto argv = command_for(spec.command, interpreter.path.string());
  if (!argv) {
    result.problem = argv.error().message;
    return result;
  }
  core::TemporaryFolder folder("pypyready-test");
  if (folder.path().empty()) {
    result.problem = "cannot create a temporary folder for the JUnit report";
    return result;
  }
  std::filesystem::path junit_path = folder.path() / "junit.xml";
  std::filesystem::path skip_path = folder.path() / "skip.txt";
  auto plugin = core::write_file_atomically(folder.path() / (std::string(kEventPluginModule) + ".py"),
                                            std::string(run::probe_source("pytest_events")));
  if (!plugin) {
    result.problem = plugin.error().message;
    return result;
  }
  std::vector<std::string> words = *argv;
  if (!spec.only_ids.empty()) words = rerun_command(words, spec.only_ids, spec.root);
  if (spec.collect_only) words.emplace_back("--collect-only");
  result.command = words;

  run::ProcessSpec process;
  process.argv = with_reporting(words, junit_path);
  process.working_directory = spec.root;
  process.timeout = spec.timeout;
  process.data_pipe = true;
  process.environment = {{"PYTHONPATH", python_path_with(folder.path())},
                         {"PYTHONDONTWRITEBYTECODE", "1"},
                         {"PYPYREADY_SKIP_FILE", skip_path.string()}};
  auto started = std::chrono::steady_clock::now();
  // Tests already reported by runs that crashed; each continuation leaves them (and the test
  // that crashed) out.
  std::vector<TestCase> done;
  std::string rootdir;
  for (int crashes = 0;; ++crashes) {
    std::error_code error;
    std::filesystem::remove(junit_path, error);
    if (!done.empty()) {
      std::string skip;
      for (const TestCase& test : done)
        skip += test.id + "\n";
      if (auto written = core::write_file_atomically(skip_path, skip); !written) {
        result.problem = written.error().message;
        break;
      }
    }
    if (!done.empty()) {
      // The timeout is for the whole run, continuations included.
      auto used =
          std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
      if (spec.timeout.count() > 0)
        process.timeout = std::max(spec.timeout - used, std::chrono::milliseconds(1000));
    }
    auto ended = run::run_process(process);
    if (!ended) {
      result.problem = ended.error().message;
      break;
    }
    result.exit_code = ended->exit_code;
    result.wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    result.timed_out = ended->timed_out;
    result.interrupted = ended->interrupted;
    EventSummary events = read_events(ended->data);
    if (rootdir.empty()) rootdir = events.rootdir;

    if (std::filesystem::exists(junit_path, error)) {
      auto text = core::read_file(junit_path);
      auto tests = text ? parse_junit(*text, "JUnit report of " + interpreter.id)
                        : core::Result<std::vector<TestCase>>(text.error());
      if (!tests) {
        result.problem = tests.error().message;
        break;
      }
      done.insert(done.end(), std::make_move_iterator(tests->begin()), std::make_move_iterator(tests->end()));
      result.ran = true;
      break;
    }
    // No report: pytest was killed before writing it, crashed, or never started.
    if (result.timed_out || result.interrupted) {
      done.insert(done.end(), events.finished.begin(), events.finished.end());
      result.unfinished_test = events.running;
      if (!events.running.empty()) {
        TestCase hung;
        hung.id = events.running;
        hung.outcome = result.timed_out ? Outcome::kTimeout : Outcome::kMissing;
        hung.message = result.timed_out ? fmt::format("still running when the run timed out after {:.0f} s",
                                                      spec.timeout.count() / 1000.0)
                                        : "interrupted";
        done.push_back(std::move(hung));
      }
      result.ran = true;
      result.problem = result.timed_out
                           ? fmt::format("timed out after {:.0f} s{}", spec.timeout.count() / 1000.0,
                                         events.running.empty() ? "" : " in " + events.running)
                           : "interrupted; the tests that finished are kept";
      break;
    }
    if (!events.running.empty()) {
      // The interpreter died inside a test: keep what finished, name the test, go on without them.
      result.crash = run::describe_ending(*ended, process);
      result.crashed_tests.push_back(events.running);
      done.insert(done.end(), events.finished.begin(), events.finished.end());
      done.push_back(crashed_case(events.running, result.crash));
      result.ran = true;
      if (crashes + 1 < kMaxCrashes) continue;
      result.problem =
          fmt::format("the interpreter crashed {} times; the remaining tests were not run", kMaxCrashes);
      break;
    }
    std::string output = ended->err + "\n" + ended->out;
    std::string module = missing_module(output);
    if (!module.empty() && events.finished.empty() && done.empty()) {
      result.problem =
          module == "pytest"
              ? fmt::format("pytest is not installed for {} ({})", interpreter.id, result.environment)
              : fmt::format("pytest cannot start under {}: it needs the module `{}`", interpreter.id, module);
      result.how_to_fix = how_to_install(module, interpreter);
      break;
    }
    done.insert(done.end(), events.finished.begin(), events.finished.end());
    result.problem = fmt::format("the test command ended with {} and wrote no JUnit report:\n{}",
                                 run::describe_ending(*ended, process), last_lines(output, 8));
    break;
  }
  result.tests = std::move(done);
  relative_to_project(result, rootdir, spec.root);
  return result;
}

}  // namespace pypyready::testdiff
