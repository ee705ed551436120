#pragma once
// One server start under one interpreter: start the command in its own process group, wait until
// it is ready, load it with wrk while sampling its RSS and watching for a crash, stop it (SIGTERM,
// then SIGKILL to the group). Every way it can go wrong ends up in the StartRecord's `problem`
// with the server's last output; only a failure of wrk itself is an error.

#include <filesystem>

#include "bench/service/analysis.h"
#include "bench/service/service_bench.h"
#include "core/result.h"

namespace pypyready::bench::service {

/// Runs one start; `work_dir` holds wrk's script and records.
core::Result<StartRecord> run_start(const ServiceConfig& config, const run::Interpreter& interpreter,
                                    const std::filesystem::path& work_dir);

/// Waits up to a few seconds for nothing to accept connections on the endpoint any more.
bool port_free_soon(const Endpoint& endpoint);

}  // namespace pypyready::bench::service
