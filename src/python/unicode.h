#pragma once
// Unicode facts the Python front end needs: UTF-8 coding (with the lone surrogates Python str
// values may hold), identifier classes, NFKC, printability and character names.
//
// Character data comes from ICU 72, which implements Unicode 15.0, while CPython 3.11 ships
// Unicode 14.0. Characters first assigned in Unicode 15.0 are treated as unassigned (general
// category Cn) so that every answer here matches CPython 3.11's unicodedata.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pypyready::python {

/// One code point read from the front of a byte string.
struct DecodedCodePoint {
  char32_t code_point = 0;  ///< U+FFFD when !valid
  std::uint8_t length = 1;  ///< bytes used; 1 for an invalid byte so callers can skip it
  bool valid = false;
};

/// Decodes the code point at the start of `text` (must not be empty) as strict UTF-8:
/// overlong forms, encoded surrogates and values above U+10FFFF are invalid.
DecodedCodePoint decode_utf8(std::string_view text);

/// Like decode_utf8, but accepts encoded surrogates U+D800..U+DFFF (the "WTF-8" form in which
/// this project stores Python str values).
DecodedCodePoint decode_wtf8(std::string_view text);

/// Appends `code_point` (at most U+10FFFF) as UTF-8; surrogates get their 3-byte WTF-8 form.
void append_utf8(std::string& out, char32_t code_point);

/// Whether `text` is strict UTF-8 (no encoded surrogates).
bool is_valid_utf8(std::string_view text);

/// The Unicode XID_Start property (PEP 3131). Note '_' is not XID_Start.
bool is_xid_start(char32_t code_point);

/// The Unicode XID_Continue property (PEP 3131).
bool is_xid_continue(char32_t code_point);

/// Whether CPython accepts `code_point` as the first character of an identifier
/// (XID_Start or '_').
inline bool is_identifier_start(char32_t code_point) {
  if (code_point < 0x80) {
    return (code_point >= 'a' && code_point <= 'z') || (code_point >= 'A' && code_point <= 'Z') ||
           code_point == '_';
  }
  return is_xid_start(code_point);
}

/// Whether CPython accepts `code_point` after the first character of an identifier.
inline bool is_identifier_continue(char32_t code_point) {
  if (code_point < 0x80) {
    return (code_point >= 'a' && code_point <= 'z') || (code_point >= 'A' && code_point <= 'Z') ||
           (code_point >= '0' && code_point <= '9') || code_point == '_';
  }
  return is_xid_continue(code_point);
}

/// Whether the UTF-8 text is an identifier as str.isidentifier() decides (non-empty, first
/// character identifier-start, the rest identifier-continue). Invalid UTF-8 is not.
bool is_identifier(std::string_view utf8);

/// NFKC normal form of UTF-8 text, as unicodedata.normalize("NFKC", s); CPython applies it
/// to every non-ASCII identifier. ASCII text is returned unchanged without calling ICU.
std::string nfkc_normalize(std::string_view utf8);

/// str.isprintable() for one character: false for categories Cc, Cf, Cs, Co, Cn, Zl, Zp and
/// Zs other than U+0020. Decides which characters repr() escapes.
bool is_printable(char32_t code_point);

/// The character a \N{...} escape names, as CPython 3.11 resolves it: Unicode names,
/// case-insensitively, plus the aliases of NameAliases.txt; nullopt if the name is unknown.
std::optional<char32_t> lookup_unicode_name(std::string_view name);

}  // namespace pypyready::python
