#include "results/json_reader.h"

#include <algorithm>

namespace pypyready::results::detail {
namespace {

std::string kind_of(const nlohmann::json& value) {
  return value.is_null() ? "null" : std::string(value.type_name());
}

}  // namespace

Node::Node(const nlohmann::json& value, std::string source, std::string path)
    : value_(value), source_(std::move(source)), path_(std::move(path)) {}

void Node::fail(const std::string& where, const std::string& expected) const {
  throw SchemaMismatch(source_ + ": " + where + ": expected " + expected);
}

const Node& Node::expect_object() const {
  if (!value_.is_object()) fail(path_, "an object, found " + kind_of(value_));
  return *this;
}

const nlohmann::json* Node::member(const char* key) const {
  auto found = value_.find(key);
  if (found == value_.end() || found->is_null()) return nullptr;
  return &*found;
}

bool Node::has(const char* key) const {
  return member(key) != nullptr;
}

std::string Node::string(const char* key, const std::string& fallback) const {
  const nlohmann::json* value = member(key);
  if (value == nullptr) return fallback;
  if (!value->is_string()) fail(path_ + "." + key, "a string, found " + kind_of(*value));
  return value->get<std::string>();
}

double Node::number(const char* key, double fallback) const {
  return optional_number(key).value_or(fallback);
}

std::optional<double> Node::optional_number(const char* key) const {
  const nlohmann::json* value = member(key);
  if (value == nullptr) return std::nullopt;
  if (!value->is_number()) fail(path_ + "." + key, "a number, found " + kind_of(*value));
  return value->get<double>();
}

std::int64_t Node::integer(const char* key, std::int64_t fallback) const {
  const nlohmann::json* value = member(key);
  if (value == nullptr) return fallback;
  if (!value->is_number_integer() && !value->is_number_unsigned())
    fail(path_ + "." + key, "an integer, found " + kind_of(*value));
  return value->get<std::int64_t>();
}

bool Node::boolean(const char* key, bool fallback) const {
  const nlohmann::json* value = member(key);
  if (value == nullptr) return fallback;
  if (!value->is_boolean()) fail(path_ + "." + key, "true or false, found " + kind_of(*value));
  return value->get<bool>();
}

std::vector<std::string> Node::strings(const char* key) const {
  std::vector<std::string> out;
  const nlohmann::json* value = member(key);
  if (value == nullptr) return out;
  if (!value->is_array()) fail(path_ + "." + key, "a list of strings, found " + kind_of(*value));
  for (std::size_t i = 0; i < value->size(); ++i) {
    if (!(*value)[i].is_string())
      fail(path_ + "." + key + "[" + std::to_string(i) + "]", "a string, found " + kind_of((*value)[i]));
    out.push_back((*value)[i].get<std::string>());
  }
  return out;
}

std::vector<Node> Node::array(const char* key) const {
  std::vector<Node> out;
  const nlohmann::json* value = member(key);
  if (value == nullptr) return out;
  if (!value->is_array()) fail(path_ + "." + key, "a list, found " + kind_of(*value));
  for (std::size_t i = 0; i < value->size(); ++i)
    out.emplace_back((*value)[i], source_, path_ + "." + key + "[" + std::to_string(i) + "]");
  return out;
}

std::optional<Node> Node::object(const char* key) const {
  const nlohmann::json* value = member(key);
  if (value == nullptr) return std::nullopt;
  Node node(*value, source_, path_ + "." + key);
  node.expect_object();
  return node;
}

nlohmann::json Node::extra(std::initializer_list<const char*> known) const {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [key, value] : value_.items()) {
    bool is_known = std::any_of(known.begin(), known.end(), [&](const char* name) { return key == name; });
    if (!is_known) out[key] = value;
  }
  return out;
}

}  // namespace pypyready::results::detail
