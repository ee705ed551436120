#pragma once
// The service part of the bench stage: [tool.pypyready.bench.service] measured as `pypyready
// bench --service` does, within the stage's share of the --budget.

#include <nlohmann/json.hpp>

#include "app/check/stages.h"
#include "core/result.h"

namespace pypyready::app::check {

/// The bench.benchmarks entry of the project's service (mode "service"), or why it could not run.
core::Result<nlohmann::json> run_service_for_check(const CheckContext& context,
                                                   const ServiceSettings& settings, double budget_s);

}  // namespace pypyready::app::check
