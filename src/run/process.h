#pragma once
// The process runner every command uses to start interpreters and user commands: the child gets
// its own process group and /dev/null as stdin, its output is captured up to a cap, a timeout or a
// memory limit ends the whole group (SIGTERM, a grace period, then SIGKILL), it is always reaped,
// and the parent records rusage and an RSS curve of the group sampled from /proc.

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"

namespace pypyready::run {

/// Name of the environment variable that tells a probe which descriptor is its data pipe.
inline constexpr const char* kDataFdVariable = "PYPYREADY_DATA_FD";

/// What to run and under which limits.
struct ProcessSpec {
  std::vector<std::string> argv;  ///< argv[0] is searched on PATH when it has no slash
  std::vector<std::pair<std::string, std::string>> environment;  ///< added to (or replacing in) ours
  std::filesystem::path working_directory;                       ///< empty: ours
  std::chrono::milliseconds timeout{0};                          ///< 0: none
  std::chrono::milliseconds grace{300};                          ///< between SIGTERM and SIGKILL on a timeout
  std::size_t output_cap_bytes = 1 << 20;     ///< per stream; the rest is counted, not kept
  bool data_pipe = false;                     ///< open a pipe named by kDataFdVariable
  std::chrono::milliseconds rss_interval{0};  ///< 0: no RSS curve
  std::uint64_t memory_limit_bytes = 0;       ///< 0: none; otherwise the group's RSS cap
  int cpu = -1;  ///< -1: any; otherwise the only CPU the child (and what it starts) may run on
};

/// One point of the RSS curve: seconds since start, resident bytes of the whole process group.
struct RssSample {
  double t_s = 0;
  std::uint64_t rss_bytes = 0;
};

/// How a child ended, what it printed, and what it cost.
struct ProcessResult {
  int exit_code = -1;            ///< exit status when it exited normally, else -1
  int term_signal = 0;           ///< the signal that ended it, else 0
  bool timed_out = false;        ///< ended by our timeout
  bool memory_exceeded = false;  ///< ended (or flagged) by the memory limit
  bool interrupted = false;      ///< ended because pypyready itself was interrupted
  std::string out;               ///< stdout up to the cap
  std::string err;               ///< stderr up to the cap
  std::string data;              ///< everything written to the data pipe
  std::uint64_t out_bytes = 0;   ///< total stdout bytes, kept or not
  std::uint64_t err_bytes = 0;
  bool out_truncated = false;
  bool err_truncated = false;
  double wall_s = 0;  ///< fork to reap, monotonic clock
  double user_s = 0;
  double sys_s = 0;
  std::uint64_t max_rss_bytes = 0;         ///< wait4's ru_maxrss (largest single process)
  std::uint64_t peak_group_rss_bytes = 0;  ///< largest sampled RSS sum of the group
  long voluntary_switches = 0;
  long involuntary_switches = 0;
  std::vector<RssSample> rss_curve;

  /// True when it exited with status 0 and no limit ended it.
  bool succeeded() const {
    return exit_code == 0 && term_signal == 0 && !timed_out && !memory_exceeded && !interrupted;
  }
};

/// Runs a child to completion. An error only when it cannot be started (e.g. not found);
/// a crash, a timeout or a non-zero status are results.
core::Result<ProcessResult> run_process(const ProcessSpec& spec);

/// Finds an executable: a name with a slash is checked as is, otherwise searched on PATH.
core::Result<std::filesystem::path> find_executable(const std::string& name);

/// Sum of the resident memory of every process in process group `pgid`, from /proc.
std::uint64_t group_rss_bytes(pid_t pgid);

/// A one-line description of how a child ended ("exit status 1", "killed by signal 9 (Killed)",
/// "timed out after 2.0 s", "exceeded the memory limit of 100 MiB").
std::string describe_ending(const ProcessResult& result, const ProcessSpec& spec);

/// Our environment with `extra` added, an entry of ours of the same name replaced: what a child
/// gets as its envp.
std::vector<std::string> environment_with(const std::vector<std::pair<std::string, std::string>>& extra);

}  // namespace pypyready::run
