#include "app/check/project_config.h"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <set>

#include "core/file_io.h"
#include "scan/config.h"

namespace pypyready::app::check {
namespace {

struct TableReader {
  const toml::table& table;
  std::string where;  ///< "pyproject.toml: [tool.pypyready.bench]"

  core::Status only_keys(const std::set<std::string>& known) const {
    for (const auto& [key, value] : table) {
      if (!known.count(std::string(key.str()))) {
        std::string expected;
        for (const std::string& name : known)
          expected += (expected.empty() ? "" : ", ") + name;
        return core::Error{fmt::format("{}, line {}: unknown key `{}` (expected {})", where,
                                       value.source().begin.line, key.str(), expected)};
      }
    }
    return core::ok_status();
  }

  core::Result<std::optional<double>> number(const char* key) const {
    const toml::node* node = table.get(key);
    if (node == nullptr) return std::optional<double>();
    if (auto value = node->value<double>()) return std::optional<double>(*value);
    return core::Error{fmt::format("{}: `{}` must be a number", where, key)};
  }

  core::Result<std::vector<std::string>> strings(const char* key) const {
    std::vector<std::string> out;
    const toml::node* node = table.get(key);
    if (node == nullptr) return out;
    const toml::array* array = node->as_array();
    if (array == nullptr) return core::Error{fmt::format("{}: `{}` must be a list of strings", where, key)};
    for (const toml::node& item : *array) {
      auto value = item.value<std::string>();
      if (!value) return core::Error{fmt::format("{}: `{}` must be a list of strings", where, key)};
      out.push_back(*value);
    }
    return out;
  }

  core::Result<std::string> string(const char* key) const {
    const toml::node* node = table.get(key);
    if (node == nullptr) return std::string();
    if (auto value = node->value<std::string>()) return *value;
    return core::Error{fmt::format("{}: `{}` must be a string", where, key)};
  }
};

core::Status read_service(const TableReader& reader, ServiceSettings& service) {
  if (auto known = reader.only_keys(
          {"command", "urls", "requests", "ready-url", "duration-s", "connections", "starts", "rate"});
      !known)
    return known;
  for (auto [key, target] : {std::pair{"command", &service.command}, std::pair{"requests", &service.requests},
                             std::pair{"ready-url", &service.ready_url}}) {
    auto value = reader.string(key);
    if (!value) return value.error();
    *target = *value;
  }
  auto urls = reader.strings("urls");
  if (!urls) return urls.error();
  service.urls = *urls;
  for (auto [key, target] :
       {std::pair{"duration-s", &service.duration_s}, std::pair{"connections", &service.connections},
        std::pair{"starts", &service.starts}, std::pair{"rate", &service.rate}}) {
    auto value = reader.number(key);
    if (!value) return value.error();
    *target = *value;
  }
  if (service.command.empty()) return core::Error{fmt::format("{}: `command` is required", reader.where)};
  if (service.urls.empty() && service.requests.empty())
    return core::Error{fmt::format("{}: give `urls` or a `requests` file", reader.where)};
  return core::ok_status();
}

core::Status read_bench(const TableReader& reader, BenchSettings& bench) {
  if (auto known = reader.only_keys({"targets", "time-budget", "ci-width", "service"}); !known) return known;
  if (const toml::node* service = reader.table.get("service")) {
    if (!service->is_table()) return core::Error{fmt::format("{}: `service` must be a table", reader.where)};
    bench.service.emplace();
    auto read = read_service(
        TableReader{*service->as_table(), reader.where.substr(0, reader.where.size() - 1) + ".service]"},
        *bench.service);
    if (!read) return read;
  }
  auto targets = reader.strings("targets");
  if (!targets) return targets.error();
  bench.targets = *targets;
  const toml::node* budget = reader.table.get("time-budget");
  if (budget != nullptr && budget->is_string()) {
    // "30s", "2m" as on the command line.
    std::string text = *budget->value<std::string>();
    char* end = nullptr;
    double value = std::strtod(text.c_str(), &end);
    std::string unit(end);
    double scale = unit.empty() || unit == "s" ? 1 : unit == "m" ? 60 : unit == "h" ? 3600 : -1;
    if (end == text.c_str() || scale < 0 || value <= 0)
      return core::Error{fmt::format("{}: `time-budget` {}: expected seconds or a number with s, m or h",
                                     reader.where, text)};
    bench.time_budget_s = value * scale;
  } else {
    auto seconds = reader.number("time-budget");
    if (!seconds) return seconds.error();
    bench.time_budget_s = *seconds;
  }
  auto ci = reader.number("ci-width");
  if (!ci) return ci.error();
  bench.ci_width = *ci;
  return core::ok_status();
}

core::Status read_decide(const TableReader& reader, decide::DecideConfig& config) {
  if (auto known = reader.only_keys({"expected-lifetime-s", "memory-budget-mib", "min-speedup"}); !known)
    return known;
  auto lifetime = reader.number("expected-lifetime-s");
  if (!lifetime) return lifetime.error();
  auto budget = reader.number("memory-budget-mib");
  if (!budget) return budget.error();
  auto speedup = reader.number("min-speedup");
  if (!speedup) return speedup.error();
  config.expected_lifetime_s = *lifetime;
  config.memory_budget_mib = *budget;
  if (*speedup) config.min_speedup = **speedup;
  for (auto [key, value] : {std::pair{"expected-lifetime-s", *lifetime},
                            std::pair{"memory-budget-mib", *budget}, std::pair{"min-speedup", *speedup}}) {
    if (value && *value <= 0) return core::Error{fmt::format("{}: `{}` must be positive", reader.where, key)};
  }
  return core::ok_status();
}

}  // namespace

core::Result<ProjectConfig> parse_project_config(std::string_view text, const std::filesystem::path& file,
                                                 bool in_pyproject) {
  // The scan keys (and unknown top-level keys) are checked by scan's own reader.
  if (auto scan_keys = scan::parse_config(text, file, in_pyproject); !scan_keys) return scan_keys.error();
  toml::table root;
  try {
    root = toml::parse(text, file.string());
  } catch (const toml::parse_error& error) {
    return core::Error{fmt::format("{}:{}: invalid TOML: {}", file.string(), error.source().begin.line,
                                   error.description())};
  }
  ProjectConfig config;
  config.file = file;
  const toml::table* table = in_pyproject ? root["tool"]["pypyready"].as_table() : &root;
  if (in_pyproject) {
    if (auto name = root["project"]["name"].value<std::string>()) config.project_name = *name;
  }
  if (table == nullptr) return config;
  std::string prefix = in_pyproject ? "tool.pypyready" : "";
  auto where = [&](const char* sub) {
    std::string name = prefix.empty() ? sub : prefix + (*sub ? "." + std::string(sub) : "");
    return fmt::format("{}: [{}]", file.string(), name);
  };
  TableReader top{*table, where("")};
  for (auto [key, target] : {std::pair{"python", &config.python}, std::pair{"pypy", &config.pypy},
                             std::pair{"target-pypy", &config.target_pypy}}) {
    auto value = top.string(key);
    if (!value) return value.error();
    *target = *value;
  }
  if (const toml::node* bench = table->get("bench")) {
    if (!bench->is_table()) return core::Error{where("") + ": `bench` must be a table"};
    if (auto read = read_bench(TableReader{*bench->as_table(), where("bench")}, config.bench); !read)
      return read.error();
  }
  if (const toml::node* decide = table->get("decide")) {
    if (!decide->is_table()) return core::Error{where("") + ": `decide` must be a table"};
    if (auto read = read_decide(TableReader{*decide->as_table(), where("decide")}, config.decide); !read)
      return read.error();
  }
  config.test_declared = table->get("test") != nullptr;
  return config;
}

core::Result<ProjectConfig> load_project_config(const std::filesystem::path& project) {
  auto found = scan::find_config(project);
  if (!found) return found.error();
  if (!found->file) return ProjectConfig{};
  auto text = core::read_file(*found->file);
  if (!text) return text.error();
  return parse_project_config(*text, *found->file, found->file->filename() == "pyproject.toml");
}

}  // namespace pypyready::app::check
