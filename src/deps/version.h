#pragma once
// PEP 440 versions: parsing with the spec's normalisations (case, `alpha`/`c`/`pre` spellings,
// `-_.` separators, implicit numbers, a leading `v`) and the total order of the spec.

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace pypyready::deps {

/// One PEP 440 version.
struct Version {
  /// Pre-release phase, ordered as the spec orders them.
  enum class Phase { kAlpha, kBeta, kCandidate };

  std::int64_t epoch = 0;
  std::vector<std::int64_t> release;
  std::optional<Phase> pre_phase;
  std::int64_t pre_number = 0;
  std::optional<std::int64_t> post;
  std::optional<std::int64_t> dev;
  std::vector<std::string> local;  ///< segments after `+`, lower-cased

  /// Parses `text`; the error says which part of the text is not PEP 440.
  static core::Result<Version> parse(std::string_view text);

  /// True for alpha/beta/rc and dev releases (they are excluded unless asked for).
  bool is_prerelease() const { return pre_phase.has_value() || dev.has_value(); }
  /// The normalised spelling (`1.0rc1.post2.dev3+local`).
  std::string to_string() const;
  /// The same version without its local part.
  Version public_version() const;
};

/// Orders two versions as PEP 440 does (release compared with trailing zeros ignored).
std::strong_ordering operator<=>(const Version& a, const Version& b);
/// Equality in the PEP 440 order (`1.0 == 1.0.0`).
bool operator==(const Version& a, const Version& b);

}  // namespace pypyready::deps
