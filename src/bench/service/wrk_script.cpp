#include "bench/service/wrk_script.h"

namespace pypyready::bench::service {
namespace {

// LuaJIT (Debian's wrk links it): the FFI gives a microsecond CLOCK_MONOTONIC clock, the same
// clock as std::chrono::steady_clock, so records line up with the server's RSS samples.
constexpr std::string_view kScript = R"LUA(-- pypyready: per-response records for `pypyready bench --service`.
local ffi = require("ffi")
ffi.cdef[[
typedef struct { long tv_sec; long tv_nsec; } pypyready_timespec_t;
int clock_gettime(int clock_id, pypyready_timespec_t *tp);
]]
local clock_value = ffi.new("pypyready_timespec_t")
local function now_us()
  ffi.C.clock_gettime(1, clock_value) -- 1: CLOCK_MONOTONIC
  return tonumber(clock_value.tv_sec) * 1000000 + math.floor(tonumber(clock_value.tv_nsec) / 1000)
end

-- Runs in wrk's main state: each thread gets its number before its init().
local threads_seen = 0
function setup(thread)
  thread:set("pypyready_index", threads_seen)
  threads_seen = threads_seen + 1
end

local out = nil
local requests = {}
local next_request = 1
local interval_us = 0
local phase_us = 0
local due_us = nil
local started_us = 0
local outstanding = false
local skip_check = false
local flushed_us = 0

local function record(end_us, latency_us, status)
  -- Scheduled times are fractional microseconds: whole ones are written.
  out:write(end_us, " ", math.floor(latency_us), " ", status, "\n")
  -- Flushed twice a second, so a wrk stopped early still leaves its records.
  if end_us - flushed_us > 500000 then
    out:flush()
    flushed_us = end_us
  end
end

-- Open loop: the next request is due at a fixed time whatever happened to the previous one.
local function scheduled_delay()
  local now = now_us()
  if due_us == nil then due_us = now + phase_us end
  return math.max(0, math.floor((due_us - now) / 1000))
end

function init(args)
  local index = pypyready_index or 0
  out = assert(io.open(args[1] .. index .. ".txt", "w"))
  local rate = tonumber(args[2]) or 0
  local connections = tonumber(args[3]) or 1
  for line in io.lines(args[4]) do
    local method, path, body = line:match("^([^\t]+)\t([^\t]+)\t(.*)$")
    if method then
      if body == "" then
        table.insert(requests, wrk.format(method, path))
      else
        table.insert(requests, wrk.format(method, path, {["Content-Type"] = "application/json"}, body))
      end
    end
  end
  if #requests == 0 then table.insert(requests, wrk.format()) end
  next_request = index % #requests + 1
  -- wrk calls request() once on thread 0 to check its syntax, before any connection exists.
  skip_check = index == 0
  if rate > 0 then
    interval_us = 1000000 / rate
    phase_us = interval_us * index / connections
    delay = scheduled_delay
  end
end

function request()
  local chosen = requests[next_request]
  if skip_check then
    skip_check = false
    return chosen
  end
  local now = now_us()
  -- A new request while one is outstanding: the connection failed under the previous one.
  if outstanding then record(now, 0, 0) end
  if interval_us > 0 then
    local due = due_us or now
    -- Latency counts from the scheduled time (a late send is the server's queue, not ours).
    started_us = math.min(due, now)
    due_us = due + interval_us
  else
    started_us = now
  end
  outstanding = true
  next_request = next_request % #requests + 1
  return chosen
end

function response(status, headers, body)
  if not outstanding then return end
  local now = now_us()
  record(now, now - started_us, status)
  outstanding = false
end
)LUA";

}  // namespace

std::string_view wrk_script() {
  return kScript;
}

}  // namespace pypyready::bench::service
