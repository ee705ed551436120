#include "bench/service/server_start.h"

#include <fmt/format.h>

#include <algorithm>
#include <thread>

#include "bench/service/command_words.h"
#include "bench/service/port_check.h"
#include "run/background_process.h"
#include "run/interrupt.h"
#include "run/process.h"

namespace pypyready::bench::service {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

constexpr milliseconds kPollPeriod{50};
constexpr milliseconds kRssPeriod{100};
constexpr milliseconds kPortFreeWait{3000};

double since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

std::string with_output(const std::string& message, const run::BackgroundProcess& server) {
  std::string tail = server.output_tail();
  while (!tail.empty() && (tail.back() == '\n' || tail.back() == ' '))
    tail.pop_back();
  if (tail.empty()) return message + "; it printed nothing";
  return message + "; its last output:\n" + tail;
}

// Waits until the server is ready; an empty string when it is, else why not ("the server ...").
std::string wait_until_ready(const ServiceConfig& config, run::BackgroundProcess& server) {
  const Endpoint& endpoint = config.mix.endpoint;
  auto deadline = Clock::now() + milliseconds(static_cast<long long>(config.ready_timeout_s * 1000));
  std::string last_answer = "no answer";
  while (Clock::now() < deadline) {
    if (run::interrupted()) return "interrupted";
    if (!server.running())
      return with_output(fmt::format("the server exited before it was ready ({})", server.ending()), server);
    if (config.ready_path.empty()) {
      if (accepts_connections(endpoint.host, endpoint.port, milliseconds(200))) return "";
    } else {
      auto status = http_status(endpoint.host, endpoint.port, config.ready_path, milliseconds(1000));
      if (status && *status < 400) return "";
      if (status) last_answer = fmt::format("HTTP {}", *status);
    }
    std::this_thread::sleep_for(kPollPeriod);
  }
  std::string what =
      config.ready_path.empty()
          ? fmt::format("nothing accepted connections on {}:{}", endpoint.host, endpoint.port)
          : fmt::format("GET {} did not answer below 400 (last: {})", config.ready_path, last_answer);
  return with_output(fmt::format("the server was not ready after {:.0f} s: {}", config.ready_timeout_s, what),
                     server);
}

}  // namespace

bool port_free_soon(const Endpoint& endpoint) {
  auto deadline = Clock::now() + kPortFreeWait;
  while (accepts_connections(endpoint.host, endpoint.port, milliseconds(100))) {
    if (Clock::now() >= deadline) return false;
    std::this_thread::sleep_for(kPollPeriod);
  }
  return true;
}

namespace {

// Runs the load while watching the server; fills the start's measurements.
void load_and_watch(const ServiceConfig& config, run::BackgroundProcess& server,
                    const std::filesystem::path& work_dir, StartRecord& start, std::string& load_error) {
  LoadSpec spec{config.mix, config.connections, config.duration_s, config.rate_rps, work_dir, config.wrk};
  auto load = LoadRun::start(spec);
  if (!load) {
    load_error = load.error().message;
    return;
  }
  std::vector<run::RssSample> rss;
  auto started = Clock::now();
  while ((*load)->running()) {
    std::uint64_t bytes = run::group_rss_bytes(server.pid());
    if (bytes > 0) rss.push_back({since(started), bytes});
    if (!server.running()) {
      start.server_ending = server.ending();
      start.problem = with_output(
          fmt::format("the server died under load after {:.1f} s ({})", since(started), server.ending()),
          server);
      (*load)->stop_early();
      break;
    }
    if (run::interrupted()) {
      (*load)->stop_early();
      break;
    }
    std::this_thread::sleep_for(kRssPeriod);
  }
  start.load_s = since(started);
  auto outcome = (*load)->finish();
  if (!outcome) {
    load_error = outcome.error().message;
    return;
  }
  int whole_seconds = std::min(config.duration_s, static_cast<int>(start.load_s));
  start.seconds = bucket_seconds(outcome->records, outcome->start_us, whole_seconds);
  attach_rss(start.seconds, rss);
  start.statuses = status_counts(outcome->records);
  start.totals = outcome->totals;
  analyse_start(start, outcome->records, outcome->start_us);
}

}  // namespace

core::Result<StartRecord> run_start(const ServiceConfig& config, const run::Interpreter& interpreter,
                                    const std::filesystem::path& work_dir) {
  StartRecord start;
  auto argv = command_for(config.command, interpreter.path.string());
  auto spawn_time = Clock::now();
  auto server = run::BackgroundProcess::start(argv, {{"PYTHONUNBUFFERED", "1"}}, config.working_directory);
  if (!server) {
    start.problem = server.error().message;
    return start;
  }
  std::string not_ready = wait_until_ready(config, **server);
  start.ready_s = since(spawn_time);
  std::string load_error;
  if (not_ready.empty()) {
    if (config.progress)
      config.progress(fmt::format("{}: ready after {:.1f} s, {} s of load", interpreter.id, start.ready_s,
                                  config.duration_s));
    load_and_watch(config, **server, work_dir, start, load_error);
  } else {
    start.problem = not_ready;
  }
  auto stopped = (*server)->stop(milliseconds(static_cast<long long>(config.stop_grace_s * 1000)));
  start.sigterm_ignored = stopped.needed_kill;
  start.stop_s = stopped.seconds;
  if (!load_error.empty()) return core::Error{load_error};
  if (start.problem.empty() && start.requests == 0)
    start.problem =
        start.errors > 0
            ? with_output(fmt::format("every response was an error ({} errors)", start.errors), **server)
            : with_output("no request was answered", **server);
  start.ok = start.problem.empty();
  if (!start.ok) start.last_output = (*server)->output_tail();
  return start;
}

}  // namespace pypyready::bench::service
