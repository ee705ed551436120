#pragma once
// The data of `pypyready test`: each interpreter's run of the suite, and the per-test matrix that
// compares them. Plain values; run_suites() fills them and the renderers read them.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pypyready::testdiff {

/// How one test ended under one interpreter.
enum class Outcome { kPassed, kFailed, kError, kSkipped, kXfail, kTimeout, kCrashed, kMissing };

/// "passed", "failed", "error", "skipped", "xfail", "timeout", "crashed", "missing".
std::string_view outcome_name(Outcome outcome);

/// Failed, errored, hung or crashed the interpreter: the outcomes that make a test count against an
/// interpreter.
bool is_failing(Outcome outcome);

/// One test case of one run, as JUnit XML (or the event stream of a killed run) described it.
struct TestCase {
  std::string id;  ///< pytest node id relative to the project root: "tests/test_x.py::TestK::test_p[1]"
  Outcome outcome = Outcome::kPassed;
  double duration_s = 0;
  std::string message;  ///< the failure's one-line message (JUnit `message`)
  std::string details;  ///< the failure's full text: source lines, `E` lines, locations
};

/// One run of the suite under one interpreter.
struct SuiteRun {
  std::string interpreter_id;  ///< "cpython-3.11"
  std::string implementation;  ///< "cpython" or "pypy"
  std::string executable;
  std::string environment;  ///< "project .venv (/p/.venv)" or "system interpreter"
  std::vector<std::string> command;
  bool ran = false;             ///< a result exists (possibly partial)
  std::string problem;          ///< why it could not run, or what went wrong; empty when fine
  std::string how_to_fix;       ///< e.g. the apt-get line that provides pytest
  bool timed_out = false;       ///< killed by the per-run timeout
  bool interrupted = false;     ///< killed by Ctrl-C
  std::string unfinished_test;  ///< the test that was running when the run was killed
  /// Tests that were running when the interpreter died (a crash, not our timeout); after each
  /// crash the suite continued without the tests already done.
  std::vector<std::string> crashed_tests;
  std::string crash;  ///< how it died: "killed by signal 11 (Segmentation fault)"
  int exit_code = -1;
  double wall_s = 0;
  std::vector<TestCase> tests;
};

/// What reruns of one test showed under one interpreter.
struct RerunTally {
  int passed = 0;
  int failed = 0;
};

/// A scan finding linked to a failure.
struct RelatedFinding {
  std::string code;  ///< "PPY006"
  std::string name;  ///< "cleanup-relies-on-del"
  std::string path;  ///< relative to the project root
  int line = 0;
  std::string function;  ///< enclosing function ("Report.__del__"), empty at module level
  std::string message;
  std::string link;            ///< "traceback" (same file and function) or "called-by-test"
  bool matches_cause = false;  ///< the rule is one the likely cause points at
};

/// Why a test likely fails on PyPy.
struct LikelyCause {
  std::string kind;         ///< "cpython-only-api", "gc-timing", "ordering", ...
  std::string explanation;  ///< one sentence for people
};

/// Groups of the outcome matrix.
inline constexpr std::string_view kPypyOnlyFailure = "pypy-only-failure";
inline constexpr std::string_view kBothFailure = "fail-both";
inline constexpr std::string_view kPypyOnlyPass = "pypy-only-pass";
inline constexpr std::string_view kBothPass = "pass-both";
inline constexpr std::string_view kOtherGroup = "other";

/// One test across interpreters.
struct TestRow {
  std::string id;
  std::map<std::string, Outcome> outcomes;    ///< by interpreter id
  std::map<std::string, double> durations_s;  ///< by interpreter id
  std::optional<double> duration_ratio;       ///< candidate / baseline, when both ran it
  std::string group;
  std::string message;                 ///< the candidate's failure message
  std::vector<std::string> traceback;  ///< its relevant lines
  std::optional<LikelyCause> likely_cause;
  std::vector<RelatedFinding> related_findings;
  std::map<std::string, RerunTally> reruns;  ///< by interpreter id
  bool flaky = false;
};

/// Everything `pypyready test` learned.
struct TestResults {
  std::string project_root;
  std::string baseline_id;     ///< the CPython run's interpreter id
  std::string candidate_id;    ///< the PyPy run's interpreter id
  std::vector<SuiteRun> runs;  ///< baseline first
  std::vector<TestRow> tests;  ///< sorted: PyPy-only failures first, then by id
  int reruns_per_test = 0;
  std::vector<std::string> warnings;  ///< scan problems, rerun problems

  /// True when no run produced a result.
  bool could_not_run() const;
  /// Number of tests in `group`.
  int count(std::string_view group) const;
  /// PyPy-only failures that reruns did not show to be flaky.
  int real_pypy_only_failures() const;
};

}  // namespace pypyready::testdiff
