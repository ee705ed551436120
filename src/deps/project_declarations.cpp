#include "deps/project_declarations.h"

#include <algorithm>
#include <set>

#include "deps/lock_files.h"
#include "deps/pipfile.h"
#include "deps/pyproject.h"
#include "deps/setup_cfg.h"

namespace pypyready::deps {
namespace {

bool is_requirements_name(const std::string& name) {
  bool txt = name.size() > 4 && name.substr(name.size() - 4) == ".txt";
  return txt && (name.rfind("requirements", 0) == 0 || name.rfind("constraints", 0) == 0);
}

}  // namespace

Declarations read_declaration_file(const std::filesystem::path& path, const FileLoader& load,
                                   const EnvLookup& env) {
  const std::string name = path.filename().string();
  const std::string label = path.string();
  if (name.size() > 4 && name.substr(name.size() - 4) == ".txt") {
    return read_requirements_file(path, load, env, name.rfind("constraints", 0) == 0);
  }
  auto text = load(path);
  if (!text) {
    Declarations out;
    out.errors.push_back(text.error());
    return out;
  }
  if (name == "pyproject.toml") return read_pyproject(*text, label);
  if (name == "setup.cfg") return read_setup_cfg(*text, label);
  if (name == "Pipfile") return read_pipfile(*text, label);
  if (name == "Pipfile.lock") return read_pipfile_lock(*text, label);
  if (name == "poetry.lock") return read_lock_file(*text, label, LockFormat::kPoetry);
  if (name == "uv.lock") return read_lock_file(*text, label, LockFormat::kUv);
  if (name == "pdm.lock") return read_lock_file(*text, label, LockFormat::kPdm);
  Declarations out;
  out.add_error(
      label, 0,
      "unknown declaration file; expected requirements*.txt, constraints*.txt, pyproject.toml, setup.cfg, "
      "Pipfile, Pipfile.lock, poetry.lock, uv.lock or pdm.lock");
  return out;
}

std::vector<std::filesystem::path> find_declaration_files(const std::filesystem::path& root) {
  static const std::set<std::string> kFixedNames = {"pyproject.toml", "setup.cfg", "Pipfile", "Pipfile.lock",
                                                    "poetry.lock",    "uv.lock",   "pdm.lock"};
  std::vector<std::filesystem::path> found;
  std::error_code ec;
  for (const auto& dir : {root, root / "requirements"}) {
    if (!std::filesystem::is_directory(dir, ec)) continue;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
      if (!entry.is_regular_file(ec)) continue;
      std::string name = entry.path().filename().string();
      bool in_subfolder = dir != root;
      if ((in_subfolder && name.size() > 4 && name.substr(name.size() - 4) == ".txt") ||
          (!in_subfolder && (kFixedNames.count(name) || is_requirements_name(name)))) {
        found.push_back(entry.path());
      }
    }
  }
  std::sort(found.begin(), found.end());
  return found;
}

Declarations read_project(const std::filesystem::path& root, const FileLoader& load, const EnvLookup& env) {
  Declarations all;
  std::set<std::string> seen;
  for (const auto& path : find_declaration_files(root)) {
    if (seen.count(path.lexically_normal().string())) continue;
    Declarations one = read_declaration_file(path, load, env);
    for (const auto& file : one.files)
      seen.insert(std::filesystem::path(file).lexically_normal().string());
    all.append(std::move(one));
  }
  return all;
}

}  // namespace pypyready::deps
