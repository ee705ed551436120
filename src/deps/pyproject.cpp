#include "deps/pyproject.h"

#include "core/text.h"

#include <fmt/format.h>

#include <cctype>

#include "deps/name.h"
#include "deps/toml_reader.h"
#include "deps/version.h"

namespace pypyready::deps {
namespace {

using core::trim;

void read_string_array(Declarations& out, const toml::node* node, const std::string& file,
                       const std::string& group, std::string_view what) {
  if (node == nullptr) return;
  const toml::array* array = node->as_array();
  if (array == nullptr) {
    out.add_error(file, line_of(*node), fmt::format("{} expected an array of PEP 508 strings", what));
    return;
  }
  for (const toml::node& element : *array) {
    if (auto text = element.value<std::string>()) {
      add_pep508(out, *text, file, line_of(element), group);
    } else if (element.is_table() && element.as_table()->contains("include-group")) {
      continue;  // PEP 735 group include: the included group is read on its own
    } else {
      out.add_error(file, line_of(element), fmt::format("{} expected a PEP 508 string", what));
    }
  }
}

// Caret and tilde: the upper bound bumps the first non-zero (caret) or the minor (tilde) part.
core::Result<std::string> caret_or_tilde(std::string_view body, bool caret) {
  auto version = Version::parse(body);
  if (!version) return version.error();
  std::vector<std::int64_t> upper = version->release;
  std::size_t bump = 0;
  if (caret) {
    while (bump + 1 < upper.size() && upper[bump] == 0)
      ++bump;
  } else {
    bump = upper.size() >= 2 ? 1 : 0;
  }
  upper.resize(bump + 1);
  upper[bump] += 1;
  std::string bound;
  for (std::size_t i = 0; i < upper.size(); ++i)
    bound += fmt::format("{}{}", i ? "." : "", upper[i]);
  return fmt::format(">={},<{}", trim(body), bound);
}

void read_poetry_table(Declarations& out, const toml::table& table, const std::string& file,
                       const std::string& group) {
  for (const auto& [key, value] : table) {
    std::string name(key.str());
    if (name == "python") continue;  // the interpreter constraint, not a package
    int line = static_cast<int>(key.source().begin.line);
    std::string spec;
    std::string extras;
    std::string marker;
    std::string url;
    auto add_one = [&](const toml::node& node) {
      spec.clear();
      extras.clear();
      marker.clear();
      url.clear();
      if (auto text = node.value<std::string>()) {
        spec = *text;
      } else if (const toml::table* details = node.as_table()) {
        spec = details->get("version") ? details->get("version")->value_or(std::string()) : "";
        if (const toml::array* list = details->get_as<toml::array>("extras")) {
          for (const toml::node& extra : *list)
            extras += (extras.empty() ? "" : ",") + extra.value_or(std::string());
        }
        marker = details->get("markers") ? details->get("markers")->value_or(std::string()) : "";
        if (auto python = details->get("python")) {
          auto converted = poetry_to_pep440(python->value_or(std::string()));
          if (converted && !converted->empty()) {
            // Each python clause becomes a python_version marker clause.
            std::string clauses;
            std::string_view rest = *converted;
            while (!rest.empty()) {
              std::size_t comma = rest.find(',');
              std::string_view clause = rest.substr(0, comma);
              std::size_t op_end = clause.find_first_of("0123456789");
              clauses += fmt::format("{}python_version {} '{}'", clauses.empty() ? "" : " and ",
                                     clause.substr(0, op_end), clause.substr(op_end));
              rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
            }
            marker = marker.empty() ? clauses : fmt::format("({}) and ({})", marker, clauses);
          }
        }
        for (const char* source : {"git", "url", "path"}) {
          if (auto location = details->get(source)) url = location->value_or(std::string());
        }
      } else {
        out.add_error(file, line, fmt::format("dependency '{}' expected a version string or a table", name));
        return;
      }
      std::string pep508 = name;
      if (!extras.empty()) pep508 += "[" + extras + "]";
      if (!url.empty()) {
        Declared item;
        item.key = normalize_name(name);
        item.raw = fmt::format("{} ({})", name, url);
        item.file = file;
        item.line = line;
        item.group = group;
        out.items.push_back(std::move(item));
        return;
      }
      auto converted = poetry_to_pep440(spec);
      if (!converted) {
        out.add_error(file, line, fmt::format("dependency '{}': {}", name, converted.error().message));
        return;
      }
      pep508 += *converted;
      if (!marker.empty()) pep508 += "; " + marker;
      add_pep508(out, pep508, file, line, group);
    };
    if (const toml::array* alternatives = value.as_array()) {
      for (const toml::node& alternative : *alternatives)
        add_one(alternative);
    } else {
      add_one(value);
    }
  }
}

}  // namespace

core::Result<std::string> poetry_to_pep440(std::string_view raw) {
  std::string_view constraint = trim(raw);
  if (constraint.empty() || constraint == "*") return std::string();
  if (constraint.find("||") != std::string_view::npos) {
    return core::Error{fmt::format("constraint '{}' uses '||', expected a single range", constraint)};
  }
  std::string out;
  std::string_view rest = constraint;
  while (!rest.empty()) {
    std::size_t comma = rest.find(',');
    std::string_view clause = trim(rest.substr(0, comma));
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    std::string piece;
    if (clause.empty()) continue;
    if (clause.front() == '^' || (clause.front() == '~' && clause.substr(0, 2) != "~=")) {
      auto converted = caret_or_tilde(trim(clause.substr(1)), clause.front() == '^');
      if (!converted) return converted.error();
      piece = *converted;
    } else if (std::isdigit(static_cast<unsigned char>(clause.front()))) {
      piece = "==" + std::string(clause);
    } else {
      piece = std::string(clause);
    }
    out += (out.empty() ? "" : ",") + piece;
  }
  return out;
}

Declarations read_pyproject(std::string_view text, const std::string& file) {
  Declarations out;
  out.files.push_back(file);
  auto parsed = parse_toml(text, file);
  if (!parsed) {
    out.errors.push_back(parsed.error());
    return out;
  }
  const toml::table& root = *parsed;
  if (const toml::table* project = root["project"].as_table()) {
    read_string_array(out, project->get("dependencies"), file, "", "[project] dependencies");
    if (const toml::table* optional = project->get_as<toml::table>("optional-dependencies")) {
      for (const auto& [extra, list] : *optional) {
        read_string_array(out, &list, file, "extra:" + normalize_name(extra.str()),
                          fmt::format("[project.optional-dependencies] {}", extra.str()));
      }
    }
  }
  if (const toml::table* build = root["build-system"].as_table()) {
    read_string_array(out, build->get("requires"), file, "build", "[build-system] requires");
  }
  if (const toml::table* groups = root["dependency-groups"].as_table()) {
    for (const auto& [group, list] : *groups) {
      read_string_array(out, &list, file, "group:" + normalize_name(group.str()),
                        fmt::format("[dependency-groups] {}", group.str()));
    }
  }
  if (const toml::table* poetry = root["tool"]["poetry"].as_table()) {
    if (const toml::table* deps = poetry->get_as<toml::table>("dependencies"))
      read_poetry_table(out, *deps, file, "");
    if (const toml::table* dev = poetry->get_as<toml::table>("dev-dependencies"))
      read_poetry_table(out, *dev, file, "dev");
    if (const toml::table* groups = poetry->get_as<toml::table>("group")) {
      for (const auto& [group, body] : *groups) {
        if (const toml::table* deps =
                body.as_table() ? body.as_table()->get_as<toml::table>("dependencies") : nullptr) {
          read_poetry_table(out, *deps, file, "group:" + normalize_name(group.str()));
        }
      }
    }
  }
  return out;
}

}  // namespace pypyready::deps
