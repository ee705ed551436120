// The tokenizer's fast path (lexer_fast_path.cpp) against the general path alone, which follows
// CPython's state machine and which the other tokenizer tests pin down: both must give the same
// tokens, trivia and error, byte for byte, on snippets of every kind of token, on every prefix
// of them (the end of the text is where the fast path hands over), on mutated copies, on the
// fuzz corpus and on the whole standard library.

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/file_io.h"
#include "python/lexer.h"
#include "python/source_decoder.h"
#include "python/testing/python_oracle.h"
#include "python/testing/stdlib_sources.h"
#include "python/tokenizer.h"

namespace pypyready::python {
namespace {

namespace fs = std::filesystem;

std::string describe_token(const Token& token) {
  return std::to_string(static_cast<int>(token.kind)) + " " + std::to_string(token.begin) + "-" +
         std::to_string(token.end) + " " + std::to_string(token.line) + ":" + std::to_string(token.column) +
         "-" + std::to_string(token.end_line) + ":" + std::to_string(token.end_column) + "\n";
}

// Every field of the result, one token a line.
std::string describe_all(const TokenizedSource& result) {
  std::string out;
  for (const Token& token : result.tokens)
    out += describe_token(token);
  out += "trivia\n";
  for (const Token& token : result.trivia)
    out += describe_token(token);
  if (result.error) {
    out += "error " + result.error->message + " " + std::to_string(result.error->line) + ":" +
           std::to_string(result.error->column) + "-" + std::to_string(result.error->end_line) + ":" +
           std::to_string(result.error->end_column) + "\n";
  }
  return out;
}

// Whether tokenize() (fast path) and the general path alone agree on `text`; a failure names the
// text, escaped.
::testing::AssertionResult same_on_both_paths(std::string_view text) {
  std::string fast = describe_all(tokenize(text));
  std::string general = describe_all(detail::Lexer(text).run_general_path_only());
  if (fast == general) return ::testing::AssertionSuccess();
  // The descriptions from their first difference on (they can be as long as a file).
  std::size_t first = 0;
  while (first < fast.size() && first < general.size() && fast[first] == general[first])
    ++first;
  first = fast.rfind('\n', first) == std::string::npos ? 0 : fast.rfind('\n', first) + 1;
  ::testing::AssertionResult failure = ::testing::AssertionFailure();
  if (text.size() <= 4096) failure << "text (hex) " << testing::to_hex(text) << "\n";
  return failure << "fast path from the first difference:\n"
                 << fast.substr(first, 600) << "\ngeneral path:\n"
                 << general.substr(first, 600);
}

// Snippets for every branch of the fast path and every hand-over to the general path.
const std::vector<std::string>& snippets() {
  static const std::vector<std::string> kSnippets = {
      "",
      "\n",
      "x",
      "x\n",
      "import os\nif os.name == 'nt':\n    pass\nelse:\n    x = [1, 2.5, .5, 1e3, 0x1f, 1j]\n",
      "def f(a, *b, **c) -> None:\n    return a // 2 ** 3 >> 1 << 2 | 4 & 5 ^ ~6 % 7 @ m\n",
      "x += 1; y -= 2; z *= 3; w /= 4; v //= 5; u %= 6; t **= 7; s @= m; r |= 1; q &= 2; p ^= 3\n",
      "a <<= 1; b >>= 2; c == d != e <= f >= g < h > i; (j := 3); k = ...; l = a.b.c; !x\n",
      "class C:\n    def m(self):\n        if x:\n            pass\n\n    # comment\n  \n    y = 1\nz = 2\n",
      "if x:\n    y\n  z\n",
      "if x:\n\ty\n        z\n",
      "if x:\n        y\n\tz\n",
      "if x:\n \f y\n",
      "x = (1,\n     2)  # in brackets\ny = [\n\n]\n",
      "x = 1 + \\\n    2\n",
      "if x:\n    \\\n  y\n",
      "x = \\",
      "x = \\ y\n",
      "\\\n",
      "x = 'abc' \"def\" '''g\nh''' \"\"\"i\"\"\" b'j' rb'k' Rb\"l\" u'm' br'n'\n",
      "x = f'a{b}c{d!r:>{w}}' + rf\"{x}\" + f'''{\ny\n}'''\n",
      "f'{x:{y}}' f'{{}}' f\"{a['b']}\"\n",
      "x = f'{a}' if b else c\n",
      "x = 'unterminated\n",
      "x = '''unterminated\n\n",
      "x = (1,\n",
      "x = )\n",
      "x = (]\n",
      "x = [1,\n2}\n",
      "}\n",
      std::string(201, '(') + "\n",
      std::string(199, '(') + std::string(199, ')') + "\n",
      "x = $\n",
      "x = ?\n",
      "x = `\n",
      std::string("x = \0 y\n", 8),
      "x = \x7f\n",
      "x = \x01\n",
      "x\ry\n",
      "\xc3\xa9t\xc3\xa9 = 1\n",
      "a\xc3\xa9 = \xe2\x82\xac\n",
      "x = 1if y else 2\n",
      "x = 0_0 + 1_000 + 0b1 + 0o7 + 1__0\n",
      "x = 09\n",
      "x = 1.e5 + 1e + 1_\n",
      "for_ in range: pass\nclass_ = lambda_ = nonlocal_ = 1\n",
      "if\nelse\nNone\nTrue\nFalse\nnonlocal\ncontinue\n",
      "async def f(): await x\n",
      "while True:\n    break\n",
      "x = 1   ",
      "x = 1  # comment",
      "if x:\n    y = 1",
      "if x:\n    y = 1\n    ",
      "if x:\n    y = 1\n  ",
      "# only a comment",
      "    ",
      "   \n",
      "\n\n\n",
      "x = (\n",
      "x = (",
      "x = 'abc",
      "x = f'abc",
      "def f():\n    '''doc'''\n    return {'a': [1, (2, 3)], **d}\n",
      "@decorator\nclass C(Base, metaclass=M):\n    x: int = 1\n",
      "x = a if b else c\nprint(*args, sep='')\n",
      "match x:\n    case [1, 2]:\n        pass\n    case _:\n        pass\n",
      "x=1\n\x0cy=2\n",
      "elif\n",
      "verylongidentifiername_with_more_than_eight = 1\n",
      "ab",
      "if",
      "import",
      "nonlocal",
      "x = abc",
      std::string("x\0", 2),
      std::string("x = 1\n\0", 7),
      "if x:\n  if y:\n    z\n  w\n",
      "if x:\n  if y:\n    z\nw\n",
      "if x:\n    if y:\n        z\n  w\n",
      "if x:\n\ty\n\tif z:\n\t\tw\n        v\n",
      "if x:\n        y\n\tif z:\n                w\n",
      "if x:\n  y\n    z\n",
      "x = [0, 00, 01, 0x, 0_1, 1_000, 1if x else 2, 1 if x else 2, 5., 7j, 1e5, 12_, 3and 4, 0or 1]\n",
      "x = 123abc\n",
      "x = 0\n",
      "x = 9",
      "x = 0",
      "x = 42 # comment\n",
      "s = ['', \"\", 'a', \"b\", 'a\\'b', \"a\\\"b\", 'a\\\\', 'a\\\nb', 'x' 'y', '\xc3\xa9']\n",
      "s = 'a\\",
      "s = 'a\\\n",
      "s = 'a",
      "s = ''",
      "s = '''",
      "s = '",
      "s = 'abc'",
      "s = '' ''\n",
      std::string("s = 'a\0b'\n", 10),
      std::string("s = 'a\\\0b'\n", 11),
      "s = 'a\"b' \"a'b\"\n",
      "s = 'unterminated\nx = 1\n",
  };
  return kSnippets;
}

TEST(TokenizerFastPath, AgreesWithTheGeneralPathOnSnippets) {
  for (const std::string& text : snippets())
    EXPECT_TRUE(same_on_both_paths(text));
}

// The fast path checks for the end of the text only at line starts and after the general path,
// relying on a final newline or on the copy's terminating zero: every cut must agree.
TEST(TokenizerFastPath, AgreesOnEveryPrefix) {
  for (const std::string& text : snippets()) {
    for (std::size_t length = 0; length <= text.size(); ++length)
      EXPECT_TRUE(same_on_both_paths(std::string_view(text).substr(0, length)));
  }
}

// Single-byte changes, deletions and insertions of bytes that matter to the tokenizer.
TEST(TokenizerFastPath, AgreesOnMutatedSnippets) {
  static constexpr char kBytes[] = " \t\f\n\\#'\"(){}[]:.=!<>*/-+0aAbrfe_\xc3\xa9\x80\x01$?";
  std::uint64_t state = 0x9E3779B97F4A7C15ULL;
  auto random = [&](std::uint64_t bound) {
    // xorshift64: deterministic, so a failure reproduces.
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return static_cast<std::size_t>(state % bound);
  };
  for (const std::string& original : snippets()) {
    for (int round = 0; round < 200; ++round) {
      std::string text = original;
      for (int change = 0, changes = 1 + static_cast<int>(random(3)); change < changes; ++change) {
        char byte = kBytes[random(sizeof kBytes - 1)];
        std::size_t at = random(text.size() + 1);
        switch (random(3)) {
          case 0:
            if (at < text.size()) text[at] = byte;
            break;
          case 1:
            if (at < text.size()) text.erase(at, 1);
            break;
          default:
            text.insert(at, 1, byte);
            break;
        }
      }
      EXPECT_TRUE(same_on_both_paths(text));
    }
  }
}

TEST(TokenizerFastPath, AgreesOnTheFuzzCorpus) {
  fs::path corpus = fs::path(PYPYREADY_SOURCE_DIR) / "tests/fuzz/corpus/tokenizer";
  std::size_t files = 0;
  for (const fs::directory_entry& entry : fs::directory_iterator(corpus)) {
    core::Result<std::string> bytes = core::read_file(entry.path());
    ASSERT_TRUE(bytes.ok()) << bytes.error().message;
    ++files;
    EXPECT_TRUE(same_on_both_paths(*bytes)) << entry.path();
  }
  EXPECT_GT(files, 10u);
}

TEST(TokenizerFastPath, AgreesOnTheStandardLibrary) {
  PYPYREADY_ORACLE_OR_SKIP(output, "import sysconfig\nprint(sysconfig.get_paths()['stdlib'])\n");
  fs::path root = std::string(testing::split_lines(output).at(0));
  ASSERT_TRUE(fs::is_directory(root)) << root;
  std::size_t files = 0;
  for (const fs::path& path : testing::stdlib_sources(root)) {
    core::Result<std::string> bytes = core::read_file(path);
    ASSERT_TRUE(bytes.ok()) << bytes.error().message;
    DecodeResult decoded = decode_source(*bytes);
    if (decoded.error) continue;
    ++files;
    EXPECT_TRUE(same_on_both_paths(decoded.source.text)) << path;
  }
  EXPECT_GT(files, 500u);
}

}  // namespace
}  // namespace pypyready::python
