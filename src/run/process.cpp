#include "run/process.h"

#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include "run/interrupt.h"

namespace pypyready::run {
namespace {

using Clock = std::chrono::steady_clock;

// Descriptors the child receives: stdout, stderr, and the probe's data pipe.
constexpr int kDataFd = 3;

double seconds_between(Clock::time_point from, Clock::time_point to) {
  return std::chrono::duration<double>(to - from).count();
}

// Pipe ends are moved above 10 so the child's dup2 onto 0..3 never overwrites one of them.
struct Pipe {
  int read = -1;
  int write = -1;
};

core::Result<Pipe> make_pipe() {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0)
    return core::Error{fmt::format("cannot create a pipe: {}", std::strerror(errno))};
  Pipe pipe;
  pipe.read = ::fcntl(fds[0], F_DUPFD_CLOEXEC, 10);
  pipe.write = ::fcntl(fds[1], F_DUPFD_CLOEXEC, 10);
  ::close(fds[0]);
  ::close(fds[1]);
  if (pipe.read < 0 || pipe.write < 0) return core::Error{"cannot duplicate a pipe descriptor"};
  return pipe;
}

void close_fd(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

std::vector<std::string> build_environment(const ProcessSpec& spec) {
  std::vector<std::pair<std::string, std::string>> extra = spec.environment;
  if (spec.data_pipe) extra.emplace_back(kDataFdVariable, std::to_string(kDataFd));
  return environment_with(extra);
}

}  // namespace

std::vector<std::string> environment_with(const std::vector<std::pair<std::string, std::string>>& extra) {
  std::vector<std::string> result;
  for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
    std::string_view text(*entry);
    std::string_view name = text.substr(0, text.find('='));
    bool replaced = false;
    for (const auto& [key, value] : extra)
      replaced = replaced || key == name;
    if (!replaced) result.emplace_back(text);
  }
  for (const auto& [key, value] : extra)
    result.push_back(std::string(key).append("=").append(value));
  return result;
}

namespace {

// Appends what was read from `fd` to `sink` up to `cap`; returns false at end of file.
bool drain(int fd, std::string& sink, std::uint64_t& total, std::size_t cap, bool& truncated) {
  std::array<char, 65536> buffer;
  ssize_t n = ::read(fd, buffer.data(), buffer.size());
  if (n < 0) return errno == EINTR || errno == EAGAIN;
  if (n == 0) return false;
  total += static_cast<std::uint64_t>(n);
  std::size_t room = sink.size() < cap ? cap - sink.size() : 0;
  std::size_t keep = std::min(room, static_cast<std::size_t>(n));
  sink.append(buffer.data(), keep);
  if (keep < static_cast<std::size_t>(n)) truncated = true;
  return true;
}

// Children listed by the kernel for every thread of `pid`.
std::vector<pid_t> children_of(pid_t pid) {
  std::vector<pid_t> children;
  std::error_code ec;
  for (const auto& task : std::filesystem::directory_iterator(fmt::format("/proc/{}/task", pid), ec)) {
    std::ifstream in(task.path() / "children");
    pid_t child;
    while (in >> child)
      children.push_back(child);
  }
  return children;
}

std::uint64_t rss_of(pid_t pid) {
  std::ifstream in(fmt::format("/proc/{}/statm", pid));
  std::uint64_t size = 0, resident = 0;
  if (!(in >> size >> resident)) return 0;
  return resident * static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE));
}

// The kernel's high-water mark of `pid`'s resident memory since its exec (VmHWM), 0 if unknown.
std::uint64_t high_water_of(pid_t pid) {
  std::ifstream in(fmt::format("/proc/{}/status", pid));
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmHWM:", 0) != 0) continue;
    std::istringstream fields(line.substr(6));
    std::uint64_t kib = 0;
    return fields >> kib ? kib * 1024 : 0;
  }
  return 0;
}

// The process tree under `root`; cheaper than scanning all of /proc at a 20 ms period.
std::uint64_t tree_rss_bytes(pid_t root) {
  std::uint64_t total = 0;
  std::vector<pid_t> pending{root};
  for (int guard = 0; !pending.empty() && guard < 4096; ++guard) {
    pid_t pid = pending.back();
    pending.pop_back();
    total += rss_of(pid);
    for (pid_t child : children_of(pid))
      pending.push_back(child);
  }
  return total;
}

int open_pidfd(pid_t pid) {
#ifdef SYS_pidfd_open
  return static_cast<int>(::syscall(SYS_pidfd_open, pid, 0));
#else
  (void)pid;
  return -1;
#endif
}

[[noreturn]] void fail_exec(const Pipe& exec_error) {
  int code = errno;
  (void)!::write(exec_error.write, &code, sizeof code);
  ::_exit(127);
}

[[noreturn]] void exec_child(const std::string& path, char* const* argv, char* const* envp, const Pipe& out,
                             const Pipe& err, const Pipe* data, const Pipe& exec_error, const char* workdir,
                             int cpu, const sigset_t& parent_mask) {
  ::setpgid(0, 0);
  if (cpu >= 0) {
    cpu_set_t only;
    CPU_ZERO(&only);
    CPU_SET(cpu, &only);
    if (::sched_setaffinity(0, sizeof only, &only) != 0) fail_exec(exec_error);
  }
  // Our handlers must not run in the memory this child borrows from us until exec.
  ::signal(SIGINT, SIG_DFL);
  ::signal(SIGTERM, SIG_DFL);
  ::signal(SIGPIPE, SIG_DFL);
  ::sigprocmask(SIG_SETMASK, &parent_mask, nullptr);
  int null_fd = ::open("/dev/null", O_RDONLY);
  if (null_fd >= 0) ::dup2(null_fd, 0);
  ::dup2(out.write, 1);
  ::dup2(err.write, 2);
  if (data != nullptr) ::dup2(data->write, kDataFd);
  if (workdir != nullptr && ::chdir(workdir) != 0) fail_exec(exec_error);
  ::execve(path.c_str(), argv, envp);
  fail_exec(exec_error);
}

}  // namespace

core::Result<std::filesystem::path> find_executable(const std::string& name) {
  if (name.empty()) return core::Error{"empty program name"};
  if (name.find('/') != std::string::npos) {
    if (::access(name.c_str(), X_OK) == 0) return std::filesystem::path(name);
    return core::Error{fmt::format("{}: not found or not executable", name)};
  }
  const char* path_env = std::getenv("PATH");
  std::stringstream dirs(path_env != nullptr ? path_env : "/usr/bin:/bin");
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    std::string candidate = dir.empty() ? std::string(".") : dir;
    candidate.append("/").append(name);
    std::error_code ec;
    if (std::filesystem::is_regular_file(candidate, ec) && ::access(candidate.c_str(), X_OK) == 0)
      return std::filesystem::path(candidate);
  }
  return core::Error{fmt::format("{}: not found on PATH", name)};
}

std::uint64_t group_rss_bytes(pid_t pgid) {
  return tree_rss_bytes(pgid);
}

std::string describe_ending(const ProcessResult& result, const ProcessSpec& spec) {
  if (result.interrupted) return "interrupted";
  if (result.timed_out) return fmt::format("timed out after {:.1f} s", spec.timeout.count() / 1000.0);
  if (result.memory_exceeded)
    return fmt::format("exceeded the memory limit of {} MiB",
                       spec.memory_limit_bytes / (std::uint64_t{1} << 20));
  if (result.term_signal != 0)
    return fmt::format("killed by signal {} ({})", result.term_signal, ::strsignal(result.term_signal));
  return fmt::format("exit status {}", result.exit_code);
}

core::Result<ProcessResult> run_process(const ProcessSpec& spec) {
  if (spec.argv.empty()) return core::Error{"no command to run"};
  auto path = find_executable(spec.argv[0]);
  if (!path) return path.error();

  std::vector<std::string> env_strings = build_environment(spec);
  std::vector<char*> argv;
  for (const std::string& arg : spec.argv)
    argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  std::vector<char*> envp;
  envp.reserve(env_strings.size() + 1);
  for (std::string& entry : env_strings)
    envp.push_back(entry.data());
  envp.push_back(nullptr);
  std::string workdir = spec.working_directory.string();

  auto out = make_pipe();
  auto err = make_pipe();
  auto exec_error = make_pipe();
  core::Result<Pipe> data = Pipe{};
  if (spec.data_pipe) data = make_pipe();
  if (!out || !err || !exec_error || !data) return core::Error{"cannot create the pipes for a child process"};

  // What of our own memory a forked child starts with (see max_rss_bytes below).
  std::uint64_t parent_rss = rss_of(::getpid());
  Clock::time_point start = Clock::now();
  // vfork, not fork: the child borrows our memory until exec instead of getting a copy of our page
  // tables, whose copy and the copy-on-write faults after it made a 0.1 s child about 10 % slower
  // than the same program started by posix_spawn. Signals stay blocked until the child has reset
  // our handlers.
  sigset_t all_signals;
  sigset_t parent_mask;
  ::sigfillset(&all_signals);
  ::pthread_sigmask(SIG_SETMASK, &all_signals, &parent_mask);
  std::string program = path->string();
  pid_t pid = ::vfork();
  if (pid == 0) {
    exec_child(program, argv.data(), envp.data(), *out, *err, spec.data_pipe ? &*data : nullptr, *exec_error,
               workdir.empty() ? nullptr : workdir.c_str(), spec.cpu, parent_mask);
  }
  int spawn_errno = errno;
  ::pthread_sigmask(SIG_SETMASK, &parent_mask, nullptr);
  if (pid < 0)
    return core::Error{
        fmt::format("cannot start {}: vfork failed: {}", spec.argv[0], std::strerror(spawn_errno))};
  ::setpgid(pid, pid);  // also in the parent, so the group exists before we may signal it
  register_group(pid);
  close_fd(out->write);
  close_fd(err->write);
  close_fd(exec_error->write);
  close_fd(data->write);

  int exec_errno = 0;
  ssize_t got = ::read(exec_error->read, &exec_errno, sizeof exec_errno);
  close_fd(exec_error->read);

  ProcessResult result;
  int pidfd = open_pidfd(pid);
  std::array<int*, 3> fds{&out->read, &err->read, &data->read};
  bool exited = false;
  bool term_sent = false;
  bool kill_sent = false;
  Clock::time_point exited_at{};
  Clock::time_point kill_at{};
  Clock::time_point next_sample = start;
  bool sampling = spec.rss_interval.count() > 0 || spec.memory_limit_bytes > 0;
  auto interval = spec.rss_interval.count() > 0 ? spec.rss_interval : std::chrono::milliseconds(20);
  std::uint64_t child_high_water = 0;
  int status = 0;
  struct rusage usage {};

  auto kill_group = [&](int sig) { ::kill(-pid, sig); };

  while (true) {
    Clock::time_point now = Clock::now();
    if (!exited) {
      siginfo_t info{};
      if (::waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 &&
          info.si_pid == pid) {
        // Kill what is left of the group before reaping, while the group id cannot be reused.
        kill_group(SIGKILL);
        ::wait4(pid, &status, 0, &usage);
        exited = true;
        exited_at = Clock::now();
        result.wall_s = seconds_between(start, exited_at);
        unregister_group(pid);
        continue;
      }
    }
    bool open = out->read >= 0 || err->read >= 0 || data->read >= 0;
    if (exited && (!open || now - exited_at > std::chrono::milliseconds(200))) break;

    if (!exited && interrupted() && !result.interrupted) {
      result.interrupted = true;
      kill_group(SIGKILL);
    }
    if (!exited && spec.timeout.count() > 0 && !term_sent && now - start >= spec.timeout) {
      result.timed_out = true;
      term_sent = true;
      kill_group(SIGTERM);
      kill_at = now + spec.grace;
    }
    if (!exited && term_sent && !kill_sent && now >= kill_at) {
      kill_sent = true;
      kill_group(SIGKILL);
    }
    if (!exited && sampling && now >= next_sample) {
      std::uint64_t rss = tree_rss_bytes(pid);
      if (std::uint64_t high_water = high_water_of(pid); high_water > 0) child_high_water = high_water;
      if (rss > 0) {
        if (spec.rss_interval.count() > 0) result.rss_curve.push_back({seconds_between(start, now), rss});
        result.peak_group_rss_bytes = std::max(result.peak_group_rss_bytes, rss);
      }
      if (spec.memory_limit_bytes > 0 && rss > spec.memory_limit_bytes && !result.memory_exceeded) {
        result.memory_exceeded = true;
        kill_group(SIGKILL);
      }
      next_sample = now + interval;
    }

    std::vector<pollfd> polled;
    for (int* fd : fds)
      if (*fd >= 0) polled.push_back({*fd, POLLIN, 0});
    if (!exited && pidfd >= 0) polled.push_back({pidfd, POLLIN, 0});
    int wait_ms = exited ? 20 : (pidfd >= 0 ? 10 : 2);
    if (sampling && !exited) {
      auto until_sample =
          std::chrono::duration_cast<std::chrono::milliseconds>(next_sample - Clock::now()).count();
      wait_ms = static_cast<int>(std::clamp<long long>(until_sample, 0, wait_ms));
    }
    int ready = ::poll(polled.data(), polled.size(), wait_ms);
    if (ready <= 0) continue;
    for (const pollfd& entry : polled) {
      if (entry.revents == 0 || entry.fd == pidfd) continue;
      bool more = true;
      if (entry.fd == out->read) {
        more = drain(entry.fd, result.out, result.out_bytes, spec.output_cap_bytes, result.out_truncated);
        if (!more) close_fd(out->read);
      } else if (entry.fd == err->read) {
        more = drain(entry.fd, result.err, result.err_bytes, spec.output_cap_bytes, result.err_truncated);
        if (!more) close_fd(err->read);
      } else if (entry.fd == data->read) {
        std::uint64_t ignored = 0;
        bool truncated = false;
        more = drain(entry.fd, result.data, ignored, std::size_t{1} << 28, truncated);
        if (!more) close_fd(data->read);
      }
    }
  }
  for (int* fd : fds)
    close_fd(*fd);
  if (pidfd >= 0) ::close(pidfd);

  if (got == static_cast<ssize_t>(sizeof exec_errno)) {
    return core::Error{fmt::format("cannot start {}: {}", spec.argv[0], std::strerror(exec_errno))};
  }
  if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) result.term_signal = WTERMSIG(status);
  // The signal handler may have killed the group before the loop saw the flag.
  if (result.term_signal == SIGKILL && interrupted() && !result.timed_out && !result.memory_exceeded)
    result.interrupted = true;
  result.user_s = usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6;
  result.sys_s = usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
  // ru_maxrss also counts the copy of our memory the child held between fork and exec, so a child
  // smaller than pypyready would get pypyready's size; then its own sampled high-water mark is it.
  auto kernel_peak = static_cast<std::uint64_t>(usage.ru_maxrss) * 1024;
  bool maybe_ours = kernel_peak <= parent_rss + parent_rss / 16 + (1U << 20);
  result.max_rss_bytes = maybe_ours && child_high_water > 0 ? child_high_water : kernel_peak;
  result.voluntary_switches = usage.ru_nvcsw;
  result.involuntary_switches = usage.ru_nivcsw;
  if (spec.memory_limit_bytes > 0 && result.max_rss_bytes > spec.memory_limit_bytes)
    result.memory_exceeded = true;
  return result;
}

}  // namespace pypyready::run
