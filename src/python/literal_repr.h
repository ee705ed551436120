#pragma once
// repr() of literal values, byte for byte as CPython 3.11 prints them (ast.dump uses repr).

#include <string>
#include <string_view>

#include "core/result.h"

namespace pypyready::python {

/// repr(str) for a value held as UTF-8 (lone surrogates in WTF-8 form): single quotes unless
/// the text has ' and no ", escapes for \\, the quote, \t \n \r and non-printable characters.
std::string repr_str(std::string_view wtf8);

/// repr(bytes): b'...' with the quote rule of repr_str and \xhh for bytes outside 0x20..0x7e.
std::string repr_bytes(std::string_view bytes);

/// repr(int) of a non-negative int given in decimal (NumberLiteral::decimal). CPython 3.11
/// refuses to print more than 4300 digits; the error is its ValueError text, which is also
/// what ast.dump fails with on such a constant (a long hex literal, say).
core::Result<std::string> repr_int(std::string_view decimal);

/// repr(float): the shortest digits that round-trip, in exponent form when the decimal
/// exponent is below -4 or at least 16 (1e+16, 1e-05, 0.0001, 1.0, inf, nan, -0.0).
std::string repr_float(double value);

/// repr(complex(real, imag)): "2.5j" when the real part is +0.0, otherwise "(1-2j)".
std::string repr_complex(double real, double imag);

}  // namespace pypyready::python
