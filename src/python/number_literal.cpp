#include "python/number_literal.h"

#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <vector>

namespace pypyready::python {
namespace {

// CPython 3.11's sys.int_info.default_max_str_digits.
constexpr std::size_t kMaxIntDigits = 4300;

unsigned digit_value(char c) {
  if (c >= '0' && c <= '9') return static_cast<unsigned>(c - '0');
  return static_cast<unsigned>((c | 0x20) - 'a' + 10);
}

std::string without_underscores(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c != '_') out.push_back(c);
  }
  return out;
}

double parse_double(std::string_view text) {
  const std::string digits = without_underscores(text);
  double value = 0.0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (error == std::errc::result_out_of_range) {
    // from_chars leaves the value untouched on overflow and underflow; strtod rounds them
    // to inf or to 0 as Python does. Number tokens hold no locale-dependent characters.
    return std::strtod(digits.c_str(), nullptr);
  }
  (void)end;
  return value;
}

}  // namespace

NumberKind classify_number_token(std::string_view token_text) {
  if (token_text.empty()) return NumberKind::kInt;
  const char last = token_text.back();
  if (last == 'j' || last == 'J') return NumberKind::kImaginary;
  if (token_text.size() > 1 && token_text[0] == '0') {
    const char marker = static_cast<char>(token_text[1] | 0x20);
    if (marker == 'x' || marker == 'o' || marker == 'b') return NumberKind::kInt;
  }
  for (char c : token_text) {
    if (c == '.' || c == 'e' || c == 'E') return NumberKind::kFloat;
  }
  return NumberKind::kInt;
}

std::string digits_to_decimal(std::string_view digits, unsigned base) {
  // Little-endian limbs in base 10^9: each digit multiplies by `base` and adds.
  constexpr std::uint32_t kLimb = 1000000000;
  std::vector<std::uint32_t> limbs;
  for (char c : digits) {
    if (c == '_') continue;
    std::uint64_t carry = digit_value(c);
    for (std::uint32_t& limb : limbs) {
      const std::uint64_t product = std::uint64_t{limb} * base + carry;
      limb = static_cast<std::uint32_t>(product % kLimb);
      carry = product / kLimb;
    }
    if (carry != 0) limbs.push_back(static_cast<std::uint32_t>(carry));
  }
  if (limbs.empty()) return "0";
  std::string out = std::to_string(limbs.back());
  for (std::size_t i = limbs.size() - 1; i-- > 0;) {
    const std::string part = std::to_string(limbs[i]);
    out.append(9 - part.size(), '0');
    out += part;
  }
  return out;
}

core::Result<NumberLiteral> evaluate_number_literal(std::string_view token_text) {
  NumberLiteral number;
  number.kind = classify_number_token(token_text);
  if (number.kind == NumberKind::kImaginary) {
    number.value = parse_double(token_text.substr(0, token_text.size() - 1));
    return number;
  }
  if (number.kind == NumberKind::kFloat) {
    number.value = parse_double(token_text);
    return number;
  }
  if (token_text.size() > 1 && token_text[0] == '0') {
    const char marker = static_cast<char>(token_text[1] | 0x20);
    const unsigned base = marker == 'x' ? 16 : marker == 'o' ? 8 : marker == 'b' ? 2 : 0;
    if (base != 0) {
      number.decimal = digits_to_decimal(token_text.substr(2), base);
      return number;
    }
  }
  std::string digits = without_underscores(token_text);
  const std::size_t first_nonzero = digits.find_first_not_of('0');
  if (first_nonzero == std::string::npos) {
    number.decimal = "0";
    return number;
  }
  if (digits.size() > kMaxIntDigits) {
    return core::Error{"Exceeds the limit (4300 digits) for integer string conversion: value has " +
                       std::to_string(digits.size()) +
                       " digits; use sys.set_int_max_str_digits() to increase the limit - Consider "
                       "hexadecimal for huge integer literals to avoid decimal conversion limits."};
  }
  digits.erase(0, first_nonzero);
  number.decimal = std::move(digits);
  return number;
}

}  // namespace pypyready::python
