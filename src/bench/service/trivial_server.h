#pragma once
// A loopback HTTP server that answers every request with the same tiny response, on a thread of
// pypyready itself. It exists to measure wrk's own ceiling on this machine: against it, wrk (with
// pypyready's script) is the bottleneck, so its rate bounds what any measurement here can show.

#include <atomic>
#include <memory>
#include <thread>

#include "core/result.h"

namespace pypyready::bench::service {

class TrivialServer {
 public:
  /// Listens on 127.0.0.1 on a free port and starts serving.
  static core::Result<std::unique_ptr<TrivialServer>> start();
  TrivialServer(const TrivialServer&) = delete;
  TrivialServer& operator=(const TrivialServer&) = delete;
  ~TrivialServer();

  int port() const { return port_; }

 private:
  TrivialServer() = default;
  void serve();

  int listen_fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

}  // namespace pypyready::bench::service
