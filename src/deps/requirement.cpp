#include "deps/requirement.h"

#include <fmt/format.h>

#include <cctype>

#include "deps/name.h"

namespace pypyready::deps {
namespace {

bool name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
}

core::Error fail(std::string_view text, std::size_t pos, std::string_view expected) {
  std::string found = pos < text.size() ? fmt::format("'{}'", text.substr(pos, 12)) : "the end";
  return core::Error{fmt::format("invalid requirement '{}' at character {}: expected {}, found {}", text,
                                 pos + 1, expected, found)};
}

}  // namespace

core::Result<Requirement> Requirement::parse(std::string_view raw) {
  std::string_view text = raw;
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
    text.remove_suffix(1);
  std::size_t pos = 0;
  auto skip = [&] {
    while (pos < text.size() && std::isspace(static_cast<unsigned char>(text[pos])))
      ++pos;
  };
  skip();
  Requirement req;
  std::size_t start = pos;
  while (pos < text.size() && name_char(text[pos]))
    ++pos;
  req.name = std::string(text.substr(start, pos - start));
  if (!is_valid_name(req.name)) {
    return fail(text, start, "a distribution name (letters, digits, and . - _ inside)");
  }
  req.key = normalize_name(req.name);
  skip();

  if (pos < text.size() && text[pos] == '[') {
    ++pos;
    while (true) {
      skip();
      if (pos < text.size() && text[pos] == ']' && req.extras.empty()) break;
      std::size_t extra_start = pos;
      while (pos < text.size() && name_char(text[pos]))
        ++pos;
      std::string_view extra = text.substr(extra_start, pos - extra_start);
      if (!is_valid_name(extra)) return fail(text, extra_start, "an extra name");
      req.extras.push_back(normalize_name(extra));
      skip();
      if (pos < text.size() && text[pos] == ',') {
        ++pos;
        continue;
      }
      break;
    }
    if (pos >= text.size() || text[pos] != ']') return fail(text, pos, "',' or ']' after an extra");
    ++pos;
    skip();
  }

  std::size_t marker_start = std::string_view::npos;
  if (pos < text.size() && text[pos] == '@') {
    ++pos;
    skip();
    std::size_t url_start = pos;
    while (pos < text.size() && !std::isspace(static_cast<unsigned char>(text[pos])))
      ++pos;
    req.url = std::string(text.substr(url_start, pos - url_start));
    if (req.url.empty()) return fail(text, url_start, "a URL after '@'");
    // A `;` glued to the URL belongs to the URL; the marker needs whitespace before it.
    skip();
    if (pos < text.size()) {
      if (text[pos] != ';')
        return fail(text, pos, "';' and a marker after the URL (with a space before ';')");
      marker_start = pos + 1;
    }
  } else {
    std::size_t semicolon = text.find(';', pos);
    std::string_view spec =
        text.substr(pos, semicolon == std::string_view::npos ? std::string_view::npos : semicolon - pos);
    while (!spec.empty() && std::isspace(static_cast<unsigned char>(spec.back())))
      spec.remove_suffix(1);
    // The old `name (>=1.0)` form from METADATA files.
    if (!spec.empty() && spec.front() == '(') {
      if (spec.back() != ')') return fail(text, pos + spec.size(), "')' closing the version specifiers");
      spec = spec.substr(1, spec.size() - 2);
    }
    if (!spec.empty()) {
      auto set = SpecifierSet::parse(spec);
      if (!set) return core::Error{fmt::format("invalid requirement '{}': {}", text, set.error().message)};
      req.specifiers = std::move(*set);
    }
    if (semicolon != std::string_view::npos) marker_start = semicolon + 1;
  }

  if (marker_start != std::string_view::npos) {
    auto marker = Marker::parse(text.substr(marker_start));
    if (!marker)
      return core::Error{fmt::format("invalid requirement '{}': {}", text, marker.error().message)};
    req.marker = std::move(*marker);
  }
  return req;
}

bool Requirement::applies(const MarkerEnvironment& env, const std::set<std::string>& requested) const {
  return !marker || marker->evaluate(env, requested);
}

std::string Requirement::to_string() const {
  std::string out = name;
  if (!extras.empty()) {
    out += "[";
    for (std::size_t i = 0; i < extras.size(); ++i)
      out += (i ? "," : "") + extras[i];
    out += "]";
  }
  if (!url.empty()) out += " @ " + url;
  out += specifiers.to_string();
  if (marker) out += (url.empty() ? "; " : " ; ") + marker->text();
  return out;
}

}  // namespace pypyready::deps
