#pragma once
// Finds and reads every declaration file of a project folder (requirements*.txt, requirements/*.txt,
// constraints*.txt, pyproject.toml, setup.cfg, Pipfile, Pipfile.lock, poetry.lock, uv.lock,
// pdm.lock). A malformed file adds an error and the others are still read.

#include <filesystem>
#include <vector>

#include "deps/declaration.h"
#include "deps/requirements_txt.h"

namespace pypyready::deps {

/// Reads one declaration file, choosing the reader from its name.
Declarations read_declaration_file(const std::filesystem::path& path, const FileLoader& load,
                                   const EnvLookup& env);

/// The declaration files found directly in `root` (and in `root/requirements/`), sorted.
std::vector<std::filesystem::path> find_declaration_files(const std::filesystem::path& root);

/// Reads every declaration file of `root`. Files already reached through `-r`/`-c` are not
/// read a second time.
Declarations read_project(const std::filesystem::path& root, const FileLoader& load, const EnvLookup& env);

}  // namespace pypyready::deps
