#include "bench/ratio_json.h"

namespace pypyready::bench {

nlohmann::json ratio_json(const std::optional<stats::Ratio>& ratio) {
  if (!ratio) return nullptr;
  return {
      {"estimate", ratio->estimate}, {"ci95", {ratio->low, ratio->high}}, {"processes", ratio->processes}};
}

}  // namespace pypyready::bench
