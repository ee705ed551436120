#pragma once
// pyproject.toml: PEP 621 `[project]` dependencies and optional-dependencies, `[build-system]`
// requires, PEP 735 `[dependency-groups]`, and Poetry's `[tool.poetry.*]` tables.

#include <string>
#include <string_view>

#include "core/result.h"
#include "deps/declaration.h"

namespace pypyready::deps {

/// Reads pyproject.toml text; `file` names it in entries and errors.
Declarations read_pyproject(std::string_view text, const std::string& file);

/// Turns a Poetry constraint (`^1.2`, `~1.2.3`, `*`, `1.2.3`, `>=1,<2`) into PEP 440 specifiers.
core::Result<std::string> poetry_to_pep440(std::string_view constraint);

}  // namespace pypyready::deps
