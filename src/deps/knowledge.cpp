#include "deps/knowledge.h"

#include <fmt/format.h>

#include <algorithm>

#include "deps/knowledge_data.h"
#include "deps/name.h"
#include "deps/toml_reader.h"

namespace pypyready::deps {
namespace {

constexpr std::string_view kKinds[] = {"pure",   "cffi",     "ctypes", "c-api",
                                       "cython", "pybind11", "pyo3",   "builtin"};
constexpr std::string_view kStatuses[] = {"works",     "slower", "replace", "partial",
                                          "withdrawn", "broken", "unknown"};

template <std::size_t N>
bool one_of(const std::string& value, const std::string_view (&allowed)[N]) {
  return std::find(std::begin(allowed), std::end(allowed), value) != std::end(allowed);
}

template <std::size_t N>
std::string joined(const std::string_view (&allowed)[N]) {
  std::string out;
  for (std::string_view value : allowed)
    out += (out.empty() ? "" : ", ") + std::string(value);
  return out;
}

}  // namespace

const KnowledgeEntry* KnowledgeBase::find(std::string_view key) const {
  auto it = entries.find(key);
  return it == entries.end() ? nullptr : &it->second;
}

core::Result<KnowledgeBase> parse_knowledge(std::string_view text, const std::string& file) {
  auto parsed = parse_toml(text, file);
  if (!parsed) return parsed.error();
  KnowledgeBase kb;
  const toml::array* packages = (*parsed)["package"].as_array();
  if (packages == nullptr) return core::Error{fmt::format("{}: expected [[package]] tables", file)};
  for (const toml::node& node : *packages) {
    const toml::table* table = node.as_table();
    int line = line_of(node);
    auto fail = [&](const std::string& what) {
      return core::Error{fmt::format("{}:{}: {}", file, line, what)};
    };
    if (table == nullptr) return fail("expected a [[package]] table");
    KnowledgeEntry entry;
    entry.line = line;
    entry.name = table->get("name") ? table->get("name")->value_or(std::string()) : "";
    entry.kind = table->get("kind") ? table->get("kind")->value_or(std::string()) : "";
    entry.status = table->get("status") ? table->get("status")->value_or(std::string()) : "";
    entry.fallback = table->get("fallback") ? table->get("fallback")->value_or(false) : false;
    entry.alternative = table->get("alternative") ? table->get("alternative")->value_or(std::string()) : "";
    entry.note = table->get("note") ? table->get("note")->value_or(std::string()) : "";
    if (entry.name.empty() || normalize_name(entry.name) != entry.name) {
      return fail(fmt::format("name '{}' expected a non-empty PEP 503 normalised name", entry.name));
    }
    if (!one_of(entry.kind, kKinds))
      return fail(fmt::format("kind '{}' expected one of {}", entry.kind, joined(kKinds)));
    if (!one_of(entry.status, kStatuses)) {
      return fail(fmt::format("status '{}' expected one of {}", entry.status, joined(kStatuses)));
    }
    if (entry.status == "replace" && entry.alternative.empty())
      return fail("status 'replace' expected an alternative");
    if (const toml::array* sources = table->get_as<toml::array>("sources")) {
      for (const toml::node& source : *sources)
        entry.sources.push_back(source.value_or(std::string()));
    }
    if (entry.sources.empty()) return fail(fmt::format("'{}' expected at least one source", entry.name));
    if (kb.entries.count(entry.name)) return fail(fmt::format("'{}' is listed twice", entry.name));
    kb.entries.emplace(entry.name, std::move(entry));
  }
  return kb;
}

const KnowledgeBase& embedded_knowledge() {
  static const KnowledgeBase kb = [] {
    auto parsed = parse_knowledge(embedded_knowledge_text(), "data/packages.toml");
    // The build embeds a file the tests validate; a broken one is a programmer error.
    if (!parsed) throw std::runtime_error(parsed.error().message);
    return std::move(*parsed);
  }();
  return kb;
}

}  // namespace pypyready::deps
