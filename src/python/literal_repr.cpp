#include "python/literal_repr.h"

#include <charconv>
#include <cmath>
#include <cstdlib>

#include "python/unicode.h"

namespace pypyready::python {
namespace {

constexpr char kHexDigits[] = "0123456789abcdef";

void append_hex_escape(std::string& out, char marker, char32_t value, int digits) {
  out.push_back('\\');
  out.push_back(marker);
  for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4)
    out.push_back(kHexDigits[(value >> shift) & 0xF]);
}

char choose_quote(std::string_view text) {
  const bool has_single = text.find('\'') != std::string_view::npos;
  return has_single && text.find('"') == std::string_view::npos ? '"' : '\'';
}

// Appends an ASCII character as repr(str) and repr(bytes) both write it.
void append_ascii_repr(std::string& out, unsigned char c, char quote) {
  if (c == static_cast<unsigned char>(quote) || c == '\\') {
    out.push_back('\\');
    out.push_back(static_cast<char>(c));
  } else if (c == '\t') {
    out += "\\t";
  } else if (c == '\n') {
    out += "\\n";
  } else if (c == '\r') {
    out += "\\r";
  } else if (c < 0x20 || c >= 0x7F) {
    append_hex_escape(out, 'x', c, 2);
  } else {
    out.push_back(static_cast<char>(c));
  }
}

// Python's float repr flags: whether a value without exponent or point gets ".0", and
// whether non-negative values get a "+".
std::string format_double(double value, bool add_dot_zero, bool force_sign) {
  std::string out;
  if (std::signbit(value) && !std::isnan(value)) {
    out.push_back('-');
  } else if (force_sign) {
    out.push_back('+');
  }
  if (std::isnan(value)) return out + "nan";
  if (std::isinf(value)) return out + "inf";
  // Shortest round-trip digits from to_chars, then laid out by Python's rules
  // (float_repr_style 'short': exponent form when decpt <= -4 or decpt > 16).
  char buffer[64];
  const auto result =
      std::to_chars(buffer, buffer + sizeof buffer, std::fabs(value), std::chars_format::scientific);
  const std::string_view text(buffer, static_cast<std::size_t>(result.ptr - buffer));
  const std::size_t e = text.find('e');
  std::string digits;
  for (char c : text.substr(0, e)) {
    if (c != '.') digits.push_back(c);
  }
  const int exponent = std::atoi(std::string(text.substr(e + 1)).c_str());
  if (exponent < -4 || exponent >= 16) {
    out.push_back(digits[0]);
    if (digits.size() > 1) {
      out.push_back('.');
      out.append(digits, 1);
    }
    out.push_back('e');
    out.push_back(exponent < 0 ? '-' : '+');
    const int magnitude = std::abs(exponent);
    if (magnitude < 10) out.push_back('0');
    out += std::to_string(magnitude);
    return out;
  }
  if (exponent < 0) {
    out += "0.";
    out.append(static_cast<std::size_t>(-exponent - 1), '0');
    out += digits;
    return out;
  }
  const auto integer_digits = static_cast<std::size_t>(exponent) + 1;
  if (digits.size() <= integer_digits) {
    out += digits;
    out.append(integer_digits - digits.size(), '0');
    if (add_dot_zero) out += ".0";
  } else {
    out.append(digits, 0, integer_digits);
    out.push_back('.');
    out.append(digits, integer_digits);
  }
  return out;
}

}  // namespace

std::string repr_str(std::string_view wtf8) {
  const char quote = choose_quote(wtf8);
  std::string out;
  out.reserve(wtf8.size() + 2);
  out.push_back(quote);
  std::size_t i = 0;
  while (i < wtf8.size()) {
    const auto byte = static_cast<unsigned char>(wtf8[i]);
    if (byte < 0x80) {
      append_ascii_repr(out, byte, quote);
      ++i;
      continue;
    }
    const DecodedCodePoint decoded = decode_wtf8(wtf8.substr(i));
    if (!decoded.valid) {
      // Not reachable for values built by this project; shown as the byte it is.
      append_hex_escape(out, 'x', byte, 2);
      ++i;
      continue;
    }
    const char32_t code_point = decoded.code_point;
    if (is_printable(code_point)) {
      out.append(wtf8.substr(i, decoded.length));
    } else if (code_point <= 0xFF) {
      append_hex_escape(out, 'x', code_point, 2);
    } else if (code_point <= 0xFFFF) {
      append_hex_escape(out, 'u', code_point, 4);
    } else {
      append_hex_escape(out, 'U', code_point, 8);
    }
    i += decoded.length;
  }
  out.push_back(quote);
  return out;
}

std::string repr_bytes(std::string_view bytes) {
  const char quote = choose_quote(bytes);
  std::string out;
  out.reserve(bytes.size() + 3);
  out.push_back('b');
  out.push_back(quote);
  for (char c : bytes)
    append_ascii_repr(out, static_cast<unsigned char>(c), quote);
  out.push_back(quote);
  return out;
}

core::Result<std::string> repr_int(std::string_view decimal) {
  // sys.int_info.default_max_str_digits in CPython 3.11.
  constexpr std::size_t kMaxDigits = 4300;
  if (decimal.size() > kMaxDigits) {
    return core::Error{
        "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to "
        "increase the limit"};
  }
  return std::string(decimal);
}

std::string repr_float(double value) {
  return format_double(value, true, false);
}

std::string repr_complex(double real, double imag) {
  if (real == 0.0 && !std::signbit(real)) return format_double(imag, false, false) + "j";
  return "(" + format_double(real, false, false) + format_double(imag, false, true) + "j)";
}

}  // namespace pypyready::python
