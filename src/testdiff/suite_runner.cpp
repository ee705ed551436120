#include "testdiff/suite_runner.h"

#include <fmt/format.h>
#include <stdlib.h>

#include <cstdlib>

#include "core/file_io.h"
#include "run/probes.h"
#include "run/process.h"
#include "testdiff/event_stream.h"
#include "testdiff/junit.h"
#include "testdiff/test_command.h"

namespace pypyready::testdiff {
namespace {

// A private folder for the report and the plugin, removed when the run is done.
class TemporaryFolder {
 public:
  TemporaryFolder() {
    std::string pattern = (std::filesystem::temp_directory_path() / "pypyready-test-XXXXXX").string();
    if (::mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~TemporaryFolder() {
    std::error_code error;
    if (!path_.empty()) std::filesystem::remove_all(path_, error);
  }
  TemporaryFolder(const TemporaryFolder&) = delete;
  TemporaryFolder& operator=(const TemporaryFolder&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

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
  TemporaryFolder folder;
  if (folder.path().empty()) {
    result.problem = "cannot create a temporary folder for the JUnit report";
    return result;
  }
  std::filesystem::path junit_path = folder.path() / "junit.xml";
  auto plugin = core::write_file_atomically(folder.path() / (std::string(kEventPluginModule) + ".py"),
                                            std::string(run::probe_source("pytest_events")));
  if (!plugin) {
    result.problem = plugin.error().message;
    return result;
  }
  std::vector<std::string> words = *argv;
  if (!spec.only_ids.empty()) words = rerun_command(words, spec.only_ids, spec.root);
  result.command = words;

  run::ProcessSpec process;
  process.argv = with_reporting(words, junit_path);
  process.working_directory = spec.root;
  process.timeout = spec.timeout;
  process.data_pipe = true;
  process.environment = {{"PYTHONPATH", python_path_with(folder.path())}, {"PYTHONDONTWRITEBYTECODE", "1"}};
  auto ended = run::run_process(process);
  if (!ended) {
    result.problem = ended.error().message;
    return result;
  }
  result.exit_code = ended->exit_code;
  result.wall_s = ended->wall_s;
  result.timed_out = ended->timed_out;
  result.interrupted = ended->interrupted;

  std::error_code error;
  if (std::filesystem::exists(junit_path, error)) {
    auto text = core::read_file(junit_path);
    auto tests = text ? parse_junit(*text, "JUnit report of " + interpreter.id)
                      : core::Result<std::vector<TestCase>>(text.error());
    if (!tests) {
      result.problem = tests.error().message;
      return result;
    }
    result.tests = std::move(*tests);
    result.ran = true;
    return result;
  }
  // No report: pytest was killed before writing it, or never started.
  EventSummary events = read_events(ended->data);
  if (result.timed_out || result.interrupted) {
    result.tests = std::move(events.finished);
    result.unfinished_test = events.running;
    if (!events.running.empty()) {
      TestCase hung;
      hung.id = events.running;
      hung.outcome = result.timed_out ? Outcome::kTimeout : Outcome::kMissing;
      hung.message = result.timed_out ? fmt::format("still running when the run timed out after {:.0f} s",
                                                    spec.timeout.count() / 1000.0)
                                      : "interrupted";
      result.tests.push_back(std::move(hung));
    }
    result.ran = true;
    result.problem = result.timed_out
                         ? fmt::format("timed out after {:.0f} s{}", spec.timeout.count() / 1000.0,
                                       events.running.empty() ? "" : " in " + events.running)
                         : "interrupted; the tests that finished are kept";
    return result;
  }
  std::string output = ended->err + "\n" + ended->out;
  std::string module = missing_module(output);
  if (!module.empty() && events.finished.empty()) {
    result.problem =
        module == "pytest"
            ? fmt::format("pytest is not installed for {} ({})", interpreter.id, result.environment)
            : fmt::format("pytest cannot start under {}: it needs the module `{}`", interpreter.id, module);
    result.how_to_fix = how_to_install(module, interpreter);
    return result;
  }
  result.problem = fmt::format("the test command ended with {} and wrote no JUnit report:\n{}",
                               run::describe_ending(*ended, process), last_lines(output, 8));
  return result;
}

}  // namespace pypyready::testdiff
