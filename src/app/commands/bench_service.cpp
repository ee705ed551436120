// The service mode of `pypyready bench`: options -> ServiceConfig -> run -> render.

#include "app/commands/bench_service.h"

#include <unistd.h>

#include <fmt/format.h>

#include <iostream>

#include "bench/service/render.h"
#include "bench/service/service_bench.h"
#include "core/file_io.h"
#include "run/interrupt.h"

namespace pypyready::app {
namespace {

// Longest accepted load: wrk's records for one start are held in memory.
constexpr int kMaxDurationS = 600;
constexpr int kMaxConnections = 256;

core::Result<bench::service::ServiceConfig> config_from(const ServiceOptions& options) {
  bench::service::ServiceConfig config;
  auto words = bench::service::split_command(options.command);
  if (!words) return words.error();
  config.command = *words;
  config.command_text = options.command;
  if (!options.requests_file.empty()) {
    auto text = core::read_file(options.requests_file);
    if (!text) return core::Error{"--requests " + text.error().message};
    auto mix = bench::service::parse_mix_file(*text, options.requests_file, options.urls);
    if (!mix) return mix.error();
    config.mix = *mix;
  } else {
    auto mix = bench::service::mix_from_urls(options.urls);
    if (!mix) return mix.error();
    config.mix = *mix;
  }
  if (!options.ready_url.empty()) {
    if (options.ready_url.front() == '/') {
      config.ready_path = options.ready_url;
    } else {
      auto endpoint = bench::service::parse_url(options.ready_url);
      if (!endpoint) return core::Error{"--ready-url " + endpoint.error().message};
      if (endpoint->port != config.mix.endpoint.port)
        return core::Error{"--ready-url must name the same server as --url"};
      config.ready_path = endpoint->path;
    }
  }
  if (options.duration_s < 3 || options.duration_s > kMaxDurationS)
    return core::Error{
        fmt::format("--duration {}: expected 3 to {} seconds", options.duration_s, kMaxDurationS)};
  if (options.connections < 1 || options.connections > kMaxConnections)
    return core::Error{
        fmt::format("--connections {}: expected 1 to {}", options.connections, kMaxConnections)};
  if (options.starts < 1) return core::Error{"--starts: at least 1"};
  if (options.rate_rps < 0) return core::Error{"--rate: requests per second, 0 for closed loop"};
  if (options.ready_timeout_s <= 0 || options.stop_grace_s < 0)
    return core::Error{"--ready-timeout must be positive and --stop-grace not negative"};
  config.ready_timeout_s = options.ready_timeout_s;
  config.duration_s = options.duration_s;
  config.connections = options.connections;
  config.rate_rps = options.rate_rps;
  config.starts = options.starts;
  config.stop_grace_s = options.stop_grace_s;
  config.measure_ceiling = !options.no_ceiling;
  return config;
}

// The rate wrk reaches against a trivial in-process server: the most a measurement here can show.
ExitCode print_ceiling(const ServiceOptions& options, const std::string& format) {
  auto ceiling = bench::service::measure_wrk_ceiling(options.connections, options.duration_s);
  if (!ceiling) {
    std::cerr << "error: " << ceiling.error().message << "\n";
    return ExitCode::kInterpreterFailed;
  }
  if (format == "json") {
    std::cout << nlohmann::json{{"wrk_ceiling_rps", *ceiling},
                                {"connections", options.connections},
                                {"duration_s", options.duration_s}}
                     .dump(2)
              << "\n";
  } else {
    std::cout << fmt::format("wrk ceiling: {:.0f} requests/s ({} connections, best second of {} s)\n",
                             *ceiling, options.connections, options.duration_s);
  }
  return ExitCode::kSuccess;
}

}  // namespace

void add_service_options(CLI::App& subcommand, ServiceOptions& options) {
  subcommand.add_option(
      "--service", options.command,
      "Benchmark a server: its command, with `python` or {python} standing for the interpreter");
  subcommand
      .add_option("--url", options.urls, "Service mode: URL to load, http://127.0.0.1:PORT/PATH (repeatable)")
      ->allow_extra_args(false);
  subcommand.add_option("--requests", options.requests_file,
                        "Service mode: request-mix file, lines of [WEIGHT] METHOD URL-OR-PATH [BODY]");
  subcommand.add_option(
      "--ready-url", options.ready_url,
      "Service mode: ready once GET on this URL or path answers below 400 (default: once the "
      "port accepts connections)");
  subcommand
      .add_option("--ready-timeout", options.ready_timeout_s, "Service mode: seconds to wait for readiness")
      ->capture_default_str();
  subcommand.add_option("--duration", options.duration_s, "Service mode: seconds of load per start")
      ->capture_default_str();
  subcommand.add_option("--connections", options.connections, "Service mode: concurrent connections")
      ->capture_default_str();
  subcommand
      .add_option(
          "--rate", options.rate_rps,
          "Service mode: fixed total request rate (open loop, latency from the schedule); 0: closed loop")
      ->capture_default_str();
  subcommand.add_option("--starts", options.starts, "Service mode: server starts per interpreter")
      ->capture_default_str();
  subcommand
      .add_option("--stop-grace", options.stop_grace_s, "Service mode: seconds between SIGTERM and SIGKILL")
      ->capture_default_str();
  subcommand.add_flag("--no-ceiling", options.no_ceiling, "Service mode: skip measuring wrk's own ceiling");
  subcommand.add_flag(
      "--ceiling-only", options.ceiling_only,
      "Only measure wrk's own ceiling here (with --connections, over --duration) and print it");
}

ExitCode run_service_bench(const ServiceOptions& options, const std::vector<run::Interpreter>& interpreters,
                           const std::string& format, const std::string& output, bool quiet) {
  if (options.ceiling_only) return print_ceiling(options, format);
  auto config = config_from(options);
  if (!config) {
    std::cerr << "error: " << config.error().message << "\n";
    return ExitCode::kUsageError;
  }
  config->interpreters = interpreters;
  if (!quiet && ::isatty(STDERR_FILENO) != 0)
    config->progress = [](const std::string& line) { std::cerr << "\r\033[K" << line << std::flush; };
  run::install_interrupt_handler();
  auto result = bench::service::run_service_benchmark(*config);
  if (config->progress) std::cerr << "\r\033[K" << std::flush;
  if (!result) {
    std::cerr << "error: " << result.error().message << "\n";
    return ExitCode::kUsageError;
  }
  std::string text;
  if (format == "json") {
    nlohmann::json document{
        {"schema", "pypyready/1"},
        {"bench", {{"benchmarks", nlohmann::json::array({bench::service::to_json(*result)})}}}};
    text = document.dump(2) + "\n";
  } else if (format == "markdown") {
    text = bench::service::render_markdown(*result);
  } else if (format == "csv") {
    text = bench::service::render_csv(*result);
  } else {
    text = bench::service::render_text(*result);
  }
  if (!output.empty()) {
    auto written = core::write_file_atomically(output, text);
    if (!written) {
      std::cerr << "error: " << written.error().message << "\n";
      return ExitCode::kUsageError;
    }
  } else {
    std::cout << text;
  }
  if (run::interrupted())
    std::cerr << "pypyready bench: interrupted; results above are from finished starts\n";
  bool any_ok = false;
  for (const auto& side : result->sides)
    any_ok = any_ok || side.ok;
  return any_ok ? ExitCode::kSuccess : ExitCode::kInterpreterFailed;
}

}  // namespace pypyready::app
