// Decodes and tokenizes every .py file of the python3 standard library: a lexical error is
// allowed only in the files CPython itself refuses to compile.

#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>

#include "core/file_io.h"
#include "python/source_decoder.h"
#include "python/testing/python_oracle.h"
#include "python/testing/stdlib_sources.h"
#include "python/tokenizer.h"

namespace pypyready::python {
namespace {

namespace fs = std::filesystem;

// The nine files of the CPython 3.11 standard library that compile() rejects, apart from the
// __future__ checks of test/test_future_stmt/badsyntax_future*.py (found with compile() over
// the whole tree). The lib2to3 data bom.py, crlf.py, different_encoding.py and
// false_encoding.py are Python 2 and fail only in the parser; the other five fail here.
const std::set<std::string> kRejectedByCPython = {
    "lib2to3/tests/data/bom.py",
    "lib2to3/tests/data/crlf.py",
    "lib2to3/tests/data/different_encoding.py",
    "lib2to3/tests/data/false_encoding.py",
    "lib2to3/tests/data/py2_test_grammar.py",
    "test/tokenizedata/bad_coding.py",
    "test/tokenizedata/bad_coding2.py",
    "test/tokenizedata/badsyntax_3131.py",
    "test/tokenizedata/badsyntax_pep3120.py",
};

TEST(TokenizerStdlib, EveryFileTokenizesExceptThoseCPythonRejects) {
  PYPYREADY_ORACLE_OR_SKIP(output, "import sysconfig\nprint(sysconfig.get_paths()['stdlib'])\n");
  fs::path root = std::string(testing::split_lines(output).at(0));
  ASSERT_TRUE(fs::is_directory(root)) << root;

  std::size_t files = 0;
  std::set<std::string> failed;
  for (const fs::path& path : testing::stdlib_sources(root)) {
    core::Result<std::string> bytes = core::read_file(path);
    ASSERT_TRUE(bytes.ok()) << bytes.error().message;
    ++files;
    std::string relative = path.lexically_relative(root).generic_string();
    DecodeResult decoded = decode_source(*bytes);
    if (decoded.error) {
      failed.insert(relative);
      EXPECT_TRUE(kRejectedByCPython.count(relative))
          << relative << ":" << decoded.error->line << ": " << decoded.error->message;
      continue;
    }
    TokenizedSource tokens = tokenize(decoded.source.text);
    if (tokens.error) {
      failed.insert(relative);
      EXPECT_TRUE(kRejectedByCPython.count(relative))
          << relative << ":" << tokens.error->line << ":" << tokens.error->column << ": "
          << tokens.error->message;
    }
  }
  EXPECT_GT(files, 500u) << "the standard library under " << root << " looks incomplete";
  if (failed.empty()) return;
  // Where the rejected test data is present, the reasons CPython gives are lexical ones we find too.
  for (const char* expected : {"test/tokenizedata/bad_coding.py", "test/tokenizedata/badsyntax_3131.py"}) {
    if (fs::exists(root / expected)) {
      EXPECT_TRUE(failed.count(expected)) << expected;
    }
  }
}

}  // namespace
}  // namespace pypyready::python
