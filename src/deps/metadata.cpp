#include "deps/metadata.h"

#include "core/text.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace pypyready::deps {
namespace {

using core::trim;

template <typename Fn>
void for_each_line(std::string_view text, Fn fn) {
  std::size_t start = 0;
  int number = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    std::string_view line =
        text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    ++number;
    if (!fn(line, number)) return;
    if (end == std::string_view::npos) return;
    start = end + 1;
  }
}

}  // namespace

std::string MetadataFields::get(const std::string& name) const {
  auto it = fields.find(name);
  return it == fields.end() ? "" : it->second;
}

std::vector<std::string> MetadataFields::all(const std::string& name) const {
  std::vector<std::string> out;
  auto [begin, end] = fields.equal_range(name);
  for (auto it = begin; it != end; ++it)
    out.push_back(it->second);
  return out;
}

MetadataFields parse_metadata(std::string_view text) {
  MetadataFields out;
  std::string key, value;
  auto flush = [&] {
    if (!key.empty()) out.fields.emplace(key, std::string(trim(value)));
    key.clear();
    value.clear();
  };
  for_each_line(text, [&](std::string_view line, int) {
    if (line.empty()) return false;  // the body (description) starts here
    if (std::isspace(static_cast<unsigned char>(line.front()))) {
      value += " " + std::string(trim(line));
      return true;
    }
    flush();
    std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) return true;
    key = std::string(trim(line.substr(0, colon)));
    std::transform(key.begin(), key.end(), key.begin(), [](unsigned char c) { return std::tolower(c); });
    value = std::string(line.substr(colon + 1));
    return true;
  });
  flush();
  return out;
}

std::vector<std::pair<std::string, int>> requires_txt_to_pep508(std::string_view text) {
  std::vector<std::pair<std::string, int>> out;
  std::string condition;
  for_each_line(text, [&](std::string_view raw, int number) {
    std::string_view line = trim(raw);
    if (line.empty() || line.front() == '#') return true;
    if (line.front() == '[' && line.back() == ']') {
      std::string_view section = line.substr(1, line.size() - 2);
      std::size_t colon = section.find(':');
      std::string_view extra = trim(section.substr(0, colon));
      std::string_view marker =
          colon == std::string_view::npos ? std::string_view() : trim(section.substr(colon + 1));
      condition.clear();
      if (!extra.empty()) condition = fmt::format("extra == '{}'", extra);
      if (!marker.empty())
        condition =
            condition.empty() ? fmt::format("({})", marker) : fmt::format("{} and ({})", condition, marker);
      return true;
    }
    std::string requirement(line);
    if (!condition.empty()) {
      std::size_t semicolon = requirement.find(';');
      requirement = semicolon == std::string::npos
                        ? fmt::format("{}; {}", requirement, condition)
                        : fmt::format("{}; ({}) and {}", requirement.substr(0, semicolon),
                                      trim(std::string_view(requirement).substr(semicolon + 1)), condition);
    }
    out.emplace_back(std::move(requirement), number);
    return true;
  });
  return out;
}

WheelInfo parse_wheel_file(std::string_view text) {
  WheelInfo info;
  MetadataFields fields = parse_metadata(text);
  info.tags = fields.all("tag");
  std::string purelib = fields.get("root-is-purelib");
  info.root_is_purelib = purelib.empty() || purelib == "true";
  return info;
}

std::vector<std::string> parse_record(std::string_view text) {
  std::vector<std::string> out;
  for_each_line(text, [&](std::string_view line, int) {
    if (line.empty()) return true;
    std::string path;
    if (line.front() == '"') {
      for (std::size_t i = 1; i < line.size(); ++i) {
        if (line[i] == '"') {
          if (i + 1 < line.size() && line[i + 1] == '"') {
            path.push_back('"');
            ++i;
            continue;
          }
          break;
        }
        path.push_back(line[i]);
      }
    } else {
      path = std::string(line.substr(0, line.find(',')));
    }
    out.push_back(std::move(path));
    return true;
  });
  return out;
}

}  // namespace pypyready::deps
