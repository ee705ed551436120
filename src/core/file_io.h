#pragma once
// Reading whole files and writing results atomically (temporary file, then rename), so an
// interrupted run never leaves a half-written file behind.

#include <filesystem>
#include <string>
#include <string_view>

#include "core/result.h"

namespace pypyready::core {

/// Reads a whole file as bytes. The error names the path and the system's reason.
Result<std::string> read_file(const std::filesystem::path& path);

/// Writes `content` to `path` through a temporary file in the same folder and a rename.
Status write_file_atomically(const std::filesystem::path& path, std::string_view content);

}  // namespace pypyready::core
