#pragma once
// Why a test probably fails on PyPy, read from its failure text, and which scan rules point at
// the same cause (so a failure can be linked to findings in the code it ran).

#include <optional>
#include <string_view>
#include <vector>

#include "testdiff/test_results.h"

namespace pypyready::testdiff {

/// The cause suggested by the message and traceback text, if any pattern is recognised:
/// EMFILE, ResourceWarning, CPython-only attributes (getrefcount), getsizeof's TypeError,
/// recursion depth, `__del__`/weakref timing (also: a test that does `del x` before the failing
/// line), an empty file read back, and assertion diffs
/// whose sides hold the same items in another order.
std::optional<LikelyCause> classify_failure(std::string_view message, std::string_view details);

/// The cause of a test during which the interpreter died; `how` is "killed by signal 11 (...)".
LikelyCause crash_cause(std::string_view how);

/// The cause that a finding of rule `code` stands for, when the text named none.
std::optional<LikelyCause> cause_of_rule(std::string_view code);

/// Whether findings of rule `code` explain failures of this cause kind.
bool rule_matches_cause(std::string_view code, std::string_view kind);

/// Whether an `assert LEFT == RIGHT` line compares two sequences, sets or dicts written with
/// the same items in a different order ("assert [1, 2] == [2, 1]").
bool differs_only_in_order(std::string_view assertion);

}  // namespace pypyready::testdiff
