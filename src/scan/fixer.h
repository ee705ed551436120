#pragma once
// Fixing one file: apply the safe fixes, re-check, repeat until no fix is left; keep the file's
// byte order mark and line ends; never produce text that does not parse.

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "scan/checker.h"

namespace pypyready::scan {

/// What --fix and --diff do with the files.
enum class FixMode : std::uint8_t { kOff, kApply, kDiff };

/// The outcome of fixing one file's bytes in memory.
struct FixedSource {
  FileResult result;  ///< the check of the final bytes (the findings that remain)
  std::string bytes;  ///< the fixed bytes (the original ones when nothing changed)
  std::size_t fixed = 0;
  std::optional<std::string> error;  ///< why the fixes were not applied (then `bytes` is original)
};

/// Passes of fix-then-check at most; fixes that keep producing new fixes stop here.
inline constexpr int kMaxFixPasses = 10;

/// Checks `bytes` with `check` (the checker plus any per-file filtering) and applies the safe
/// fixes of its findings until none applies. `shown` names the file in errors.
FixedSource fix_source(std::string_view shown, std::string bytes,
                       const std::function<FileResult(std::string_view bytes)>& check);

}  // namespace pypyready::scan
