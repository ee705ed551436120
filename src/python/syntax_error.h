#pragma once
// A syntax error as data: where it is (CPython's numbering) and what was expected.

#include <cstdint>
#include <string>

namespace pypyready::python {

/// Position numbers follow CPython's SyntaxError: 1-based line, 0-based UTF-8 byte column.
struct SyntaxError {
  std::string message;
  std::uint32_t line = 1;
  std::uint32_t column = 0;
  std::uint32_t end_line = 1;
  std::uint32_t end_column = 0;
};

}  // namespace pypyready::python
