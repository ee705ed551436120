#include "core/file_io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

namespace pypyready::core {
namespace {

Error system_error(std::string_view what, const std::filesystem::path& path) {
  return Error{fmt::format("{}: cannot {}: {}", path.string(), what, std::strerror(errno))};
}

class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }
  int release() { return std::exchange(fd_, -1); }

 private:
  int fd_;
};

}  // namespace

Result<std::string> read_file(const std::filesystem::path& path) {
  FileDescriptor file(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (file.get() < 0) return system_error("read", path);
  struct stat info {};
  if (::fstat(file.get(), &info) != 0) return system_error("read", path);
  if (S_ISDIR(info.st_mode)) return Error{fmt::format("{}: is a directory, expected a file", path.string())};

  std::string content;
  std::size_t filled = 0;
  if (S_ISREG(info.st_mode)) {
    // Straight into the string: reading through a buffer copied every byte once more.
    content.resize(static_cast<std::size_t>(info.st_size));
    while (filled < content.size()) {
      ssize_t count = ::read(file.get(), content.data() + filled, content.size() - filled);
      if (count < 0) {
        if (errno == EINTR) continue;
        return system_error("read", path);
      }
      if (count == 0) break;  // shrank since the stat
      filled += static_cast<std::size_t>(count);
    }
    content.resize(filled);
  }
  char buffer[1 << 16];  // what a pipe or device gives, or what a growing file added since the stat
  for (;;) {
    ssize_t count = ::read(file.get(), buffer, sizeof buffer);
    if (count < 0) {
      if (errno == EINTR) continue;
      return system_error("read", path);
    }
    if (count == 0) break;
    content.append(buffer, static_cast<std::size_t>(count));
  }
  return content;
}

Status write_file_atomically(const std::filesystem::path& path, std::string_view content) {
  std::filesystem::path temporary = path;
  temporary += fmt::format(".tmp.{}", ::getpid());
  FileDescriptor file(::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
  if (file.get() < 0) return system_error("write", temporary);
  while (!content.empty()) {
    ssize_t count = ::write(file.get(), content.data(), content.size());
    if (count < 0) {
      if (errno == EINTR) continue;
      Error error = system_error("write", temporary);
      ::unlink(temporary.c_str());
      return error;
    }
    content.remove_prefix(static_cast<std::size_t>(count));
  }
  if (::fsync(file.get()) != 0 || ::close(file.release()) != 0) {
    Error error = system_error("write", temporary);
    ::unlink(temporary.c_str());
    return error;
  }
  if (::rename(temporary.c_str(), path.c_str()) != 0) {
    Error error = system_error("replace", path);
    ::unlink(temporary.c_str());
    return error;
  }
  return ok_status();
}

}  // namespace pypyready::core
