#pragma once
// Evaluation of NUMBER tokens (int, float, imaginary) the way CPython 3.11 reads them.

#include <string>
#include <string_view>

#include "core/result.h"

namespace pypyready::python {

/// What a number token denotes.
enum class NumberKind : unsigned char { kInt, kFloat, kImaginary };

/// The value of a number token.
struct NumberLiteral {
  NumberKind kind = NumberKind::kInt;
  /// kInt: the exact value in decimal, without sign or leading zeros ("0" for zero), which
  /// is also its Python repr. Empty for the other kinds.
  std::string decimal;
  /// kFloat: the value; kImaginary: the imaginary part (the real part is +0.0).
  double value = 0.0;
};

/// Whether a well-formed number token is an int, float or imaginary literal.
NumberKind classify_number_token(std::string_view token_text);

/// Evaluates a well-formed number token (underscores, 0x/0o/0b, exponents, j suffix). The
/// only error is CPython 3.11's limit on decimal int literals longer than 4300 digits.
core::Result<NumberLiteral> evaluate_number_literal(std::string_view token_text);

/// Converts digits in `base` (2, 8, 10 or 16; underscores skipped) to exact decimal text.
std::string digits_to_decimal(std::string_view digits, unsigned base);

}  // namespace pypyready::python
