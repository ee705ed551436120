#pragma once
// One pass of fixes over one decoded text: choose the fixes whose edits do not overlap and
// splice their edits into the text.

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "scan/finding.h"

namespace pypyready::scan {

/// The text after one pass, and which findings' fixes it applied.
struct FixPass {
  std::string text;
  std::vector<std::size_t> applied;  ///< indices into the findings, ascending
};

/// Applies the safe fixes of `findings` to `text`. Fixes are taken in order of their first edit;
/// one whose edits overlap or touch an edit already taken is left for a later pass, except that
/// an edit identical to a taken one is shared (two fixes adding the same import). A fix with
/// an edit outside the text is skipped.
FixPass apply_fixes(std::string_view text, std::span<const Finding> findings);

}  // namespace pypyready::scan
