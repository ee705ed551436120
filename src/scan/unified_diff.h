#pragma once
// A unified diff between two texts, line by line (Myers' O(ND) shortest edit script), in the
// format of `diff -u` so that `patch -p0` and `git apply` read it.

#include <string>
#include <string_view>

namespace pypyready::scan {

/// The diff turning `before` into `after`, labelled `label` on both the `---` and `+++` lines,
/// with `context` unchanged lines around each change; "" when the texts are equal. A last line
/// without a newline gets the "\ No newline at end of file" marker.
std::string unified_diff(std::string_view before, std::string_view after, std::string_view label,
                         int context = 3);

}  // namespace pypyready::scan
