#include "app/check/stage_bench_service.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "bench/service/render.h"
#include "bench/service/service_bench.h"
#include "core/file_io.h"

namespace pypyready::app::check {
namespace {

// Seconds one start costs besides its load: readiness, stopping, the port check.
constexpr double kStartOverheadS = 3;
constexpr int kShortestDurationS = 5;

}  // namespace

core::Result<nlohmann::json> run_service_for_check(const CheckContext& context,
                                                   const ServiceSettings& settings, double budget_s) {
  bench::service::ServiceConfig config;
  auto words = bench::service::split_command(settings.command);
  if (!words) return words.error();
  config.command = *words;
  config.command_text = settings.command;
  config.working_directory = context.project;
  if (!settings.requests.empty()) {
    auto path = context.project / settings.requests;
    auto text = core::read_file(path);
    if (!text) return text.error();
    auto mix = bench::service::parse_mix_file(*text, path.string(), settings.urls);
    if (!mix) return mix.error();
    config.mix = *mix;
  } else {
    auto mix = bench::service::mix_from_urls(settings.urls);
    if (!mix) return mix.error();
    config.mix = *mix;
  }
  if (!settings.ready_url.empty()) {
    if (settings.ready_url.front() == '/') {
      config.ready_path = settings.ready_url;
    } else {
      auto endpoint = bench::service::parse_url(settings.ready_url);
      if (!endpoint) return endpoint.error();
      config.ready_path = endpoint->path;
    }
  }
  config.interpreters = {*context.baseline, *context.candidate};
  config.starts = std::max(2, static_cast<int>(settings.starts.value_or(3)));
  config.connections = std::clamp(static_cast<int>(settings.connections.value_or(8)), 1, 256);
  config.rate_rps = std::max(0.0, settings.rate.value_or(0));
  config.progress = context.progress;
  // The configured duration, shortened to fit the budget: every start of both interpreters.
  int wanted = static_cast<int>(settings.duration_s.value_or(20));
  double per_start = budget_s / (2.0 * config.starts) - kStartOverheadS;
  config.duration_s = std::max(kShortestDurationS, std::min(wanted, static_cast<int>(std::floor(per_start))));
  auto result = bench::service::run_service_benchmark(config);
  if (!result) return result.error();
  if (config.duration_s < wanted)
    result->warnings.push_back(fmt::format("load shortened from {} s to {} s per start to fit the --budget",
                                           wanted, config.duration_s));
  return bench::service::to_json(*result);
}

}  // namespace pypyready::app::check
