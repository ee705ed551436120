#pragma once
// A speedup as it is written in every bench JSON view: {"estimate", "ci95": [low, high],
// "processes"}, or null when there is none.

#include <nlohmann/json.hpp>
#include <optional>

#include "bench/stats/speedup.h"

namespace pypyready::bench {

nlohmann::json ratio_json(const std::optional<stats::Ratio>& ratio);

}  // namespace pypyready::bench
