#include "decide/format.h"

#include <fmt/format.h>

namespace pypyready::decide {

std::string join(const std::vector<std::string>& items, const std::string& separator, std::size_t limit) {
  std::string out;
  for (std::size_t i = 0; i < items.size() && i < limit; ++i)
    out += (i == 0 ? "" : separator) + items[i];
  if (items.size() > limit) out += fmt::format(" and {} more", items.size() - limit);
  return out;
}

}  // namespace pypyready::decide
