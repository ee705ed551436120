#pragma once
// pip requirements and constraints files: `-r`/`-c` includes (relative to the including file,
// with cycle detection), `-e`, direct URLs and paths, `--hash`, markers, extras, line
// continuations, `${VAR}` expansion, comments and global option lines.

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "deps/declaration.h"

namespace pypyready::deps {

/// Reads a whole file; the default reads the disk, tests pass an in-memory map.
using FileLoader = std::function<core::Result<std::string>(const std::filesystem::path&)>;
/// Looks up an environment variable for `${VAR}` expansion.
using EnvLookup = std::function<std::optional<std::string>(std::string_view)>;

/// The loader that reads from disk.
FileLoader disk_loader();
/// The lookup that reads the process environment.
EnvLookup process_environment();

/// Reads `path` and everything it includes. `constraint` marks a file reached through `-c`.
Declarations read_requirements_file(const std::filesystem::path& path, const FileLoader& load,
                                    const EnvLookup& env, bool constraint = false);

}  // namespace pypyready::deps
