#pragma once
// The event plugin's JSON lines (probes/pytest_events.py): the results of the tests that finished
// before a run was killed, and the test that was running then.

#include <string>
#include <string_view>
#include <vector>

#include "testdiff/test_results.h"

namespace pypyready::testdiff {

/// What the events of one run say.
struct EventSummary {
  std::vector<TestCase> finished;  ///< tests whose teardown (or collection error) was reported
  std::string running;             ///< started but not finished; empty when none
  std::string rootdir;             ///< pytest's rootdir, which node ids are relative to
};

/// Reads the lines; malformed lines (a run killed mid-write) are skipped.
EventSummary read_events(std::string_view lines);

}  // namespace pypyready::testdiff
