#pragma once
// How the decision's evidence and the reports word numbers ("4.8x", "0.9 s", "161 MiB"), in one
// place so that a figure reads the same in the criteria and in every rendering.

#include <cstdint>
#include <string>

namespace pypyready::results {

std::string times(double ratio);           ///< "4.8x", "0.45x", "12x"
std::string seconds_text(double seconds);  ///< "35 ms", "0.9 s", "5 min", "24 h"
std::string mib_text(double mib);          ///< "161 MiB"
double to_mib(std::uint64_t bytes);        ///< bytes / 2^20

}  // namespace pypyready::results
