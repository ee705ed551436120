#pragma once
// pipenv's Pipfile (TOML: [packages], [dev-packages], custom categories) and Pipfile.lock (JSON:
// default / develop with pinned versions, hashes and markers).

#include <string>
#include <string_view>

#include "deps/declaration.h"

namespace pypyready::deps {

/// Reads a Pipfile; `file` names it in entries and errors.
Declarations read_pipfile(std::string_view text, const std::string& file);
/// Reads a Pipfile.lock; JSON has no usable line numbers, so entries carry line 0.
Declarations read_pipfile_lock(std::string_view text, const std::string& file);

}  // namespace pypyready::deps
