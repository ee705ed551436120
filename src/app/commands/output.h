#pragma once

#include <string>
#include <string_view>

namespace pypyready::app {

/// Where every command's report goes: `path` written atomically (never half a file), or stdout
/// when `path` is empty. On failure prints "pypyready COMMAND: why" to stderr and returns false,
/// which commands answer with ExitCode::kUsageError.
bool emit_report(std::string_view command, const std::string& path, const std::string& text);

}  // namespace pypyready::app
