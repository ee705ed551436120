#include "scan/config.h"

#include <toml++/toml.h>

#include <algorithm>
#include <array>

#include "core/file_io.h"

namespace pypyready::scan {
namespace {

constexpr std::array<std::string_view, 11> kKnownKeys{
    "select", "ignore", "per-file-ignores", "exclude",       "target-pypy", "python", "pypy",
    "bench",  "test",   "decide",           "extend-exclude"};

core::Result<std::vector<std::string>> string_list(const toml::node& node, std::string_view key,
                                                   const std::filesystem::path& file) {
  std::vector<std::string> out;
  const toml::array* array = node.as_array();
  if (array == nullptr) {
    return core::Error{file.string() + ": `" + std::string(key) + "` must be a list of strings"};
  }
  for (const toml::node& element : *array) {
    std::optional<std::string> value = element.value<std::string>();
    if (!value) return core::Error{file.string() + ": `" + std::string(key) + "` must be a list of strings"};
    out.push_back(*value);
  }
  return out;
}

}  // namespace

core::Result<ScanConfig> parse_config(std::string_view text, const std::filesystem::path& file,
                                      bool in_pyproject) {
  toml::table root;
  try {
    // toml++ is built with exceptions here: a parse error is an expected failure, so it
    // becomes an Error value at once.
    root = toml::parse(text, file.string());
  } catch (const toml::parse_error& error) {
    return core::Error{file.string() + ":" + std::to_string(error.source().begin.line) +
                       ": invalid TOML: " + std::string(error.description())};
  }
  const toml::table* table = &root;
  if (in_pyproject) {
    table = root["tool"]["pypyready"].as_table();
    if (table == nullptr) return core::Error{file.string() + ": no [tool.pypyready] table"};
  }
  ScanConfig config;
  config.file = file;
  for (const auto& [key, value] : *table) {
    std::string_view name = key.str();
    if (std::find(kKnownKeys.begin(), kKnownKeys.end(), name) == kKnownKeys.end()) {
      return core::Error{file.string() + ": unknown key `" + std::string(name) + "` in " +
                         (in_pyproject ? "[tool.pypyready]" : "the configuration") +
                         " (expected select, ignore, per-file-ignores, exclude, target-pypy, ...)"};
    }
    if (name == "select" || name == "ignore" || name == "exclude" || name == "extend-exclude") {
      core::Result<std::vector<std::string>> list = string_list(value, name, file);
      if (!list) return list.error();
      auto& target = name == "select" ? config.select : name == "ignore" ? config.ignore : config.exclude;
      target.insert(target.end(), list->begin(), list->end());
    } else if (name == "target-pypy") {
      std::optional<std::string> version = value.value<std::string>();
      if (!version) return core::Error{file.string() + ": `target-pypy` must be a string such as \"3.10\""};
      config.target_pypy = *version;
    } else if (name == "per-file-ignores") {
      const toml::table* patterns = value.as_table();
      if (patterns == nullptr) {
        return core::Error{file.string() + ": `per-file-ignores` must be a table of glob = [codes]"};
      }
      for (const auto& [pattern, codes] : *patterns) {
        core::Result<std::vector<std::string>> list = string_list(codes, "per-file-ignores", file);
        if (!list) return list.error();
        config.per_file_ignores.push_back({std::string(pattern.str()), *list});
      }
    }
  }
  return config;
}

core::Result<ScanConfig> find_config(const std::filesystem::path& start) {
  std::error_code error;
  std::filesystem::path folder = std::filesystem::absolute(start, error);
  if (!std::filesystem::is_directory(folder, error)) folder = folder.parent_path();
  for (; !folder.empty(); folder = folder.parent_path()) {
    std::filesystem::path own = folder / "pypyready.toml";
    if (std::filesystem::is_regular_file(own, error)) {
      core::Result<std::string> text = core::read_file(own);
      if (!text) return text.error();
      return parse_config(*text, own, false);
    }
    std::filesystem::path pyproject = folder / "pyproject.toml";
    if (std::filesystem::is_regular_file(pyproject, error)) {
      core::Result<std::string> text = core::read_file(pyproject);
      if (!text) return text.error();
      if (text->find("[tool.pypyready") != std::string::npos) return parse_config(*text, pyproject, true);
    }
    if (folder == folder.root_path()) break;
  }
  return ScanConfig{};
}

}  // namespace pypyready::scan
