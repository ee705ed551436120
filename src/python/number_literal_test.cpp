#include "python/number_literal.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "python/literal_repr.h"
#include "python/testing/python_oracle.h"

namespace pypyready::python {
namespace {

using testing::split_lines;
using testing::to_hex;

std::string repr_of(std::string_view token) {
  const core::Result<NumberLiteral> number = evaluate_number_literal(token);
  if (!number) return "error: " + number.error().message;
  switch (number->kind) {
    case NumberKind::kInt:
      return number->decimal;
    case NumberKind::kFloat:
      return repr_float(number->value);
    case NumberKind::kImaginary:
      return repr_complex(0.0, number->value);
  }
  return {};
}

TEST(NumberLiteral, ClassifiesTokens) {
  EXPECT_EQ(classify_number_token("0xE5"), NumberKind::kInt);
  EXPECT_EQ(classify_number_token("1e5"), NumberKind::kFloat);
  EXPECT_EQ(classify_number_token("1."), NumberKind::kFloat);
  EXPECT_EQ(classify_number_token("10J"), NumberKind::kImaginary);
  EXPECT_EQ(classify_number_token("1_000"), NumberKind::kInt);
}

TEST(NumberLiteral, EvaluatesExactly) {
  EXPECT_EQ(repr_of("0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF"), "340282366920938463463374607431768211455");
  EXPECT_EQ(repr_of("1_000_000"), "1000000");
  EXPECT_EQ(repr_of("0o17"), "15");
  EXPECT_EQ(repr_of("0B1_01"), "5");
  EXPECT_EQ(repr_of("00_0"), "0");
  EXPECT_EQ(repr_of("1e400"), "inf");
  EXPECT_EQ(repr_of("1e-400"), "0.0");
  EXPECT_EQ(repr_of("1_0.5e1_0"), "105000000000.0");
  EXPECT_EQ(repr_of("1j"), "1j");
  EXPECT_EQ(repr_of("1e400j"), "infj");
  EXPECT_EQ(repr_of(".5"), "0.5");
}

TEST(NumberLiteral, LimitsDecimalIntegerDigitsLikeCPython) {
  EXPECT_EQ(repr_of(std::string(4300, '7')), std::string(4300, '7'));
  EXPECT_EQ(repr_of(std::string(4400, '0')), "0");
  EXPECT_EQ(
      repr_of("1" + std::string(4300, '0')),
      "error: Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; use "
      "sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals "
      "to avoid decimal conversion limits.");
}

TEST(NumberOracle, MatchesCPythonRepr) {
  std::vector<std::string> tokens = {"0",
                                     "7",
                                     "00",
                                     "0_0",
                                     "1_000_000",
                                     "0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF",
                                     "0o777",
                                     "0O1_7",
                                     "0b1010",
                                     "0X_ff",
                                     "1e16",
                                     "1e-5",
                                     "0.1",
                                     "5e-324",
                                     "1.7976931348623157e308",
                                     "1e400",
                                     "1e-400",
                                     "2.5e-324",
                                     "1.",
                                     ".5",
                                     "1_0.0_1",
                                     "1E+5",
                                     "0e0",
                                     "00.5",
                                     "09.5",
                                     "1j",
                                     "2.5j",
                                     "1e100j",
                                     "1e400J",
                                     "0j",
                                     "10_0j",
                                     "0.0001",
                                     "123456789012345678901234567890.0",
                                     "4.9406564584124654e-324",
                                     "2.2250738585072011e-308"};
  std::uint64_t state = 7;
  for (int i = 0; i < 300; ++i) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    const int digits = 1 + static_cast<int>((state >> 33) % 200);
    std::string hex = "0x";
    std::uint64_t digit_state = state;
    for (int d = 0; d < digits; ++d) {
      digit_state = digit_state * 6364136223846793005ull + 1442695040888963407ull;
      hex.push_back("0123456789abcdefABCDEF"[(digit_state >> 40) % 22]);
    }
    tokens.push_back(hex);
    char decimal[64];
    std::snprintf(decimal, sizeof decimal, "%.17g",
                  std::ldexp(static_cast<double>(state >> 11), static_cast<int>(state % 200) - 150));
    tokens.push_back(decimal);
    tokens.push_back(std::string(decimal) + "j");
  }
  std::string script = "tokens = '''";
  for (const std::string& token : tokens)
    script += token + " ";
  script += "'''.split()\nfor token in tokens:\n    print(repr(eval(token)))\n";
  PYPYREADY_ORACLE_OR_SKIP(output, script);
  const std::vector<std::string_view> lines = split_lines(output);
  ASSERT_EQ(lines.size(), tokens.size());
  for (std::size_t i = 0; i < tokens.size(); ++i)
    EXPECT_EQ(repr_of(tokens[i]), lines[i]) << tokens[i];
}

}  // namespace
}  // namespace pypyready::python
