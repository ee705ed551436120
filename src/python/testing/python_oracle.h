#pragma once
// Test support: runs a short script in CPython 3.11 (the behaviour the front end must match)
// and returns what it printed. Header-only; used by the differential tests of src/python.

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <stdlib.h>

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pypyready::python::testing {

/// What running the oracle gave: its standard output, or why there is none.
struct OracleOutput {
  std::optional<std::string> output;  ///< set when python3 ran and exited 0
  std::string skip_reason;            ///< why the comparison cannot run (no python3, not 3.11)
  bool broken = false;                ///< python3 ran but failed or hung: a test failure
};

/// Hex digits of `bytes`, to hand arbitrary text to a script as bytes.fromhex('...').
inline std::string to_hex(std::string_view bytes) {
  constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (char c : bytes) {
    out.push_back(kDigits[static_cast<unsigned char>(c) >> 4]);
    out.push_back(kDigits[static_cast<unsigned char>(c) & 0xF]);
  }
  return out;
}

/// Decodes to_hex's output.
inline std::string from_hex(std::string_view hex) {
  const auto nibble = [](char c) { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; };
  std::string out;
  out.reserve(hex.size() / 2);
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
    out.push_back(static_cast<char>(nibble(hex[i]) * 16 + nibble(hex[i + 1])));
  }
  return out;
}

/// Runs `python3 script` in its own process group with stdin closed, killing the group
/// after `timeout`. The script runs only on CPython 3.11; elsewhere the result says to skip.
inline OracleOutput run_python_oracle(const std::string& script,
                                      std::chrono::seconds timeout = std::chrono::seconds(120)) {
  const std::string guarded =
      "import sys\n"
      "if sys.version_info[:2] != (3, 11):\n"
      "    print('SKIP python3 is %d.%d, the oracle must be CPython 3.11' % sys.version_info[:2])\n"
      "    sys.exit(0)\n" +
      script;
  // The script goes through a file: argv cannot carry the large inputs some tests build.
  std::string script_path = (std::filesystem::temp_directory_path() / "pypyready-oracle-XXXXXX").string();
  const int script_fd = ::mkstemp(script_path.data());
  if (script_fd < 0) return {std::nullopt, "cannot create a temporary script file", true};
  const bool written =
      ::write(script_fd, guarded.data(), guarded.size()) == static_cast<ssize_t>(guarded.size());
  ::close(script_fd);
  struct RemoveScript {
    const std::string& path;
    ~RemoveScript() { ::unlink(path.c_str()); }
  } remove_script{script_path};
  if (!written) return {std::nullopt, "cannot write the temporary script file", true};
  int pipe_fds[2];
  if (::pipe(pipe_fds) != 0) return {std::nullopt, "cannot create a pipe for python3", true};
  const pid_t pid = ::fork();
  if (pid < 0) return {std::nullopt, "cannot fork python3", true};
  if (pid == 0) {
    ::setpgid(0, 0);
    const int null_fd = ::open("/dev/null", O_RDONLY);
    ::dup2(null_fd, 0);
    ::dup2(pipe_fds[1], 1);
    ::close(pipe_fds[0]);
    ::close(pipe_fds[1]);
    ::execlp("python3", "python3", "-X", "utf8", script_path.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::setpgid(pid, pid);
  ::close(pipe_fds[1]);
  std::string output;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  bool timed_out = false;
  char buffer[65536];
  while (true) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      timed_out = true;
      break;
    }
    pollfd poll_fd{pipe_fds[0], POLLIN, 0};
    if (::poll(&poll_fd, 1, static_cast<int>(left.count())) <= 0) continue;
    const ssize_t count = ::read(pipe_fds[0], buffer, sizeof buffer);
    if (count <= 0) break;
    output.append(buffer, static_cast<std::size_t>(count));
  }
  ::close(pipe_fds[0]);
  if (timed_out) ::kill(-pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);
  if (timed_out) return {std::nullopt, "python3 timed out", true};
  if (!WIFEXITED(status) || WEXITSTATUS(status) == 127) return {std::nullopt, "python3 is not installed"};
  if (WEXITSTATUS(status) != 0)
    return {std::nullopt, "python3 failed (exit " + std::to_string(WEXITSTATUS(status)) + ")", true};
  if (output.starts_with("SKIP ")) return {std::nullopt, output.substr(5)};
  return {std::move(output), {}};
}

/// Runs the oracle inside a test: skips the test when CPython 3.11 is absent, fails it when
/// the script broke. Use as `PYPYREADY_ORACLE_OR_SKIP(output, script);`.
#define PYPYREADY_ORACLE_OR_SKIP(output, script)                                  \
  std::string output;                                                             \
  {                                                                               \
    auto oracle_result = ::pypyready::python::testing::run_python_oracle(script); \
    if (oracle_result.broken) FAIL() << oracle_result.skip_reason;                \
    if (!oracle_result.output) GTEST_SKIP() << oracle_result.skip_reason;         \
    output = std::move(*oracle_result.output);                                    \
  }

/// Splits output into lines (without the newlines).
inline std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    lines.push_back(text.substr(0, end));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return lines;
}

}  // namespace pypyready::python::testing
