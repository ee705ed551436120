#pragma once
// Number wording shared by the criteria's evidence lines ("4.8x", "52 MiB", "0.9 s").

#include <cstdint>
#include <string>
#include <vector>

namespace pypyready::decide {

std::string times(double ratio);           ///< "4.8x", "0.45x"
std::string seconds_text(double seconds);  ///< "0.9 s", "35 ms", "24 h"
std::string mib_text(double mib);          ///< "161 MiB"
double to_mib(std::uint64_t bytes);        ///< bytes / 2^20
std::string join(const std::vector<std::string>& items, const std::string& separator = ", ",
                 std::size_t limit = 5);  ///< the first `limit`, then "and N more"

}  // namespace pypyready::decide
