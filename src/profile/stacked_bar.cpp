#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "profile/report.h"

namespace pypyready::profile {

const char* bar_glyph(const std::string& category) {
  if (category == "python") return "█";
  if (category == "native_stdlib") return "▓";
  if (category == "native_extensions") return "▒";
  if (category == "system") return "░";
  if (category == "wait") return "·";
  if (category == "import") return ":";
  return "-";  // startup
}

const char* category_label(const std::string& category) {
  if (category == "python") return "pure Python";
  if (category == "native_stdlib") return "native, stdlib";
  if (category == "native_extensions") return "native, extensions";
  if (category == "system") return "system";
  if (category == "wait") return "I/O wait";
  if (category == "import") return "import";
  return "start-up";
}

std::string stacked_bar(const Attribution& attribution, std::size_t width) {
  // Largest remainder: floor every category's cells, then hand the rest out by remainder.
  std::vector<std::pair<std::size_t, double>> cells;
  std::size_t used = 0;
  for (const char* category : kCategories) {
    auto found = attribution.shares.find(category);
    double exact =
        found == attribution.shares.end() ? 0 : std::max(0.0, found->second) * static_cast<double>(width);
    auto whole = static_cast<std::size_t>(std::floor(exact));
    cells.emplace_back(whole, exact - static_cast<double>(whole));
    used += whole;
  }
  bool any = used > 0 || std::any_of(cells.begin(), cells.end(), [](const auto& c) { return c.second > 0; });
  while (any && used < width) {
    auto most = std::max_element(cells.begin(), cells.end(),
                                 [](const auto& a, const auto& b) { return a.second < b.second; });
    most->first += 1;
    most->second = -1;
    ++used;
  }
  std::string bar;
  for (std::size_t i = 0; i < cells.size(); ++i)
    for (std::size_t k = 0; k < cells[i].first && k < width; ++k)
      bar += bar_glyph(kCategories[i]);
  return bar;
}

}  // namespace pypyready::profile
