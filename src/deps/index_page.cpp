#include "deps/index_page.h"

#include <fmt/format.h>

#include <cctype>
#include <nlohmann/json.hpp>

namespace pypyready::deps {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Decodes the entities pip's indexes use in attribute values (`&gt;=3.8`).
std::string unescape(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '&') {
      static const std::pair<std::string_view, char> kEntities[] = {
          {"&lt;", '<'}, {"&gt;", '>'}, {"&amp;", '&'}, {"&quot;", '"'}, {"&#39;", '\''}, {"&#x27;", '\''}};
      bool done = false;
      for (const auto& [entity, value] : kEntities) {
        if (text.substr(i, entity.size()) == entity) {
          out += value;
          i += entity.size() - 1;
          done = true;
          break;
        }
      }
      if (done) continue;
    }
    out += text[i];
  }
  return out;
}

struct Attributes {
  std::vector<std::pair<std::string, std::string>> items;
  const std::string* find(const std::string& name) const {
    for (const auto& [key, value] : items) {
      if (key == name) return &value;
    }
    return nullptr;
  }
};

// Reads `name="value" name='value' name=value name` up to `>`; false when the tag never closes.
bool read_attributes(std::string_view html, std::size_t& at, Attributes& out) {
  while (at < html.size()) {
    while (at < html.size() && std::isspace(static_cast<unsigned char>(html[at])))
      ++at;
    if (at >= html.size()) return false;
    if (html[at] == '>') {
      ++at;
      return true;
    }
    if (html[at] == '/') {
      ++at;
      continue;
    }
    std::size_t start = at;
    while (at < html.size() && html[at] != '=' && html[at] != '>' &&
           !std::isspace(static_cast<unsigned char>(html[at])) && html[at] != '/')
      ++at;
    std::string name = lower(html.substr(start, at - start));
    std::string value;
    if (at < html.size() && html[at] == '=') {
      ++at;
      if (at < html.size() && (html[at] == '"' || html[at] == '\'')) {
        char quote = html[at++];
        std::size_t end = html.find(quote, at);
        if (end == std::string_view::npos) return false;
        value = unescape(html.substr(at, end - at));
        at = end + 1;
      } else {
        start = at;
        while (at < html.size() && html[at] != '>' && !std::isspace(static_cast<unsigned char>(html[at])))
          ++at;
        value = unescape(html.substr(start, at - start));
      }
    }
    if (name.empty()) {
      ++at;
      continue;
    }
    out.items.emplace_back(name, value);
  }
  return false;
}

std::string filename_of(const std::string& url) {
  std::string path = url.substr(0, url.find_first_of("#?"));
  std::size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace

core::Result<std::vector<IndexFile>> parse_html_page(std::string_view html, const std::string& url) {
  std::string lowered = lower(html);
  if (lowered.find("<html") == std::string::npos && lowered.find("<a") == std::string::npos &&
      lowered.find("<!doctype") == std::string::npos) {
    return core::Error{fmt::format("{}: expected a PEP 503 HTML project page, got no HTML", url)};
  }
  std::vector<IndexFile> files;
  std::size_t at = 0;
  while ((at = lowered.find("<a", at)) != std::string::npos) {
    std::size_t tag_start = at;
    at += 2;
    if (at < lowered.size() && !std::isspace(static_cast<unsigned char>(lowered[at])) && lowered[at] != '>')
      continue;
    Attributes attributes;
    if (!read_attributes(html, at, attributes)) {
      return core::Error{fmt::format(
          "{}: expected a PEP 503 HTML project page; the anchor at byte {} never closes", url, tag_start)};
    }
    std::size_t close = lowered.find("</a>", at);
    if (close == std::string::npos) {
      return core::Error{fmt::format(
          "{}: expected a PEP 503 HTML project page; the anchor at byte {} has no </a>", url, tag_start)};
    }
    const std::string* href = attributes.find("href");
    if (href == nullptr) {
      at = close + 4;
      continue;
    }
    IndexFile file;
    file.url = *href;
    std::string text(html.substr(at, close - at));
    file.filename = filename_of(*href);
    if (file.filename.empty()) file.filename = text;
    if (const std::string* requires_python = attributes.find("data-requires-python"))
      file.requires_python = *requires_python;
    file.yanked = attributes.find("data-yanked") != nullptr;
    files.push_back(std::move(file));
    at = close + 4;
  }
  return files;
}

core::Result<std::vector<IndexFile>> parse_json_page(std::string_view json, const std::string& url) {
  nlohmann::json root = nlohmann::json::parse(json, nullptr, false);
  if (root.is_discarded() || !root.is_object()) {
    return core::Error{
        fmt::format("{}: expected a PEP 691 JSON project page, got text that is not a JSON object", url)};
  }
  auto files_it = root.find("files");
  if (files_it == root.end() || !files_it->is_array()) {
    return core::Error{fmt::format("{}: expected a PEP 691 JSON project page with a \"files\" array", url)};
  }
  std::vector<IndexFile> files;
  for (const nlohmann::json& item : *files_it) {
    if (!item.is_object() || !item.contains("filename") || !item["filename"].is_string()) {
      return core::Error{
          fmt::format("{}: expected each entry of \"files\" to have a \"filename\" string", url)};
    }
    IndexFile file;
    file.filename = item["filename"].get<std::string>();
    if (item.contains("url") && item["url"].is_string()) file.url = item["url"].get<std::string>();
    if (item.contains("requires-python") && item["requires-python"].is_string())
      file.requires_python = item["requires-python"].get<std::string>();
    if (item.contains("yanked")) {
      const nlohmann::json& yanked = item["yanked"];
      file.yanked = yanked.is_string() || (yanked.is_boolean() && yanked.get<bool>());
    }
    files.push_back(std::move(file));
  }
  return files;
}

}  // namespace pypyready::deps
