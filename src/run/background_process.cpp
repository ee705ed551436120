#include "run/background_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>

#include "run/interrupt.h"
#include "run/process.h"

namespace pypyready::run {
namespace {

constexpr std::size_t kOutputCap = 1 << 20;
constexpr std::size_t kTailCap = 4096;

}  // namespace

core::Result<std::unique_ptr<BackgroundProcess>> BackgroundProcess::start(
    const std::vector<std::string>& argv, const std::vector<std::pair<std::string, std::string>>& environment,
    const std::filesystem::path& working_directory) {
  if (argv.empty()) return core::Error{"no command to run"};
  auto path = find_executable(argv[0]);
  if (!path) return path.error();
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0)
    return core::Error{fmt::format("cannot create a pipe: {}", std::strerror(errno))};

  std::vector<char*> args;
  for (const std::string& arg : argv)
    args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  std::vector<std::string> env_strings = environment_with(environment);
  std::vector<char*> envp;
  for (std::string& entry : env_strings)
    envp.push_back(entry.data());
  envp.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
  posix_spawn_file_actions_adddup2(&actions, fds[1], 2);
  if (!working_directory.empty()) posix_spawn_file_actions_addchdir_np(&actions, working_directory.c_str());
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  // Its own process group, so that stopping it reaches every process it starts; default
  // dispositions and an empty mask, whatever pypyready itself ignores or blocks.
  posix_spawnattr_setpgroup(&attributes, 0);
  sigset_t defaults, empty;
  sigemptyset(&defaults);
  for (int sig : {SIGPIPE, SIGINT, SIGTERM, SIGHUP})
    sigaddset(&defaults, sig);
  sigemptyset(&empty);
  posix_spawnattr_setsigdefault(&attributes, &defaults);
  posix_spawnattr_setsigmask(&attributes, &empty);
  posix_spawnattr_setflags(&attributes,
                           POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);

  pid_t pid = -1;
  int spawned = ::posix_spawn(&pid, path->c_str(), &actions, &attributes, args.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  ::close(fds[1]);
  if (spawned != 0) {
    ::close(fds[0]);
    return core::Error{fmt::format("cannot start {}: {}", argv[0], std::strerror(spawned))};
  }
  register_group(pid);
  std::unique_ptr<BackgroundProcess> process(new BackgroundProcess());
  process->pid_ = pid;
  process->output_fd_ = fds[0];
  process->reader_ = std::thread([raw = process.get()] { raw->read_output(); });
  return process;
}

BackgroundProcess::~BackgroundProcess() {
  if (!exited_) stop(std::chrono::milliseconds(500));
  stop_reading_ = true;
  if (reader_.joinable()) reader_.join();
  if (output_fd_ >= 0) ::close(output_fd_);
}

void BackgroundProcess::read_output() {
  std::array<char, 8192> buffer;
  // Polls with a timeout rather than blocking: a grandchild that escaped the group may hold the
  // pipe open forever, and the reader must still end when the process object goes away.
  while (!stop_reading_) {
    pollfd entry{output_fd_, POLLIN, 0};
    int ready = ::poll(&entry, 1, 100);
    if (ready <= 0) continue;
    ssize_t n = ::read(output_fd_, buffer.data(), buffer.size());
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    if (n <= 0) break;
    std::lock_guard lock(output_mutex_);
    std::size_t room = output_.size() < kOutputCap ? kOutputCap - output_.size() : 0;
    output_.append(buffer.data(), std::min(room, static_cast<std::size_t>(n)));
    output_tail_.append(buffer.data(), static_cast<std::size_t>(n));
    if (output_tail_.size() > 2 * kTailCap) output_tail_.erase(0, output_tail_.size() - kTailCap);
  }
}

void BackgroundProcess::reap() {
  // The rest of the group goes first, while the leader's unreaped pid keeps the group id ours.
  ::kill(-pid_, SIGKILL);
  int status = 0;
  while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  unregister_group(pid_);
  exited_ = true;
  if (WIFEXITED(status)) ending_ = fmt::format("exit status {}", WEXITSTATUS(status));
  if (WIFSIGNALED(status))
    ending_ = fmt::format("killed by signal {} ({})", WTERMSIG(status), ::strsignal(WTERMSIG(status)));
}

bool BackgroundProcess::running() {
  if (exited_) return false;
  siginfo_t info{};
  if (::waitid(P_PID, static_cast<id_t>(pid_), &info, WEXITED | WNOHANG | WNOWAIT) == 0 &&
      info.si_pid == pid_)
    reap();
  return !exited_;
}

void BackgroundProcess::signal_leader(int signal) {
  if (running()) ::kill(pid_, signal);
}

bool BackgroundProcess::wait_for_exit(std::chrono::milliseconds timeout) {
  auto until = std::chrono::steady_clock::now() + timeout;
  while (running()) {
    if (std::chrono::steady_clock::now() >= until) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return true;
}

StopOutcome BackgroundProcess::stop(std::chrono::milliseconds grace) {
  StopOutcome outcome;
  if (!running()) {
    outcome.already_exited = true;
    return outcome;
  }
  auto start = std::chrono::steady_clock::now();
  ::kill(-pid_, SIGTERM);
  if (!wait_for_exit(grace)) {
    outcome.needed_kill = true;
    reap();
  }
  outcome.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return outcome;
}

std::string BackgroundProcess::output_tail() const {
  std::lock_guard lock(output_mutex_);
  return output_tail_.size() > kTailCap ? output_tail_.substr(output_tail_.size() - kTailCap) : output_tail_;
}

std::string BackgroundProcess::output() const {
  std::lock_guard lock(output_mutex_);
  return output_;
}

}  // namespace pypyready::run
