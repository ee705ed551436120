#pragma once
// Linking a failing test to scan findings: those in a function its traceback passes through,
// and those in the functions and classes the test function names (the code under test).

#include <filesystem>
#include <optional>
#include <string_view>
#include <vector>

#include "testdiff/code_index.h"
#include "testdiff/failure_text.h"
#include "testdiff/test_results.h"

namespace pypyready::testdiff {

/// Findings related to the failure of test `test_id`; `cause` marks the ones whose rule it
/// names. Frame paths may be absolute or relative to `root`.
std::vector<RelatedFinding> link_findings(const CodeIndex& index, std::string_view test_id,
                                          const std::vector<Frame>& frames, const std::filesystem::path& root,
                                          const std::optional<LikelyCause>& cause);

}  // namespace pypyready::testdiff
