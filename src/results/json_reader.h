#pragma once
// A checked walk over parsed JSON: each accessor names the file and the JSON path of a field
// whose type is wrong. Absent optional fields take their default (schema additions are
// backwards compatible); a wrong type is an error.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace pypyready::results::detail {

/// Thrown inside the readers only; the public functions turn it into core::Error.
struct SchemaMismatch : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// One JSON object and where it sits (`$.bench.benchmarks[0]`).
class Node {
 public:
  Node(const nlohmann::json& value, std::string source, std::string path);

  /// Fails unless the value is an object.
  const Node& expect_object() const;

  std::string string(const char* key, const std::string& fallback = "") const;
  double number(const char* key, double fallback = 0) const;
  std::optional<double> optional_number(const char* key) const;
  std::int64_t integer(const char* key, std::int64_t fallback = 0) const;
  bool boolean(const char* key, bool fallback = false) const;
  std::vector<std::string> strings(const char* key) const;
  std::vector<Node> array(const char* key) const;
  std::optional<Node> object(const char* key) const;  ///< nullopt when absent or null
  bool has(const char* key) const;
  /// A member value read as a node of its own (`suffix` extends the path: ".cpython-3.11").
  Node child(const nlohmann::json& value, const std::string& suffix) const {
    return Node(value, source_, path_ + suffix);
  }
  const nlohmann::json& raw() const { return value_; }
  const std::string& path() const { return path_; }

  /// The members whose keys are not in `known`, to keep them unchanged.
  nlohmann::json extra(std::initializer_list<const char*> known) const;

  [[noreturn]] void fail(const std::string& where, const std::string& expected) const;

 private:
  const nlohmann::json* member(const char* key) const;
  const nlohmann::json& value_;
  std::string source_;
  std::string path_;
};

}  // namespace pypyready::results::detail
