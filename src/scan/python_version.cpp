#include "scan/python_version.h"

#include <charconv>

namespace pypyready::scan {
namespace {

// Reads a run of digits at the front of `text`; nullopt when there is none or it overflows.
std::optional<int> take_number(std::string_view& text) {
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end == text.data()) return std::nullopt;
  text.remove_prefix(static_cast<std::size_t>(end - text.data()));
  return value;
}

}  // namespace

std::optional<PythonVersion> PythonVersion::parse(std::string_view text) {
  std::optional<int> major = take_number(text);
  if (!major || text.empty() || text.front() != '.') return std::nullopt;
  text.remove_prefix(1);
  std::optional<int> minor = take_number(text);
  if (!minor) return std::nullopt;
  if (!text.empty()) {
    if (text.front() != '.') return std::nullopt;
    text.remove_prefix(1);
    if (!take_number(text) || !text.empty()) return std::nullopt;
  }
  return PythonVersion{*major, *minor};
}

std::string PythonVersion::to_string() const {
  return std::to_string(major) + "." + std::to_string(minor);
}

}  // namespace pypyready::scan
