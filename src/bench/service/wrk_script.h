#pragma once
// The Lua script pypyready gives wrk. wrk's own summary has no time axis, so the script records
// every response (completion time on CLOCK_MONOTONIC, latency, status) into one file per wrk
// thread; pypyready runs one connection per thread, which makes request() and response()
// alternate within a thread and lets the script time each request itself.
//
// Arguments after wrk's URL: DATA_PREFIX RATE_PER_CONNECTION CONNECTIONS MIX_FILE
//   DATA_PREFIX          records go to DATA_PREFIX<thread>.txt, lines "END_US LATENCY_US STATUS"
//                        (STATUS 0: the connection failed with this request outstanding)
//   RATE_PER_CONNECTION  0: closed loop; > 0: each connection sends on a fixed schedule and a
//                        latency counts from the scheduled time (coordinated omission corrected)
//   CONNECTIONS          to spread the connections' schedules over one interval
//   MIX_FILE             one request per line: METHOD<TAB>PATH<TAB>BODY (already weighted)

#include <string_view>

namespace pypyready::bench::service {

/// The source of the script.
std::string_view wrk_script();

}  // namespace pypyready::bench::service
