#pragma once
// Views of a service run: the benchmark entry of the `bench` section (the common results schema,
// mode "service", so `check` and `report` read it like any benchmark), a text summary with the
// throughput warmup curve, a Markdown table, and CSV with one row per second of load.

#include <nlohmann/json.hpp>
#include <string>

#include "bench/service/analysis.h"

namespace pypyready::bench::service {

/// One entry of bench.benchmarks.
nlohmann::json to_json(const ServiceResult& result);

/// Per interpreter: ready time, first and steady throughput, latency, warmup, memory, curve.
std::string render_text(const ServiceResult& result);

/// The same numbers as a Markdown table.
std::string render_markdown(const ServiceResult& result);

/// interpreter,start,second,requests,errors,p50_s,p90_s,p99_s,max_s,rss_bytes
std::string render_csv(const ServiceResult& result);

}  // namespace pypyready::bench::service
