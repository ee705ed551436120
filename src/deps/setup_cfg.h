#pragma once
// setup.cfg: `[options] install_requires / setup_requires / tests_require` and
// `[options.extras_require]`, in setuptools' INI dialect (indented continuation lines).

#include <string>
#include <string_view>

#include "deps/declaration.h"

namespace pypyready::deps {

/// Reads setup.cfg text; `file` names it in entries and errors.
Declarations read_setup_cfg(std::string_view text, const std::string& file);

}  // namespace pypyready::deps
