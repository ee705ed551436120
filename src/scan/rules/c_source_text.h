#pragma once
// Reading C and C++ sources without a compiler: a copy with comments and string and character
// literals blanked (same length, newlines kept, so offsets still name lines), and the
// identifiers of that copy with their offsets.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace pypyready::scan::rules {

/// `source` with every comment and string/character literal replaced by spaces (newlines kept).
std::string blank_comments_and_literals(std::string_view source);

/// One identifier of a blanked source and where it starts.
struct CIdentifier {
  std::string_view name;
  std::size_t offset;
};

/// The identifiers of `code` in order (numbers such as 0x1F are skipped).
std::vector<CIdentifier> c_identifiers(std::string_view code);

/// Whether `name` is a file name of a C or C++ source or header (.c .cc .cpp .cxx .h .hh .hpp .hxx).
bool is_c_source_name(std::string_view name);

}  // namespace pypyready::scan::rules
