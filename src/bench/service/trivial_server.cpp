#include "bench/service/trivial_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace pypyready::bench::service {
namespace {

constexpr std::string_view kResponse =
    "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok";

struct Client {
  int fd = -1;
  std::string pending;  ///< request bytes not yet ending in a blank line
  std::string unsent;   ///< responses the socket did not take yet
};

}  // namespace

core::Result<std::unique_ptr<TrivialServer>> TrivialServer::start() {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) return core::Error{fmt::format("cannot create a socket: {}", std::strerror(errno))};
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 || ::listen(fd, 512) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    ::close(fd);
    return core::Error{fmt::format("cannot listen on loopback: {}", std::strerror(errno))};
  }
  std::unique_ptr<TrivialServer> server(new TrivialServer());
  server->listen_fd_ = fd;
  server->port_ = ntohs(address.sin_port);
  server->thread_ = std::thread([raw = server.get()] { raw->serve(); });
  return server;
}

TrivialServer::~TrivialServer() {
  stop_ = true;
  if (thread_.joinable()) thread_.join();
  if (listen_fd_ >= 0) ::close(listen_fd_);
}

void TrivialServer::serve() {
  std::vector<Client> clients;
  std::vector<pollfd> polled;
  char buffer[16384];
  while (!stop_) {
    polled.assign(1, {listen_fd_, POLLIN, 0});
    for (const Client& client : clients)
      polled.push_back({client.fd, static_cast<short>(POLLIN | (client.unsent.empty() ? 0 : POLLOUT)), 0});
    if (::poll(polled.data(), polled.size(), 50) <= 0) continue;
    if (polled[0].revents & POLLIN) {
      int fd;
      while ((fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC)) >= 0) {
        int one = 1;
        ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        clients.push_back({fd, "", ""});
      }
    }
    for (std::size_t i = 1; i < polled.size(); ++i) {
      Client& client = clients[i - 1];
      bool closed = (polled[i].revents & (POLLERR | POLLHUP)) != 0 && (polled[i].revents & POLLIN) == 0;
      if (polled[i].revents & POLLIN) {
        ssize_t n = ::recv(client.fd, buffer, sizeof buffer, 0);
        if (n <= 0) {
          closed = n == 0 || (errno != EAGAIN && errno != EINTR);
        } else {
          client.pending.append(buffer, static_cast<std::size_t>(n));
          // Requests without bodies (wrk's GETs): each blank line ends one.
          std::size_t end;
          while ((end = client.pending.find("\r\n\r\n")) != std::string::npos) {
            client.pending.erase(0, end + 4);
            client.unsent.append(kResponse);
          }
        }
      }
      if (!closed && !client.unsent.empty()) {
        ssize_t n = ::send(client.fd, client.unsent.data(), client.unsent.size(), MSG_NOSIGNAL);
        if (n > 0) client.unsent.erase(0, static_cast<std::size_t>(n));
        if (n < 0 && errno != EAGAIN && errno != EINTR) closed = true;
      }
      if (closed) {
        ::close(client.fd);
        client.fd = -1;
      }
    }
    std::erase_if(clients, [](const Client& client) { return client.fd < 0; });
  }
  for (const Client& client : clients)
    ::close(client.fd);
}

}  // namespace pypyready::bench::service
