#pragma once
// Findings as data: what a rule reports about one place in one file, with an optional fix.
// Lines and columns are 1-based; columns count Unicode code points; end_column is one past
// the last character, as ruff and SARIF print them.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scan/python_version.h"

namespace pypyready::scan {

/// How bad a finding is; ordered so that a larger value is more severe.
enum class Severity : std::uint8_t { kInfo, kWarning, kError };

/// "error", "warning" or "info".
std::string_view severity_name(Severity severity);

/// Parses "error" / "warning" / "info"; nullopt for anything else.
std::optional<Severity> parse_severity(std::string_view text);

/// A position in a file: 1-based line and column (code points) plus the byte offset in the
/// decoded text, which fixes use to edit. SARIF consumers (GitHub code scanning) count columns
/// in UTF-16 code units, where a character beyond U+FFFF takes two: `utf16_column`.
struct Location {
  std::uint32_t line = 1;
  std::uint32_t column = 1;
  std::uint32_t offset = 0;
  std::uint32_t utf16_column = 1;
};

/// One replacement of the decoded text between two locations.
struct Edit {
  Location begin;
  Location end;
  std::string content;
};

/// A fix: a description for people and the edits that make it. `--fix` applies only safe
/// fixes (same behaviour on CPython); an unsafe one is shown as a suggestion.
struct Fix {
  std::string description;
  std::vector<Edit> edits;
  bool safe = true;
};

/// What a finding about the language level records: the construct's short name and the
/// Python version that introduced it. A file reports each construct once, where it first occurs.
struct LanguageNeed {
  std::string feature;  ///< "match statement", "itertools.pairwise"
  PythonVersion version;
};

/// One finding of one rule.
struct Finding {
  std::string_view code;  ///< "PPY001"; points into the rule's static info
  std::string_view name;  ///< "write-on-unclosed-temporary-file"
  Severity severity = Severity::kWarning;
  std::string path;
  Location begin;
  Location end;
  std::string message;
  std::optional<Fix> fix;
  std::string line_text;              ///< the source line where the finding begins, for code frames
  std::optional<LanguageNeed> needs;  ///< set by rules about the language level (PPY040)
};

}  // namespace pypyready::scan
