#pragma once
// Wording for the criteria's evidence lines: the number forms of results/number_text.h, and lists.

#include <cstdint>
#include <string>
#include <vector>

#include "results/number_text.h"

namespace pypyready::decide {

using results::mib_text;
using results::seconds_text;
using results::times;
using results::to_mib;

std::string join(const std::vector<std::string>& items, const std::string& separator = ", ",
                 std::size_t limit = 5);  ///< the first `limit`, then "and N more"

}  // namespace pypyready::decide
