#include "deps/pipfile.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <algorithm>

#include "deps/name.h"
#include "deps/toml_reader.h"

namespace pypyready::deps {
namespace {

// Pipfile values: "*", "==1.2", or a table with version/extras/markers and marker-named keys.
std::string pipfile_requirement(const std::string& name, const toml::node& value, std::string& location) {
  std::string spec, extras, marker;
  if (auto text = value.value<std::string>()) {
    spec = *text;
  } else if (const toml::table* table = value.as_table()) {
    spec = table->get("version") ? table->get("version")->value_or(std::string()) : "";
    if (const toml::array* list = table->get_as<toml::array>("extras")) {
      for (const toml::node& extra : *list)
        extras += (extras.empty() ? "" : ",") + extra.value_or(std::string());
    }
    marker = table->get("markers") ? table->get("markers")->value_or(std::string()) : "";
    for (const char* variable : {"sys_platform", "platform_machine", "platform_python_implementation",
                                 "os_name", "python_version", "implementation_name"}) {
      if (auto clause = table->get(variable)) {
        std::string condition = fmt::format("{} {}", variable, clause->value_or(std::string()));
        marker = marker.empty() ? condition : fmt::format("({}) and {}", marker, condition);
      }
    }
    for (const char* source : {"git", "path", "file"}) {
      if (auto where = table->get(source)) location = where->value_or(std::string());
    }
  }
  if (spec == "*") spec.clear();
  std::string out = name;
  if (!extras.empty()) out += "[" + extras + "]";
  out += spec;
  if (!marker.empty()) out += "; " + marker;
  return out;
}

}  // namespace

Declarations read_pipfile(std::string_view text, const std::string& file) {
  Declarations out;
  out.files.push_back(file);
  auto parsed = parse_toml(text, file);
  if (!parsed) {
    out.errors.push_back(parsed.error());
    return out;
  }
  for (const auto& [category, body] : *parsed) {
    if (category.str() == "source" || category.str() == "requires" || category.str() == "pipenv" ||
        category.str() == "scripts") {
      continue;
    }
    const toml::table* table = body.as_table();
    if (table == nullptr) continue;
    std::string group = category.str() == "packages"       ? ""
                        : category.str() == "dev-packages" ? "dev"
                                                           : "group:" + std::string(category.str());
    for (const auto& [name, value] : *table) {
      std::string location;
      std::string requirement = pipfile_requirement(std::string(name.str()), value, location);
      int line = static_cast<int>(name.source().begin.line);
      if (!location.empty()) {
        Declared item;
        item.key = normalize_name(name.str());
        item.raw = fmt::format("{} ({})", name.str(), location);
        item.file = file;
        item.line = line;
        item.group = group;
        out.items.push_back(std::move(item));
        continue;
      }
      add_pep508(out, requirement, file, line, group);
    }
  }
  return out;
}

Declarations read_pipfile_lock(std::string_view text, const std::string& file) {
  Declarations out;
  out.files.push_back(file);
  nlohmann::json root;
  try {
    root = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& error) {
    // The parser reports a byte offset; turn it into the line a person looks for.
    std::size_t offset = std::min<std::size_t>(error.byte, text.size());
    int line = 1 + static_cast<int>(
                       std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
    out.add_error(file, line, "invalid JSON; expected a Pipfile.lock object with _meta, default and develop");
    return out;
  }
  if (!root.is_object()) {
    out.add_error(file, 1, "expected a Pipfile.lock object with _meta, default and develop");
    return out;
  }
  for (const auto& [category, body] : root.items()) {
    if (category == "_meta" || !body.is_object()) continue;
    std::string group = category == "default" ? "" : category == "develop" ? "dev" : "group:" + category;
    for (const auto& [name, entry] : body.items()) {
      std::string version = entry.value("version", "");
      std::string marker = entry.value("markers", "");
      std::string requirement = name + version + (marker.empty() ? "" : "; " + marker);
      std::size_t before = out.items.size();
      if (entry.contains("git") || entry.contains("path") || entry.contains("file")) {
        Declared item;
        item.key = normalize_name(name);
        item.raw = name;
        item.file = file;
        item.group = group;
        out.items.push_back(std::move(item));
      } else {
        add_pep508(out, requirement, file, 0, group);
      }
      if (out.items.size() > before) {
        Declared& item = out.items.back();
        if (version.substr(0, 2) == "==") item.locked_version = version.substr(2);
        if (entry.contains("hashes") && entry["hashes"].is_array()) {
          for (const auto& hash : entry["hashes"]) {
            if (hash.is_string()) item.hashes.push_back(hash.get<std::string>());
          }
        }
      }
    }
  }
  return out;
}

}  // namespace pypyready::deps
