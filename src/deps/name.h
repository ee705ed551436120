#pragma once
// Distribution names: PEP 503 normalisation and validity, so `Foo.Bar__baz`, `foo-bar-baz` and the
// escaped dist-info spelling `foo_bar_baz` all compare equal.

#include <string>
#include <string_view>

namespace pypyready::deps {

/// Lower-cases and collapses every run of `-`, `_`, `.` into one `-` (PEP 503).
std::string normalize_name(std::string_view name);

/// True for a valid distribution name: ASCII letters and digits, with `.-_` only inside.
bool is_valid_name(std::string_view name);

}  // namespace pypyready::deps
