#pragma once
// Small loopback probes around a server's life: is something listening on the port, does the
// readiness URL answer, and which process holds a port (so "port in use" names the culprit).

#include <chrono>
#include <optional>
#include <string>

namespace pypyready::bench::service {

/// True when a TCP connection to HOST:PORT succeeds within `timeout`.
bool accepts_connections(const std::string& host, int port, std::chrono::milliseconds timeout);

/// The status code of `GET path` on HOST:PORT, or nullopt when there is no HTTP answer in `timeout`.
std::optional<int> http_status(const std::string& host, int port, const std::string& path,
                               std::chrono::milliseconds timeout);

/// "pid 1234: python3 -m http.server 8000" for the process listening on TCP `port`, from /proc;
/// empty when none is found (or it belongs to another user).
std::string port_holder(int port);

}  // namespace pypyready::bench::service
