#include "python/token_format.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "core/file_io.h"
#include "python/source_decoder.h"
#include "python/testing/stdlib_sources.h"

namespace pypyready::python {
namespace {

namespace fs = std::filesystem;

constexpr const char* kPython312 = "/root/.pyenv/versions/3.12.1/bin/python3.12";
// For the whole standard library: 3.12.1's tokenize puts the end of a multi-line string with
// non-ASCII characters a few columns off (test_importlib/test_main.py), 3.13 does not.
constexpr const char* kPython313 = "/root/.pyenv/versions/3.13.0/bin/python3.13";
// The 3.11 standard library with its tests (pyenv's), else Debian's, which has none.
std::string stdlib_311() {
  for (const char* root : {"/root/.pyenv/versions/3.11.7/lib/python3.11", "/usr/lib/python3.11"})
    if (fs::is_directory(root)) return root;
  return {};
}

// Prints, for each file named after argv[1] (relative to the standard library at argv[1]) that
// CPython compiles, "### <relative path>" and its tokens as `python -m tokenize` prints them, with
// the columns turned into UTF-8 byte offsets (format_tokens' columns). Files with a carriage
// return are left out: the decoder turns CRLF into LF, where tokenize keeps it in the NEWLINE
// token's text.
constexpr const char* kTokenizeStdlib = R"(
import io, os, sys, tokenize, warnings
root = sys.argv[1]
warnings.simplefilter('ignore')
for relative in sys.argv[2:]:
    with open(os.path.join(root, relative), 'rb') as source:
        data = source.read()
    if b'\r' in data:
        continue
    try:
        compile(data, relative, 'exec', dont_inherit=True)
        tokens = list(tokenize.tokenize(io.BytesIO(data).readline))
    except Exception:
        continue
    lines = data.decode(tokens[0].string).split('\n')
    def byte_column(row, column):
        line = lines[row - 1] if row - 1 < len(lines) else ''
        return len(line[:column].encode('utf-8', 'surrogatepass')) + max(0, column - len(line))
    sys.stdout.write('### %s\n' % relative)
    for token in tokens[1:]:
        where = '%d,%d-%d,%d:' % (token.start[0], byte_column(*token.start), token.end[0], byte_column(*token.end))
        sys.stdout.write(('%-20s%-15s%-15r' % (where, tokenize.tok_name[token.type], token.string)).rstrip() + '\n')
)";

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
    args.reserve(argv.size() + 1);
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

// Drops trailing spaces of each line (tokenize pads its last column) and the ENCODING token's line.
std::string normalise(std::string_view text) {
  std::istringstream in{std::string(text)};
  std::string out;
  for (std::string line; std::getline(in, line);) {
    std::istringstream fields(line);
    std::string position, type;
    fields >> position >> type;
    if (type == "ENCODING") continue;
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

// The same comparison over the standard library's own files.
TEST(TokenFormat, MatchesPythonTokenizeModuleOnTheStandardLibrary) {
  if (!fs::exists(kPython313)) GTEST_SKIP() << kPython313 << " is not installed";
  const std::string root = stdlib_311();
  if (root.empty()) GTEST_SKIP() << "no Python 3.11 standard library found";
  // Every third file in path order, every file with PYPYREADY_FULL_STDLIB=1 in the environment.
  std::vector<std::string> relative_paths;
  for (const fs::path& path : testing::stdlib_sources(root))
    relative_paths.push_back(path.lexically_relative(root).generic_string());
  std::sort(relative_paths.begin(), relative_paths.end());
  const std::size_t every = std::getenv("PYPYREADY_FULL_STDLIB") != nullptr ? 1 : 3;
  std::vector<std::string> argv = {kPython313, "-c", kTokenizeStdlib, root};
  for (std::size_t i = 0; i < relative_paths.size(); i += every)
    argv.push_back(relative_paths[i]);
  std::optional<std::string> expected = run_capture(argv, std::chrono::seconds(600));
  ASSERT_TRUE(expected) << "python3.13 failed to tokenize " << root;
  std::size_t compared = 0;
  std::size_t at = expected->find("### ");
  while (at != std::string::npos) {
    std::size_t name_end = expected->find('\n', at);
    std::size_t next = expected->find("\n### ", name_end);
    std::string relative = expected->substr(at + 4, name_end - at - 4);
    std::string tokens_expected = expected->substr(
        name_end + 1, (next == std::string::npos ? expected->size() : next + 1) - name_end - 1);
    at = next == std::string::npos ? next : next + 1;

    core::Result<std::string> bytes = core::read_file(fs::path(root) / relative);
    ASSERT_TRUE(bytes.ok()) << relative;
    DecodeResult decoded = decode_source(*bytes);
    ASSERT_FALSE(decoded.error) << relative;
    TokenizedSource tokens = tokenize(decoded.source.text);
    EXPECT_FALSE(tokens.error) << relative;
    std::string ours = normalise(format_tokens(tokens, decoded.source.text));
    if (ours != tokens_expected) {
      // The first line that differs, not two whole token listings.
      std::istringstream left(ours), right(tokens_expected);
      std::string ours_line, expected_line;
      while (std::getline(left, ours_line) && std::getline(right, expected_line) &&
             ours_line == expected_line) {
      }
      ADD_FAILURE() << relative << ": pypyready `" << ours_line << "`, CPython `" << expected_line << "`";
    }
    ++compared;
  }
  EXPECT_GT(compared, 200u) << "too few files compared under " << root;
}

}  // namespace
}  // namespace pypyready::python
