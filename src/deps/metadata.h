#pragma once
// Installed-distribution metadata files: METADATA / PKG-INFO (RFC 822 style headers), egg-info
// requires.txt (sections `[extra]`, `[extra:marker]`, `[:marker]`), WHEEL and RECORD.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "deps/declaration.h"

namespace pypyready::deps {

/// Header fields of a METADATA or PKG-INFO file; repeated fields keep every value in order.
struct MetadataFields {
  std::multimap<std::string, std::string> fields;  ///< field names lower-cased

  /// The first value of `name`, or "".
  std::string get(const std::string& name) const;
  /// Every value of `name`.
  std::vector<std::string> all(const std::string& name) const;
};

/// Parses the header part of METADATA/PKG-INFO (continuation lines start with whitespace).
MetadataFields parse_metadata(std::string_view text);

/// Turns egg-info requires.txt into PEP 508 strings (section markers folded into each line).
std::vector<std::pair<std::string, int>> requires_txt_to_pep508(std::string_view text);

/// The `Tag:` values and Root-Is-Purelib of a WHEEL file.
struct WheelInfo {
  std::vector<std::string> tags;
  bool root_is_purelib = true;
};
/// Parses a WHEEL file.
WheelInfo parse_wheel_file(std::string_view text);

/// The paths listed in a RECORD file (first CSV column, quotes handled).
std::vector<std::string> parse_record(std::string_view text);

}  // namespace pypyready::deps
