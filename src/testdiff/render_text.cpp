#include <fmt/format.h>

#include "testdiff/render.h"

namespace pypyready::testdiff {
namespace {

// Traceback lines longer than this are cut in the terminal view (JSON keeps them whole).
constexpr std::size_t kLineWidth = 160;
// Lines of "other differences" shown before the rest are only counted.
constexpr int kOtherLines = 30;

std::string counts_line(const SuiteRun& run) {
  int passed = 0, failed = 0, errors = 0, skipped = 0, xfail = 0, timeouts = 0, crashes = 0;
  double duration = 0;
  for (const TestCase& test : run.tests) {
    duration += test.duration_s;
    switch (test.outcome) {
      case Outcome::kPassed:
        ++passed;
        break;
      case Outcome::kFailed:
        ++failed;
        break;
      case Outcome::kError:
        ++errors;
        break;
      case Outcome::kSkipped:
        ++skipped;
        break;
      case Outcome::kXfail:
        ++xfail;
        break;
      case Outcome::kTimeout:
        ++timeouts;
        break;
      case Outcome::kCrashed:
        ++crashes;
        break;
      case Outcome::kMissing:
        break;
    }
  }
  std::string line = fmt::format("{} passed, {} failed, {} errors, {} skipped, {} xfail", passed, failed,
                                 errors, skipped, xfail);
  if (timeouts > 0) line += fmt::format(", {} timed out", timeouts);
  if (crashes > 0) line += fmt::format(", {} crashed the interpreter", crashes);
  return line + fmt::format(" · tests {:.2f} s, run {:.2f} s", duration, run.wall_s);
}

std::string outcome_pair(const TestResults& results, const TestRow& row) {
  auto name = [&](const std::string& id) {
    auto found = row.outcomes.find(id);
    return std::string(found == row.outcomes.end() ? "missing" : outcome_name(found->second));
  };
  return fmt::format("{} / {}", name(results.baseline_id), name(results.candidate_id));
}

}  // namespace

std::string render_text(const TestResults& results) {
  std::string out;
  for (const SuiteRun& run : results.runs) {
    out += fmt::format("{:<14} {}\n", run.interpreter_id, run.environment.empty() ? "-" : run.environment);
    if (run.ran) out += fmt::format("{:<14} {}\n", "", counts_line(run));
    if (!run.problem.empty()) out += fmt::format("{:<14} problem: {}\n", "", run.problem);
    if (!run.how_to_fix.empty()) out += fmt::format("{:<14} fix: {}\n", "", run.how_to_fix);
    for (const std::string& test : run.crashed_tests)
      out += fmt::format("{:<14} crashed ({}) in {}; the other tests ran on\n", "", run.crash, test);
  }
  if (results.could_not_run())
    return out + "the suite could not run under both interpreters: no comparison\n";

  int flaky = 0;
  for (const TestRow& row : results.tests)
    flaky += row.flaky ? 1 : 0;
  out += fmt::format(
      "\n{} tests: {} pass on both, {} fail only on PyPy ({} flaky), {} fail on both, {} pass only on PyPy\n",
      results.tests.size(), results.count(kBothPass), results.count(kPypyOnlyFailure), flaky,
      results.count(kBothFailure), results.count(kPypyOnlyPass));
  double base_total = 0, cand_total = 0;
  for (const TestRow& row : results.tests) {
    if (!row.duration_ratio) continue;
    base_total += row.durations_s.at(results.baseline_id);
    cand_total += row.durations_s.at(results.candidate_id);
  }
  if (base_total > 0) {
    out += fmt::format("duration on PyPy / CPython over tests run on both: {:.2f}x ({:.2f} s vs {:.2f} s)\n",
                       cand_total / base_total, cand_total, base_total);
    // Test suites are many short calls: PyPy's JIT has little time to warm up in them.
    if (cand_total > base_total)
      out += "  slower on PyPy: expected for a test suite (short calls, JIT warmup), not a regression\n";
  }

  for (const TestRow& row : results.tests) {
    if (row.group != kPypyOnlyFailure) continue;
    out += fmt::format("\nFAILS ONLY ON PYPY{} {}\n", row.flaky ? " (flaky)" : "", row.id);
    out += fmt::format("  outcome  {} (CPython / PyPy)\n", outcome_pair(results, row));
    if (!row.message.empty())
      out += fmt::format("  message  {}\n", row.message.substr(0, row.message.find('\n')));
    for (const std::string& line : row.traceback)
      out += fmt::format("    | {}\n", line.size() > kLineWidth ? line.substr(0, kLineWidth) + "..." : line);
    if (!row.reruns.empty()) {
      out += "  reruns  ";
      for (const auto& [id, tally] : row.reruns)
        out += fmt::format(" {}: {} passed, {} failed;", id, tally.passed, tally.failed);
      int counted = 0;
      for (const auto& [id, tally] : row.reruns)
        counted += tally.passed + tally.failed;
      out += row.flaky      ? " flaky\n"
             : counted == 0 ? " no rerun produced a result\n"
                            : " fails every time on PyPy only\n";
    }
    if (row.likely_cause)
      out += fmt::format("  likely cause  [{}] {}\n", row.likely_cause->kind, row.likely_cause->explanation);
    for (const RelatedFinding& finding : row.related_findings)
      out += fmt::format("  finding  {}:{}: {} {} in {} ({}{})\n", finding.path, finding.line, finding.code,
                         finding.name, finding.function.empty() ? "<module>" : finding.function, finding.link,
                         finding.matches_cause ? ", matches the cause" : "");
  }
  bool header = false;
  int shown = 0, hidden = 0;
  for (const TestRow& row : results.tests) {
    if (row.group != kBothFailure && row.group != kPypyOnlyPass && row.group != kOtherGroup) continue;
    // "other" holds same-outcome rows (skipped on both) too; only differences are worth a line.
    std::string pair = outcome_pair(results, row);
    if (row.group == kOtherGroup && row.outcomes.size() == 2 &&
        row.outcomes.begin()->second == std::next(row.outcomes.begin())->second)
      continue;
    if (!header) out += "\nother differences and pre-existing failures:\n";
    header = true;
    if (shown >= kOtherLines) {
      ++hidden;
      continue;
    }
    ++shown;
    out += fmt::format("  {:<16} {}  ({})\n", row.group, row.id, pair);
  }
  if (hidden > 0) out += fmt::format("  ... and {} more (--format json lists every test)\n", hidden);
  for (const std::string& warning : results.warnings)
    out += "warning: " + warning + "\n";
  return out;
}

}  // namespace pypyready::testdiff
