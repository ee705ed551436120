#pragma once
// `pypyready bench --service`: for each start and interpreter (interleaved, the order alternating
// between rounds), start the server command, wait until it is ready, put it under wrk's load
// while sampling its RSS, stop it (SIGTERM, then SIGKILL to its group) and check that its port is
// free again. A server that never gets ready, crashes under load or answers only errors is a
// result for that interpreter ("cannot run" with its last output), never a failure of the tool.

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "bench/service/analysis.h"
#include "bench/service/command_words.h"
#include "bench/service/request_mix.h"
#include "core/result.h"
#include "run/interpreters.h"

namespace pypyready::bench::service {

/// What to run and how to load it.
struct ServiceConfig {
  std::vector<run::Interpreter> interpreters;  ///< the first is the baseline
  std::vector<std::string> command;            ///< words; `{python}` inside a word, or a word
                                               ///< `python`/`python3`, becomes the interpreter
  std::string command_text;                    ///< as the user wrote it
  std::filesystem::path working_directory;     ///< where the command runs; empty: ours
  RequestMix mix;
  std::string ready_path;  ///< GET this until it answers below 400; empty: until the port accepts
  double ready_timeout_s = 30;
  int duration_s = 20;
  int connections = 8;
  double rate_rps = 0;  ///< 0: closed loop
  int starts = 3;
  double stop_grace_s = 5;
  bool measure_ceiling = true;
  std::string wrk = "wrk";
  std::function<void(const std::string&)> progress;  ///< one status line at a time; may be empty
};

/// Runs the whole measurement. An error only when nothing can be measured at all: wrk is
/// missing, or the port is taken by another process before the first start.
core::Result<ServiceResult> run_service_benchmark(const ServiceConfig& config);

/// Requests per second wrk reaches with `connections` against a trivial in-process server over
/// `seconds`, i.e. the most any measurement here can show.
core::Result<double> measure_wrk_ceiling(int connections, int seconds, const std::string& wrk = "wrk");

}  // namespace pypyready::bench::service
