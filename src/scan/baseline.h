#pragma once
// `pypyready scan --baseline FILE`: gradual adoption. The first run records today's findings in
// FILE; later runs report only findings that are not in it. A finding is recognised by its rule,
// its file (relative to the baseline's folder, so the scan may start anywhere) and the text of
// its line with whitespace runs collapsed — not by line number, so code added above a known
// finding does not make it new. Identical lines with the same finding are counted: a third copy
// of a known pattern is new.

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "scan/checker.h"

namespace pypyready::scan {

/// The line text as the fingerprint sees it: trimmed, every run of spaces and tabs one space.
std::string normalize_line(std::string_view line);

/// Rule, path and normalized line, joined by NUL bytes (which none of them contain).
std::string fingerprint(std::string_view code, std::string_view path, std::string_view line_text);

/// The findings of a baseline file, by fingerprint, with how many times each occurs.
struct Baseline {
  std::map<std::string, int> counts;
};

/// FILE's text -> Baseline; an error names the file and what was expected.
core::Result<Baseline> parse_baseline(std::string_view text, const std::string& source);

/// The baseline file for these results: JSON, sorted, one entry per fingerprint with a count.
/// Paths are written relative to `base_dir` (the baseline file's folder).
std::string baseline_text(const std::vector<FileResult>& files, const std::filesystem::path& base_dir);

/// What filtering did.
struct BaselineFilter {
  std::size_t known = 0;  ///< findings removed because the baseline has them
  std::size_t gone = 0;   ///< baseline entries no current finding matched (fixed since)
};

/// Removes the findings the baseline already has from `files`.
BaselineFilter remove_known(std::vector<FileResult>& files, const Baseline& baseline,
                            const std::filesystem::path& base_dir);

}  // namespace pypyready::scan
