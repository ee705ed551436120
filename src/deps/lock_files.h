#pragma once
// Lock files: poetry.lock, uv.lock and pdm.lock (all TOML, one [[package]] per pinned
// distribution). Their wheel file names tell, offline, whether a PyPy wheel was available.

#include <string>
#include <string_view>

#include "deps/declaration.h"

namespace pypyready::deps {

/// Which lock file format a text is in.
enum class LockFormat { kPoetry, kUv, kPdm };

/// Reads a lock file; every package becomes one entry in group "lock" with its pinned version
/// and the wheel/sdist file names it lists.
Declarations read_lock_file(std::string_view text, const std::string& file, LockFormat format);

}  // namespace pypyready::deps
