#include "bench/service/port_check.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

namespace pypyready::bench::service {
namespace {

// A connected non-blocking socket, or -1.
int connect_to(const std::string& host, int port, std::chrono::milliseconds timeout) {
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  if (::inet_pton(AF_INET, host.c_str(), &address.sin_addr) != 1) return -1;
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0) return fd;
  if (errno != EINPROGRESS) {
    ::close(fd);
    return -1;
  }
  pollfd entry{fd, POLLOUT, 0};
  int error = 0;
  socklen_t length = sizeof error;
  if (::poll(&entry, 1, static_cast<int>(timeout.count())) != 1 ||
      ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length) != 0 || error != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

// Socket inodes listening on `port` (state 0A) in one of /proc/net/tcp{,6}.
std::vector<std::string> listening_inodes(int port) {
  std::vector<std::string> inodes;
  for (const char* table : {"/proc/net/tcp", "/proc/net/tcp6"}) {
    std::ifstream in(table);
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
      std::istringstream fields(line);
      std::string slot, local, remote, state, queues, timer, retransmits, uid, timeout, inode;
      fields >> slot >> local >> remote >> state >> queues >> timer >> retransmits >> uid >> timeout >> inode;
      auto colon = local.rfind(':');
      if (colon == std::string::npos || state != "0A") continue;
      if (std::stoi(local.substr(colon + 1), nullptr, 16) == port) inodes.push_back(inode);
    }
  }
  return inodes;
}

}  // namespace

bool accepts_connections(const std::string& host, int port, std::chrono::milliseconds timeout) {
  int fd = connect_to(host, port, timeout);
  if (fd < 0) return false;
  ::close(fd);
  return true;
}

std::optional<int> http_status(const std::string& host, int port, const std::string& path,
                               std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  int fd = connect_to(host, port, timeout);
  if (fd < 0) return std::nullopt;
  std::string request =
      fmt::format("GET {} HTTP/1.1\r\nHost: {}:{}\r\nConnection: close\r\n\r\n", path, host, port);
  std::string reply;
  std::size_t sent = 0;
  while (std::chrono::steady_clock::now() < deadline) {
    auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    pollfd entry{fd, static_cast<short>(sent < request.size() ? POLLOUT : POLLIN), 0};
    if (::poll(&entry, 1, static_cast<int>(std::max<long long>(1, left.count()))) != 1) continue;
    if (sent < request.size()) {
      ssize_t n = ::send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) break;
      sent += static_cast<std::size_t>(n);
      continue;
    }
    char buffer[512];
    ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) break;
    reply.append(buffer, static_cast<std::size_t>(n));
    if (reply.find("\r\n") != std::string::npos) break;
  }
  ::close(fd);
  // "HTTP/1.x NNN reason"
  if (!reply.starts_with("HTTP/") || reply.size() < 12) return std::nullopt;
  int status = 0;
  for (std::size_t i = 9; i < 12; ++i) {
    if (reply[i] < '0' || reply[i] > '9') return std::nullopt;
    status = status * 10 + (reply[i] - '0');
  }
  return status;
}

std::string port_holder(int port) {
  std::vector<std::string> inodes = listening_inodes(port);
  if (inodes.empty()) return "";
  std::error_code ec;
  for (const auto& process : std::filesystem::directory_iterator("/proc", ec)) {
    std::string pid = process.path().filename().string();
    if (pid.empty() || pid.find_first_not_of("0123456789") != std::string::npos) continue;
    std::error_code fd_error;
    for (const auto& fd : std::filesystem::directory_iterator(process.path() / "fd", fd_error)) {
      std::error_code link_error;
      std::string target = std::filesystem::read_symlink(fd.path(), link_error).string();
      for (const std::string& inode : inodes) {
        if (target != "socket:[" + inode + "]") continue;
        std::ifstream in(process.path() / "cmdline");
        std::string command((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        for (char& c : command)
          if (c == '\0') c = ' ';
        while (!command.empty() && command.back() == ' ')
          command.pop_back();
        return fmt::format("pid {}: {}", pid, command);
      }
    }
  }
  return "another process (not visible to this user)";
}

}  // namespace pypyready::bench::service
