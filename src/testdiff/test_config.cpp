#include "testdiff/test_config.h"

#include <fmt/format.h>
#include <toml++/toml.h>

#include "core/file_io.h"
#include "scan/config.h"

namespace pypyready::testdiff {

core::Result<TestConfig> parse_test_config(std::string_view text, const std::filesystem::path& file,
                                           bool in_pyproject) {
  toml::table root;
  try {
    root = toml::parse(text, file.string());
  } catch (const toml::parse_error& error) {
    return core::Error{fmt::format("{}:{}: invalid TOML: {}", file.string(), error.source().begin.line,
                                   error.description())};
  }
  const toml::node_view<toml::node> table_node =
      in_pyproject ? root["tool"]["pypyready"]["test"] : root["test"];
  std::string table_name = in_pyproject ? "[tool.pypyready.test]" : "[test]";
  TestConfig config;
  if (!table_node) return config;
  const toml::table* table = table_node.as_table();
  if (table == nullptr) return core::Error{fmt::format("{}: {} must be a table", file.string(), table_name)};
  for (const auto& [key, value] : *table) {
    std::string_view name = key.str();
    int line = static_cast<int>(value.source().begin.line);
    if (name == "command") {
      const toml::array* words = value.as_array();
      bool valid = words != nullptr && !words->empty();
      if (valid) {
        for (const toml::node& word : *words) {
          std::optional<std::string> text_value = word.value<std::string>();
          valid = valid && text_value.has_value();
          if (text_value) config.command.push_back(*text_value);
        }
      }
      if (!valid)
        return core::Error{
            fmt::format("{}:{}: `command` in {} must be a non-empty list of strings, e.g. "
                        "[\"python\", \"-m\", \"pytest\", \"tests\"]",
                        file.string(), line, table_name)};
    } else if (name == "timeout") {
      std::optional<double> seconds = value.value<double>();
      if (!seconds || *seconds <= 0)
        return core::Error{fmt::format("{}:{}: `timeout` in {} must be a positive number of seconds",
                                       file.string(), line, table_name)};
      config.timeout_s = *seconds;
    } else if (name == "reruns") {
      std::optional<std::int64_t> count = value.value<std::int64_t>();
      if (!count || *count < 0 || *count > 100)
        return core::Error{fmt::format("{}:{}: `reruns` in {} must be an integer from 0 to 100",
                                       file.string(), line, table_name)};
      config.reruns = static_cast<int>(*count);
    } else {
      return core::Error{fmt::format("{}:{}: unknown key `{}` in {} (expected command, timeout, reruns)",
                                     file.string(), line, name, table_name)};
    }
  }
  return config;
}

core::Result<TestConfig> find_test_config(const std::filesystem::path& project) {
  core::Result<scan::ScanConfig> found = scan::find_config(project);
  if (!found) return found.error();
  if (!found->file) return TestConfig{};
  core::Result<std::string> text = core::read_file(*found->file);
  if (!text) return text.error();
  return parse_test_config(*text, *found->file, found->file->filename() == "pyproject.toml");
}

}  // namespace pypyready::testdiff
