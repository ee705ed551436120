#include "deps/lock_files.h"

#include <fmt/format.h>

#include "deps/name.h"
#include "deps/toml_reader.h"

namespace pypyready::deps {
namespace {

std::string base_name(std::string_view path_or_url) {
  std::string_view text = path_or_url.substr(0, path_or_url.find_first_of("#?"));
  return std::string(text.substr(text.find_last_of('/') + 1));
}

void collect_artifacts(const toml::table& package, Declared& item) {
  // poetry/pdm: files = [{file = "x.whl", hash = ...}]; uv: wheels = [{url = ...}], sdist = {url = ...}.
  for (const char* key : {"files", "wheels"}) {
    if (const toml::array* list = package.get_as<toml::array>(key)) {
      for (const toml::node& entry : *list) {
        const toml::table* table = entry.as_table();
        if (table == nullptr) continue;
        for (const char* field : {"file", "url", "path", "filename"}) {
          if (auto value = table->get(field); value && value->is_string()) {
            item.artifacts.push_back(base_name(value->value_or(std::string())));
            break;
          }
        }
        if (auto hash = table->get("hash"); hash && hash->is_string())
          item.hashes.push_back(hash->value_or(std::string()));
      }
    }
  }
  if (const toml::table* sdist = package.get_as<toml::table>("sdist")) {
    if (auto url = sdist->get("url"); url && url->is_string())
      item.artifacts.push_back(base_name(url->value_or(std::string())));
  }
}

}  // namespace

Declarations read_lock_file(std::string_view text, const std::string& file, LockFormat format) {
  Declarations out;
  out.files.push_back(file);
  auto parsed = parse_toml(text, file);
  if (!parsed) {
    out.errors.push_back(parsed.error());
    return out;
  }
  const toml::array* packages = (*parsed)["package"].as_array();
  if (packages == nullptr) {
    out.add_error(file, 0, "expected [[package]] tables");
    return out;
  }
  // Poetry before lock 2.0 kept file lists in [metadata.files] keyed by name.
  const toml::table* legacy_files =
      format == LockFormat::kPoetry ? (*parsed)["metadata"]["files"].as_table() : nullptr;
  for (const toml::node& node : *packages) {
    const toml::table* package = node.as_table();
    int line = line_of(node);
    if (package == nullptr) continue;
    auto name = package->get("name") ? package->get("name")->value<std::string>() : std::nullopt;
    auto version = package->get("version") ? package->get("version")->value<std::string>() : std::nullopt;
    if (!name) {
      out.add_error(file, line, "[[package]] expected a 'name' string");
      continue;
    }
    Declared item;
    item.key = normalize_name(*name);
    item.raw = version ? fmt::format("{}=={}", *name, *version) : *name;
    item.file = file;
    item.line = line;
    item.group = "lock";
    item.locked_version = version.value_or("");
    if (auto req = Requirement::parse(item.raw)) item.requirement = std::move(*req);
    collect_artifacts(*package, item);
    if (legacy_files != nullptr) {
      if (const toml::array* list = legacy_files->get_as<toml::array>(*name)) {
        for (const toml::node& entry : *list) {
          if (const toml::table* table = entry.as_table(); table && table->get("file")) {
            item.artifacts.push_back(table->get("file")->value_or(std::string()));
          }
        }
      }
    }
    // pdm marks packages with a marker; poetry (newer) with `markers`; keep them as the requirement's marker.
    for (const char* key : {"marker", "markers"}) {
      if (auto marker = package->get(key); marker && marker->is_string() && item.requirement) {
        if (auto with_marker = Requirement::parse(item.raw + "; " + marker->value_or(std::string()))) {
          item.requirement = std::move(*with_marker);
        } else {
          out.add_error(file, line_of(*marker), with_marker.error().message);
        }
      }
    }
    out.items.push_back(std::move(item));
  }
  return out;
}

}  // namespace pypyready::deps
