#include "python/literal_repr.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include "python/testing/python_oracle.h"
#include "python/unicode.h"

namespace pypyready::python {
namespace {

using testing::from_hex;
using testing::split_lines;
using testing::to_hex;

TEST(ReprFloat, FollowsPythonLayout) {
  EXPECT_EQ(repr_float(1e16), "1e+16");
  EXPECT_EQ(repr_float(1e15), "1000000000000000.0");
  EXPECT_EQ(repr_float(1e-5), "1e-05");
  EXPECT_EQ(repr_float(0.0001), "0.0001");
  EXPECT_EQ(repr_float(1.0), "1.0");
  EXPECT_EQ(repr_float(0.1), "0.1");
  EXPECT_EQ(repr_float(-0.0), "-0.0");
  EXPECT_EQ(repr_float(5e-324), "5e-324");
  EXPECT_EQ(repr_float(1.7976931348623157e308), "1.7976931348623157e+308");
  EXPECT_EQ(repr_float(std::numeric_limits<double>::infinity()), "inf");
  EXPECT_EQ(repr_float(std::numeric_limits<double>::quiet_NaN()), "nan");
  EXPECT_EQ(repr_float(1.5e300), "1.5e+300");
}

TEST(ReprInt, RefusesMoreDigitsThanCPythonPrints) {
  EXPECT_EQ(*repr_int("12345"), "12345");
  EXPECT_EQ(*repr_int(std::string(4300, '9')), std::string(4300, '9'));
  EXPECT_EQ(
      repr_int("1" + std::string(4300, '0')).error().message,
      "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to "
      "increase the limit");
}

TEST(ReprComplex, PrintsPureImaginaryWithoutParentheses) {
  EXPECT_EQ(repr_complex(0.0, 1.0), "1j");
  EXPECT_EQ(repr_complex(0.0, 2.5), "2.5j");
  EXPECT_EQ(repr_complex(0.0, 1e100), "1e+100j");
  EXPECT_EQ(repr_complex(0.0, 0.0), "0j");
  EXPECT_EQ(repr_complex(0.0, std::numeric_limits<double>::infinity()), "infj");
  EXPECT_EQ(repr_complex(1.0, -2.0), "(1-2j)");
  EXPECT_EQ(repr_complex(-0.0, 1.0), "(-0+1j)");
}

TEST(ReprStr, ChoosesQuotesAndEscapes) {
  EXPECT_EQ(repr_str("it's"), "\"it's\"");
  EXPECT_EQ(repr_str("'\""), "'\\'\"'");
  EXPECT_EQ(repr_str("a\tb\n\\\x7f\x01"), "'a\\tb\\n\\\\\\x7f\\x01'");
  EXPECT_EQ(repr_str("\xC3\xA9\xC2\xA0\xED\xA0\x80\xF3\xA0\x80\x81"), "'\xC3\xA9\\xa0\\ud800\\U000e0001'");
  EXPECT_EQ(repr_bytes("it's\xff"), "b\"it's\\xff\"");
}

std::uint64_t next_random(std::uint64_t& state) {  // splitmix64: deterministic test inputs
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

TEST(ReprOracle, FloatsAndImaginariesMatchCPython) {
  std::vector<double> values;
  std::uint64_t state = 42;
  for (int i = 0; i < 20000; ++i) {
    const std::uint64_t bits = next_random(state);
    double value;
    std::memcpy(&value, &bits, sizeof value);
    if (!std::isnan(value)) values.push_back(value);
  }
  for (int exponent = -330; exponent <= 310; ++exponent) {
    const double power = std::pow(10.0, exponent);
    values.insert(values.end(),
                  {power, std::nextafter(power, 0.0), std::nextafter(power, INFINITY), power * 1.5});
  }
  for (double value :
       {0.0, -0.0, 0.1, 0.5, 1.0, 100.0, 123456.789, 9007199254740993.0, 5e-324, 2.2250738585072014e-308}) {
    values.push_back(value);
  }
  std::string script = "import struct\nvalues = '''";
  for (double value : values) {
    std::uint64_t bits;
    std::memcpy(&bits, &value, sizeof bits);
    char hex[20];
    std::snprintf(hex, sizeof hex, "%016llx ", static_cast<unsigned long long>(bits));
    script += hex;
  }
  script += R"('''.split()
for h in values:
    x = struct.unpack('>d', bytes.fromhex(h))[0]
    print(repr(x), repr(complex(0.0, x)))
)";
  PYPYREADY_ORACLE_OR_SKIP(output, script);
  const std::vector<std::string_view> lines = split_lines(output);
  ASSERT_EQ(lines.size(), values.size());
  int mismatches = 0;
  for (std::size_t i = 0; i < values.size() && mismatches < 20; ++i) {
    const std::string expected = repr_float(values[i]) + " " + repr_complex(0.0, values[i]);
    if (lines[i] != expected) ++mismatches, ADD_FAILURE() << lines[i] << " != " << expected;
  }
}

TEST(ReprOracle, StrReprMatchesCPythonForEveryCodePoint) {
  PYPYREADY_ORACLE_OR_SKIP(output, R"(
for start in range(0, 0x110000, 64):
    text = ''.join(chr(c) for c in range(start, start + 64))
    print(repr(text).encode('utf-8', 'surrogatepass').hex())
for text in ["'", '"', '\'"', "a'b", 'a"b', '', '\\', "'\\'"]:
    print(repr(text).encode().hex())
for start in range(0, 256, 16):
    print(repr(bytes(range(start, start + 16))).encode().hex())
for data in [b"'", b'"', b'\'"', b'']:
    print(repr(data).encode().hex())
)");
  std::vector<std::string> expected;
  for (char32_t start = 0; start < 0x110000; start += 64) {
    std::string text;
    for (char32_t c = start; c < start + 64; ++c)
      append_utf8(text, c);
    expected.push_back(repr_str(text));
  }
  for (const char* text : {"'", "\"", "'\"", "a'b", "a\"b", "", "\\", "'\\'"})
    expected.push_back(repr_str(text));
  for (int start = 0; start < 256; start += 16) {
    std::string data;
    for (int c = start; c < start + 16; ++c)
      data.push_back(static_cast<char>(c));
    expected.push_back(repr_bytes(data));
  }
  for (const char* data : {"'", "\"", "'\"", ""})
    expected.push_back(repr_bytes(data));
  const std::vector<std::string_view> lines = split_lines(output);
  ASSERT_EQ(lines.size(), expected.size());
  int mismatches = 0;
  for (std::size_t i = 0; i < expected.size() && mismatches < 20; ++i) {
    if (from_hex(lines[i]) != expected[i])
      ++mismatches, ADD_FAILURE() << from_hex(lines[i]) << " != " << expected[i];
  }
}

}  // namespace
}  // namespace pypyready::python
