#include "decide/format.h"

#include <fmt/format.h>

namespace pypyready::decide {

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

std::string join(const std::vector<std::string>& items, const std::string& separator, std::size_t limit) {
  std::string out;
  for (std::size_t i = 0; i < items.size() && i < limit; ++i)
    out += (i == 0 ? "" : separator) + items[i];
  if (items.size() > limit) out += fmt::format(" and {} more", items.size() - limit);
  return out;
}

}  // namespace pypyready::decide
