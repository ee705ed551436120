#pragma once
// Reading pytest's JUnit XML report (either junit_family): one TestCase per <testcase>, with its
// node id rebuilt from the `file` attribute (xunit1) or the dotted `classname`.

#include <string_view>
#include <vector>

#include "core/result.h"
#include "testdiff/test_results.h"

namespace pypyready::testdiff {

/// Parses the XML text of a report; `source` names it in errors, which give line and column.
core::Result<std::vector<TestCase>> parse_junit(std::string_view xml, std::string_view source);

/// The pytest node id of a test case from its JUnit attributes. `file` may be empty (xunit2);
/// then the module path is the part of `classname` before the first capitalised component.
std::string node_id_of(std::string_view file, std::string_view classname, std::string_view name);

}  // namespace pypyready::testdiff
