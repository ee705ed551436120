#pragma once
// A child that runs while pypyready does other work (a server under test, the load generator),
// unlike run_process, which waits for its child to finish. Same rules: its own process group,
// /dev/null as stdin, registered for Ctrl-C, always reaped; stopping it sends SIGTERM to the whole
// group, waits a grace period, then SIGKILLs the group. Its stdout and stderr are merged and the
// last few kilobytes kept, so a server that fails can be shown with its last words.

#include <sys/types.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "core/result.h"

namespace pypyready::run {

/// How a stop went.
struct StopOutcome {
  bool already_exited = false;  ///< it had ended before stop() was called
  bool needed_kill = false;     ///< it was still running after the grace period: SIGKILL
  double seconds = 0;           ///< from SIGTERM until the leader was gone
};

class BackgroundProcess {
 public:
  /// Starts `argv` (argv[0] searched on PATH) with `environment` added to ours, in
  /// `working_directory` (empty: ours).
  static core::Result<std::unique_ptr<BackgroundProcess>> start(
      const std::vector<std::string>& argv,
      const std::vector<std::pair<std::string, std::string>>& environment = {},
      const std::filesystem::path& working_directory = {});

  BackgroundProcess(const BackgroundProcess&) = delete;
  BackgroundProcess& operator=(const BackgroundProcess&) = delete;
  /// Stops it (if still running) and waits for the output reader.
  ~BackgroundProcess();

  pid_t pid() const { return pid_; }

  /// False once the leader has exited (it is then reaped and the rest of its group killed).
  bool running();

  /// Sends `signal` to the leader only (wrk stops cleanly on SIGINT).
  void signal_leader(int signal);

  /// Waits up to `timeout` for the leader to exit on its own; true if it did.
  bool wait_for_exit(std::chrono::milliseconds timeout);

  /// SIGTERM to the group, up to `grace` for the leader to exit, then SIGKILL to the group.
  StopOutcome stop(std::chrono::milliseconds grace);

  /// "exit status 1", "killed by signal 11 (Segmentation fault)"; empty while running.
  std::string ending() const { return ending_; }

  /// The last kilobytes of its merged stdout and stderr.
  std::string output_tail() const;

  /// Everything it wrote, up to a cap (for a child whose output is its result, like wrk's summary).
  std::string output() const;

 private:
  BackgroundProcess() = default;
  void read_output();
  void reap();

  pid_t pid_ = -1;
  bool exited_ = false;
  std::string ending_;
  int output_fd_ = -1;
  std::atomic<bool> stop_reading_{false};
  std::thread reader_;
  mutable std::mutex output_mutex_;
  std::string output_;       ///< first bytes, up to a cap
  std::string output_tail_;  ///< last bytes
};

}  // namespace pypyready::run
