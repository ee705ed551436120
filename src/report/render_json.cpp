#include "report/render.h"
#include "results/json.h"

namespace pypyready::report {

std::string render_json(const results::Results& results) {
  return results::to_json(results).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace pypyready::report
