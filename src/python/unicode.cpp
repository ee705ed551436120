#include "python/unicode.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utypes.h>

#include "python/unicode_aliases.h"

namespace pypyready::python {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

DecodedCodePoint decode(std::string_view text, bool allow_surrogates) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(0);
  if (lead < 0x80) return {lead, 1, true};
  std::size_t length = 0;
  char32_t value = 0;
  char32_t minimum = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2, value = lead & 0x1Fu, minimum = 0x80;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3, value = lead & 0x0Fu, minimum = 0x800;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4, value = lead & 0x07u, minimum = 0x10000;
  } else {
    return {kReplacement, 1, false};
  }
  if (text.size() < length) return {kReplacement, 1, false};
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(i) & 0xC0u) != 0x80u) return {kReplacement, 1, false};
    value = (value << 6) | (byte(i) & 0x3Fu);
  }
  if (value < minimum || value > 0x10FFFF) return {kReplacement, 1, false};
  if (!allow_surrogates && value >= 0xD800 && value <= 0xDFFF) return {kReplacement, 1, false};
  return {value, static_cast<std::uint8_t>(length), true};
}

// ICU 72 knows Unicode 15.0; CPython 3.11 knows 14.0. A character first assigned in 15.0 is
// unassigned for CPython 3.11, so every property lookup first asks for the character's age.
bool is_newer_than_python(char32_t code_point) {
  UVersionInfo age;
  u_charAge(static_cast<UChar32>(code_point), age);
  return age[0] > 14;
}

bool is_ascii(std::string_view text) {
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

}  // namespace

DecodedCodePoint decode_utf8(std::string_view text) {
  return decode(text, false);
}

DecodedCodePoint decode_wtf8(std::string_view text) {
  return decode(text, true);
}

void append_utf8(std::string& out, char32_t code_point) {
  if (code_point < 0x80) {
    out.push_back(static_cast<char>(code_point));
  } else if (code_point < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (code_point >> 6)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else if (code_point < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (code_point >> 12)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (code_point >> 18)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  }
}

bool is_valid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    const DecodedCodePoint decoded = decode_utf8(text.substr(i));
    if (!decoded.valid) return false;
    i += decoded.length;
  }
  return true;
}

bool is_xid_start(char32_t code_point) {
  if (code_point < 0x80) {
    return (code_point >= 'a' && code_point <= 'z') || (code_point >= 'A' && code_point <= 'Z');
  }
  return u_hasBinaryProperty(static_cast<UChar32>(code_point), UCHAR_XID_START) &&
         !is_newer_than_python(code_point);
}

bool is_xid_continue(char32_t code_point) {
  if (code_point < 0x80) {
    return (code_point >= 'a' && code_point <= 'z') || (code_point >= 'A' && code_point <= 'Z') ||
           (code_point >= '0' && code_point <= '9') || code_point == '_';
  }
  return u_hasBinaryProperty(static_cast<UChar32>(code_point), UCHAR_XID_CONTINUE) &&
         !is_newer_than_python(code_point);
}

bool is_identifier(std::string_view utf8) {
  if (utf8.empty()) return false;
  std::size_t i = 0;
  bool first = true;
  while (i < utf8.size()) {
    const DecodedCodePoint decoded = decode_utf8(utf8.substr(i));
    if (!decoded.valid) return false;
    if (first ? !is_identifier_start(decoded.code_point) : !is_identifier_continue(decoded.code_point)) {
      return false;
    }
    first = false;
    i += decoded.length;
  }
  return true;
}

std::string nfkc_normalize(std::string_view utf8) {
  if (is_ascii(utf8)) return std::string(utf8);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* normalizer = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) return std::string(utf8);
  std::string out;
  icu::StringByteSink<std::string> sink(&out, static_cast<int32_t>(utf8.size()));
  normalizer->normalizeUTF8(0, icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())), sink,
                            nullptr, status);
  if (U_FAILURE(status)) return std::string(utf8);
  return out;
}

bool is_printable(char32_t code_point) {
  if (code_point < 0x80) return code_point >= 0x20 && code_point < 0x7F;
  if (code_point > 0x10FFFF) return false;
  switch (u_charType(static_cast<UChar32>(code_point))) {
    case U_CONTROL_CHAR:
    case U_FORMAT_CHAR:
    case U_SURROGATE:
    case U_PRIVATE_USE_CHAR:
    case U_UNASSIGNED:
    case U_LINE_SEPARATOR:
    case U_PARAGRAPH_SEPARATOR:
    case U_SPACE_SEPARATOR:
      return false;
    default:
      return !is_newer_than_python(code_point);
  }
}

std::optional<char32_t> lookup_unicode_name(std::string_view name) {
  // Longest Unicode name or alias is well under 100 bytes; longer text cannot match.
  if (name.empty() || name.size() > 128 || !is_ascii(name)) return std::nullopt;
  std::string upper(name);
  for (char& c : upper) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  // CPython 3.11 resolves these two algorithmic families only when spelled in capitals, and
  // its case-insensitive name table does not hold them.
  constexpr std::string_view kHangul = "HANGUL SYLLABLE ";
  constexpr std::string_view kIdeograph = "CJK UNIFIED IDEOGRAPH-";
  const bool algorithmic = upper.starts_with(kHangul) || upper.starts_with(kIdeograph);
  if (algorithmic && upper != name) return std::nullopt;

  UErrorCode status = U_ZERO_ERROR;
  UChar32 found = 0;
  if (algorithmic && upper.starts_with(kIdeograph)) {
    // CPython takes four or five capital hex digits, leading zeros allowed.
    const std::string_view digits = std::string_view(upper).substr(kIdeograph.size());
    if (digits.size() != 4 && digits.size() != 5) return std::nullopt;
    char32_t value = 0;
    for (char c : digits) {
      if (c >= '0' && c <= '9') {
        value = value * 16 + static_cast<char32_t>(c - '0');
      } else if (c >= 'A' && c <= 'F') {
        value = value * 16 + static_cast<char32_t>(c - 'A' + 10);
      } else {
        return std::nullopt;
      }
    }
    char buffer[64];
    const int32_t length =
        u_charName(static_cast<UChar32>(value), U_UNICODE_CHAR_NAME, buffer, sizeof buffer, &status);
    if (U_FAILURE(status) ||
        !std::string_view(buffer, static_cast<std::size_t>(length)).starts_with(kIdeograph)) {
      return std::nullopt;
    }
    found = static_cast<UChar32>(value);
  } else {
    found = u_charFromName(U_UNICODE_CHAR_NAME, upper.c_str(), &status);
    if (U_FAILURE(status)) {
      const std::optional<char32_t> alias = find_name_alias(upper);
      if (!alias) return std::nullopt;
      found = static_cast<UChar32>(*alias);
    } else {
      // Tangut ideographs get algorithmic names from ICU, but CPython 3.11 names none.
      char buffer[64];
      UErrorCode name_status = U_ZERO_ERROR;
      const int32_t length = u_charName(found, U_UNICODE_CHAR_NAME, buffer, sizeof buffer, &name_status);
      if (U_SUCCESS(name_status) &&
          std::string_view(buffer, static_cast<std::size_t>(length)).starts_with("TANGUT IDEOGRAPH-")) {
        return std::nullopt;
      }
    }
  }
  const auto code_point = static_cast<char32_t>(found);
  if (is_newer_than_python(code_point)) return std::nullopt;
  return code_point;
}

}  // namespace pypyready::python
