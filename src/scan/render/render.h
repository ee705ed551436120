#pragma once
// Renderers of scan results. They only format: every number comes from the ScanReport.

#include <ostream>
#include <string>
#include <vector>

#include "scan/checker.h"
#include "scan/language_level.h"

namespace pypyready::scan {

/// The result of a whole scan, files in path order.
struct ScanReport {
  std::vector<FileResult> files;
  std::vector<std::string> errors;  ///< discovery problems and unreadable files
  std::size_t files_scanned = 0;
  std::optional<LanguageLevel> language_level;  ///< set when PPY040 ran
};

/// ruff-style text grouped by file: location, code, severity, message, code frame, fix.
void render_text(const ScanReport& report, std::ostream& out);
/// `{"findings": [...], "files_scanned", "syntax_errors": [...], "errors": [...]}`.
void render_json(const ScanReport& report, std::ostream& out);
/// GitHub Actions workflow commands (::error file=...,line=...::message).
void render_github(const ScanReport& report, std::ostream& out);
/// A Markdown table per file.
void render_markdown(const ScanReport& report, std::ostream& out);
/// SARIF 2.1.0 with one run, the rules that fired, and their results.
void render_sarif(const ScanReport& report, std::ostream& out);
/// Findings per rule, most frequent first.
void render_statistics(const ScanReport& report, std::ostream& out);

}  // namespace pypyready::scan
