#include "results/number_text.h"

#include <fmt/format.h>

namespace pypyready::results {

std::string times(double ratio) {
  return ratio >= 10  ? fmt::format("{:.0f}x", ratio)
         : ratio >= 1 ? fmt::format("{:.1f}x", ratio)
                      : fmt::format("{:.2f}x", ratio);
}

std::string seconds_text(double seconds) {
  if (seconds < 1) return fmt::format("{:.0f} ms", seconds * 1000);
  if (seconds < 120) return fmt::format("{:.1f} s", seconds);
  if (seconds < 7200) return fmt::format("{:.0f} min", seconds / 60);
  return fmt::format("{:.0f} h", seconds / 3600);
}

std::string mib_text(double mib) {
  return fmt::format("{:.0f} MiB", mib);
}

double to_mib(std::uint64_t bytes) {
  return static_cast<double>(bytes) / 1048576.0;
}

}  // namespace pypyready::results
