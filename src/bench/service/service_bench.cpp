#include "bench/service/service_bench.h"

#include <stdlib.h>

#include <fmt/format.h>

#include <algorithm>

#include "bench/noise.h"
#include "bench/service/port_check.h"
#include "bench/service/server_start.h"
#include "bench/service/trivial_server.h"
#include "core/temporary_folder.h"
#include "run/interrupt.h"

namespace pypyready::bench::service {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

}  // namespace

core::Result<double> measure_wrk_ceiling(int connections, int seconds, const std::string& wrk) {
  if (auto found = check_wrk(wrk); !found) return found.error();
  auto server = TrivialServer::start();
  if (!server) return server.error();
  core::TemporaryFolder work_dir("pypyready-service");
  if (work_dir.path().empty()) return core::Error{"cannot create a temporary folder"};
  RequestMix mix;
  mix.endpoint = {"127.0.0.1", (*server)->port(), "/"};
  mix.entries.push_back({1, "GET", "/", ""});
  auto load = LoadRun::start({mix, connections, seconds, 0, work_dir.path(), wrk});
  if (!load) return load.error();
  auto outcome = (*load)->finish();
  if (!outcome) return outcome.error();
  auto per_second = bucket_seconds(outcome->records, outcome->start_us, seconds);
  // The first second includes connecting and LuaJIT's own warmup: the best later second counts.
  double best = 0;
  for (std::size_t i = per_second.size() > 1 ? 1 : 0; i < per_second.size(); ++i)
    best = std::max(best, static_cast<double>(per_second[i].requests));
  return best;
}

core::Result<ServiceResult> run_service_benchmark(const ServiceConfig& config) {
  if (auto found = check_wrk(config.wrk); !found) return found.error();
  const Endpoint& endpoint = config.mix.endpoint;
  if (accepts_connections(endpoint.host, endpoint.port, milliseconds(300))) {
    std::string holder = port_holder(endpoint.port);
    return core::Error{
        fmt::format("port {} is already in use ({}): stop that process or choose another port; "
                    "pypyready starts the server itself",
                    endpoint.port, holder.empty() ? "unknown process" : holder)};
  }
  core::TemporaryFolder work_dir("pypyready-service");
  if (work_dir.path().empty()) return core::Error{"cannot create a temporary folder for wrk's records"};
  auto begun = Clock::now();
  auto since = [](Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
  };
  auto report = [&](const std::string& line) {
    if (config.progress) config.progress(line);
  };

  ServiceResult result;
  result.name = config.command_text;
  result.command = config.command_text;
  for (const MixEntry& entry : config.mix.entries)
    result.requests.push_back(fmt::format("{} {}{}{}", entry.method, entry.path,
                                          entry.body.empty() ? "" : " (body)",
                                          entry.weight > 1 ? fmt::format(" x{}", entry.weight) : ""));
  result.load = config.rate_rps > 0 ? "fixed-rate" : "closed-loop";
  result.rate_rps = config.rate_rps;
  result.connections = config.connections;
  result.duration_s = config.duration_s;
  result.cpus = online_cpus();
  result.load_average_start = load_average();
  if (config.measure_ceiling) {
    report("measuring wrk's own ceiling");
    auto ceiling = measure_wrk_ceiling(config.connections, 2, config.wrk);
    if (ceiling) {
      result.ceiling_rps = *ceiling;
    } else {
      result.warnings.push_back("wrk's ceiling could not be measured: " + ceiling.error().message);
    }
  }
  for (const run::Interpreter& interpreter : config.interpreters) {
    ServiceSide side;
    side.id = interpreter.id;
    result.sides.push_back(std::move(side));
  }

  bool machine_dirty = false;
  for (int round = 0; round < config.starts && !machine_dirty && !run::interrupted(); ++round) {
    for (std::size_t k = 0; k < config.interpreters.size() && !machine_dirty; ++k) {
      // ABBA order: drift on a shared machine hits every interpreter alike.
      std::size_t index = round % 2 == 0 ? k : config.interpreters.size() - 1 - k;
      ServiceSide& side = result.sides[index];
      bool failed_before = false;
      for (const StartRecord& earlier : side.starts)
        failed_before = failed_before || !earlier.ok;
      if (failed_before || run::interrupted()) continue;
      StartRecord& start = side.starts.emplace_back();
      if (accepts_connections(endpoint.host, endpoint.port, milliseconds(300))) {
        start.problem = fmt::format("port {} was taken by another process ({}) before this start",
                                    endpoint.port, port_holder(endpoint.port));
        machine_dirty = true;
        break;
      }
      report(fmt::format("{} start {}/{}: starting the server", side.id, round + 1, config.starts));
      auto one = run_start(config, config.interpreters[index], work_dir.path());
      if (!one) return one.error();
      start = std::move(*one);
      if (!port_free_soon(endpoint)) {
        std::string holder = port_holder(endpoint.port);
        result.warnings.push_back(
            fmt::format("port {} still accepts connections after the server's process group was stopped "
                        "({}): something it started left the group; stop it by hand",
                        endpoint.port, holder.empty() ? "unknown process" : holder));
        machine_dirty = true;
      }
    }
  }
  result.load_average_end = load_average();
  summarise_service(result);
  result.total_s = since(begun);
  return result;
}

}  // namespace pypyready::bench::service
