#include "python/token_format.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "core/file_io.h"
#include "python/source_decoder.h"

namespace pypyready::python {
namespace {

namespace fs = std::filesystem;

constexpr const char* kPython312 = "/root/.pyenv/versions/3.12.1/bin/python3.12";

// Runs argv in its own process group and returns its standard output, or nullopt if it
// failed or ran past the timeout (then the whole group is killed). Always reaps the child.
std::optional<std::string> run_capture(const std::vector<std::string>& argv, std::chrono::seconds timeout) {
  int fds[2];
  if (::pipe(fds) != 0) return std::nullopt;
  pid_t pid = ::fork();
  if (pid < 0) return std::nullopt;
  if (pid == 0) {
    ::setpgid(0, 0);
    int null_fd = ::open("/dev/null", O_RDWR);
    ::dup2(null_fd, 0);
    ::dup2(null_fd, 2);
    ::dup2(fds[1], 1);
    ::close(fds[0]);
    ::close(fds[1]);
    std::vector<char*> args;
    for (const std::string& arg : argv)
      args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    ::execv(args[0], args.data());
    ::_exit(127);
  }
  ::setpgid(pid, pid);
  ::close(fds[1]);
  std::string output;
  auto deadline = std::chrono::steady_clock::now() + timeout;
  bool timed_out = false;
  char buffer[65536];
  for (;;) {
    auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      timed_out = true;
      break;
    }
    pollfd poll_fd{fds[0], POLLIN, 0};
    if (::poll(&poll_fd, 1, static_cast<int>(left.count())) <= 0) continue;
    ssize_t count = ::read(fds[0], buffer, sizeof buffer);
    if (count <= 0) break;
    output.append(buffer, static_cast<std::size_t>(count));
  }
  ::close(fds[0]);
  if (timed_out) ::kill(-pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);
  if (timed_out || !WIFEXITED(status) || WEXITSTATUS(status) != 0) return std::nullopt;
  return output;
}

// Drops trailing spaces of each line (tokenize pads its last column) and the ENCODING line.
std::string normalise(std::string_view text) {
  std::istringstream in{std::string(text)};
  std::string out;
  for (std::string line; std::getline(in, line);) {
    if (line.find("ENCODING") != std::string::npos) continue;
    line.erase(line.find_last_not_of(' ') + 1);
    out += line + '\n';
  }
  return out;
}

TEST(TokenFormat, PythonTokenizeLayout) {
  std::string source = "if x:\n    y = f'{a!r}'  # note\n";
  std::string expected =
      "1,0-1,2:            NAME           'if'           \n"
      "1,3-1,4:            NAME           'x'            \n"
      "1,4-1,5:            OP             ':'            \n"
      "1,5-1,6:            NEWLINE        '\\n'           \n"
      "2,0-2,4:            INDENT         '    '         \n"
      "2,4-2,5:            NAME           'y'            \n"
      "2,6-2,7:            OP             '='            \n"
      "2,8-2,10:           FSTRING_START  \"f'\"           \n"
      "2,10-2,11:          OP             '{'            \n"
      "2,11-2,12:          NAME           'a'            \n"
      "2,12-2,13:          OP             '!'            \n"
      "2,13-2,14:          NAME           'r'            \n"
      "2,14-2,15:          OP             '}'            \n"
      "2,15-2,16:          FSTRING_END    \"'\"            \n"
      "2,18-2,24:          COMMENT        '# note'       \n"
      "2,24-2,25:          NEWLINE        '\\n'           \n"
      "3,0-3,0:            DEDENT         ''             \n"
      "3,0-3,0:            ENDMARKER      ''             \n";
  EXPECT_EQ(format_tokens(tokenize(source), source), expected);
}

TEST(TokenFormat, StopsAtTheError) {
  std::string source = "a = (\n# c\n";
  EXPECT_EQ(normalise(format_tokens(tokenize(source), source)),
            "1,0-1,1:            NAME           'a'\n"
            "1,2-1,3:            OP             '='\n"
            "1,4-1,5:            OP             '('\n"
            "1,5-1,6:            NL             '\\n'\n"
            "2,0-2,3:            COMMENT        '# c'\n"
            "2,3-2,4:            NL             '\\n'\n");
}

// Representative inputs, ASCII only: tokenize counts columns in characters, we in bytes.
const char* const kSamples[] = {
    "import os\n\n\nclass A(object):\n    '''doc'''\n\n    def f(self, *a, **k) -> int:\n"
    "        # comment\n        return (a +\n                k)  # trailing\n\n\n@dec\nasync def g():\n"
    "    await x\n    x = [i for i in range(10) if i % 2]\n    y = {1: 2, **z}\n",
    "x = f'{a!r:>{width}.{prec}} {b=} {{literal}} {c:%Y-%m-%d}'\ny = rf\"\\d{x}\" f'''\n{\n  z # c\n}'''\n"
    "w = f'{\"nested\" + f\"{q}\"}' F'{x:}' f'{x:{y}}'\n",
    "if a:\n\tpass\nelif b:\n  x = 0x_ff + 0o17 + 0b1 + 1_000.5e-3j + .5 + 1.\nelse:\n    y = \\\n        2\n"
    "try:\n    pass\nexcept* E as e:\n    raise\nfinally:\n    del x\nmatch p:\n    case [1, *_] if x:\n"
    "        pass\ntype T[X] = list[X]\nlambda: (yield)\n",
    "x = 1\n  # dedented comment inside nothing\n\n\ndef f():\n    return\n        # deeper comment\n"
    "# top comment\n",
    "s = b'bytes' B\"\" rb'\\x' BR'''raw\n''' u'unicode' 'a' \"b\" '''c''' \"\"\"d\n\"\"\"\nt = 'x' \\\n  "
    "'y'",
};

TEST(TokenFormat, MatchesPythonTokenizeModule) {
  if (!fs::exists(kPython312)) GTEST_SKIP() << kPython312 << " is not installed";
  fs::path dir = fs::temp_directory_path() / ("pypyready-token-format-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  int index = 0;
  for (const char* sample : kSamples) {
    fs::path file = dir / ("sample" + std::to_string(index++) + ".py");
    ASSERT_TRUE(core::write_file_atomically(file, sample).ok());
    std::optional<std::string> expected =
        run_capture({kPython312, "-m", "tokenize", file.string()}, std::chrono::seconds(60));
    ASSERT_TRUE(expected) << "python3.12 -m tokenize failed on " << file;
    DecodeResult decoded = decode_source(sample);
    ASSERT_FALSE(decoded.error);
    TokenizedSource tokens = tokenize(decoded.source.text);
    EXPECT_FALSE(tokens.error) << file;
    EXPECT_EQ(normalise(format_tokens(tokens, decoded.source.text)), normalise(*expected)) << file;
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace pypyready::python
