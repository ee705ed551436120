#include "bench/duration_text.h"

#include <fmt/format.h>

namespace pypyready::bench {

std::string duration_text(double seconds) {
  if (seconds <= 0) return "-";
  if (seconds < 1e-6) return fmt::format("{:.0f} ns", seconds * 1e9);
  if (seconds < 1e-3) return fmt::format("{:.1f} us", seconds * 1e6);
  if (seconds < 1) return fmt::format("{:.2f} ms", seconds * 1e3);
  return fmt::format("{:.3f} s", seconds);
}

}  // namespace pypyready::bench
