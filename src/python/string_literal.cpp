#include "python/string_literal.h"

#include <cstring>

#include "python/byte_scan.h"
#include "python/unicode.h"

namespace pypyready::python {
namespace {

bool is_octal_digit(char c) {
  return c >= '0' && c <= '7';
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// CPython 3.11 rewrites a str body before unescaping it: each non-ASCII character becomes a
// 10-byte \UXXXXXXXX escape and a backslash before a non-ASCII character (or at the end)
// becomes \u005c. Error positions count bytes of that rewritten text; this maps a body index
// to them.
std::size_t cpython_escape_position(std::string_view body, std::size_t index) {
  std::size_t position = 0;
  std::size_t i = 0;
  while (i < index) {
    if (body[i] == '\\') {
      ++position;
      ++i;
      if (i >= body.size() || static_cast<unsigned char>(body[i]) >= 0x80) position += 5;
      if (i >= index || i >= body.size()) break;
    }
    if (static_cast<unsigned char>(body[i]) >= 0x80) {
      position += 10;
      i += decode_utf8(body.substr(i)).length;
    } else {
      ++position;
      ++i;
    }
  }
  return position;
}

core::Error unicode_escape_error(std::string_view body, std::size_t start, std::size_t stop,
                                 std::string_view reason) {
  const std::size_t first = cpython_escape_position(body, start);
  const std::size_t last = cpython_escape_position(body, stop) - 1;
  std::string message = "(unicode error) 'unicodeescape' codec can't decode bytes in position ";
  message += std::to_string(first);
  message += '-';
  message += std::to_string(last);
  message += ": ";
  message += reason;
  return core::Error{std::move(message)};
}

void note_invalid_escape(std::string& warning, std::string_view escape, bool octal) {
  if (!warning.empty()) return;
  warning = octal ? "invalid octal escape sequence '\\" : "invalid escape sequence '\\";
  warning += escape;
  warning += '\'';
}

// Returns the body with CR LF and lone CR turned into LF when it holds a CR (rare: the
// tokenizer normally hands over translated text); otherwise leaves `storage` unused.
std::string_view translate_newlines(std::string_view body, std::string& storage) {
  if (body.find('\r') == std::string_view::npos) return body;
  storage.clear();
  storage.reserve(body.size());
  for (std::size_t i = 0; i < body.size(); ++i) {
    if (body[i] == '\r') {
      storage.push_back('\n');
      if (i + 1 < body.size() && body[i + 1] == '\n') ++i;
    } else {
      storage.push_back(body[i]);
    }
  }
  return storage;
}

// Appends the text of `body` up to the next backslash; returns the backslash's index.
std::size_t copy_until_backslash(std::string_view body, std::size_t i, std::string& out) {
  const void* found = std::memchr(body.data() + i, '\\', body.size() - i);
  const std::size_t stop =
      found ? static_cast<std::size_t>(static_cast<const char*>(found) - body.data()) : body.size();
  out.append(body.data() + i, stop - i);
  return stop;
}

bool simple_escape(char c, std::string& out) {
  switch (c) {
    case '\\':
      out.push_back('\\');
      return true;
    case '\'':
      out.push_back('\'');
      return true;
    case '"':
      out.push_back('"');
      return true;
    case 'a':
      out.push_back('\a');
      return true;
    case 'b':
      out.push_back('\b');
      return true;
    case 'f':
      out.push_back('\f');
      return true;
    case 'n':
      out.push_back('\n');
      return true;
    case 'r':
      out.push_back('\r');
      return true;
    case 't':
      out.push_back('\t');
      return true;
    case 'v':
      out.push_back('\v');
      return true;
    default:
      return false;
  }
}

// Reads up to two more octal digits after the first one at body[i - 1].
unsigned read_octal(std::string_view body, std::size_t& i) {
  unsigned value = static_cast<unsigned>(body[i - 1] - '0');
  for (int extra = 0; extra < 2 && i < body.size() && is_octal_digit(body[i]); ++extra, ++i) {
    value = value * 8 + static_cast<unsigned>(body[i] - '0');
  }
  return value;
}

// Unescapes a str body (the text between the quotes, or an f-string literal chunk).
core::Status decode_str_escapes(std::string_view body, std::string& out, std::string& warning) {
  std::size_t i = 0;
  while (true) {
    i = copy_until_backslash(body, i, out);
    if (i >= body.size()) return core::ok_status();
    const std::size_t start = i++;
    // A backslash before a non-ASCII character or at the end stays a backslash (see above).
    if (i >= body.size() || static_cast<unsigned char>(body[i]) >= 0x80) {
      out.push_back('\\');
      continue;
    }
    const char c = body[i++];
    if (c == '\n') continue;
    if (simple_escape(c, out)) continue;
    if (is_octal_digit(c)) {
      const unsigned value = read_octal(body, i);
      if (value > 0377) note_invalid_escape(warning, body.substr(start + 1, i - start - 1), true);
      append_utf8(out, value);
      continue;
    }
    if (c == 'x' || c == 'u' || c == 'U') {
      const int count = c == 'x' ? 2 : c == 'u' ? 4 : 8;
      const char* reason = c == 'x'   ? "truncated \\xXX escape"
                           : c == 'u' ? "truncated \\uXXXX escape"
                                      : "truncated \\UXXXXXXXX escape";
      char32_t value = 0;
      for (int digit = 0; digit < count; ++digit, ++i) {
        const int nibble = i < body.size() ? hex_value(body[i]) : -1;
        if (nibble < 0) return unicode_escape_error(body, start, i, reason);
        value = value * 16 + static_cast<char32_t>(nibble);
      }
      if (value > 0x10FFFF) return unicode_escape_error(body, start, i, "illegal Unicode character");
      append_utf8(out, value);
      continue;
    }
    if (c == 'N') {
      constexpr std::string_view kMalformed = "malformed \\N character escape";
      if (i >= body.size() || body[i] != '{') return unicode_escape_error(body, start, i, kMalformed);
      const std::size_t name_start = ++i;
      const std::size_t close = body.find('}', name_start);
      if (close == std::string_view::npos) return unicode_escape_error(body, start, body.size(), kMalformed);
      if (close == name_start) return unicode_escape_error(body, start, close, kMalformed);
      i = close + 1;
      const std::optional<char32_t> named = lookup_unicode_name(body.substr(name_start, close - name_start));
      if (!named) return unicode_escape_error(body, start, i, "unknown Unicode character name");
      append_utf8(out, *named);
      continue;
    }
    note_invalid_escape(warning, std::string_view(&c, 1), false);
    out.push_back('\\');
    out.push_back(c);
  }
}

core::Status decode_bytes_escapes(std::string_view body, std::string& out, std::string& warning) {
  std::size_t i = 0;
  while (true) {
    i = copy_until_backslash(body, i, out);
    if (i >= body.size()) return core::ok_status();
    const std::size_t start = i++;
    if (i >= body.size()) return core::Error{"(value error) Trailing \\ in string"};
    const char c = body[i++];
    if (c == '\n') continue;
    if (simple_escape(c, out)) continue;
    if (is_octal_digit(c)) {
      const unsigned value = read_octal(body, i);
      if (value > 0377) note_invalid_escape(warning, body.substr(start + 1, i - start - 1), true);
      out.push_back(static_cast<char>(value & 0xFF));
      continue;
    }
    if (c == 'x') {
      const int high = i < body.size() ? hex_value(body[i]) : -1;
      const int low = i + 1 < body.size() ? hex_value(body[i + 1]) : -1;
      if (high < 0 || low < 0) {
        return core::Error{"(value error) invalid \\x escape at position " + std::to_string(start)};
      }
      out.push_back(static_cast<char>(high * 16 + low));
      i += 2;
      continue;
    }
    note_invalid_escape(warning, std::string_view(&c, 1), false);
    out.push_back('\\');
    out.push_back(c);
  }
}

}  // namespace

StringLiteralParts split_string_token(std::string_view token_text) {
  StringLiteralParts parts;
  std::size_t i = 0;
  for (; i < token_text.size() && token_text[i] != '\'' && token_text[i] != '"'; ++i) {
    switch (token_text[i] | 0x20) {  // ASCII lower case
      case 'r':
        parts.raw = true;
        break;
      case 'b':
        parts.bytes = true;
        break;
      case 'u':
        parts.unicode = true;
        break;
      case 'f':
        parts.format = true;
        break;
      default:
        break;
    }
  }
  if (i >= token_text.size()) return parts;
  parts.quote = token_text[i];
  const std::size_t rest = token_text.size() - i;
  parts.triple = rest >= 6 && token_text[i + 1] == parts.quote && token_text[i + 2] == parts.quote;
  const std::size_t quote_length = parts.triple ? 3 : 1;
  if (rest >= 2 * quote_length) parts.body = token_text.substr(i + quote_length, rest - 2 * quote_length);
  return parts;
}

bool body_is_value(const StringLiteralParts& parts) {
  // One pass over the body: most literals are short and plain, so this replaces the two
  // searches, the copy and the allocation evaluate_string_literal would spend on them.
  const unsigned char high_mask = parts.bytes ? 0x80 : 0x00;
  std::string_view rest = parts.body;
  if constexpr (detail::kWordScan) {
    // Eight bytes per step: docstrings make up much of the literal text.
    const std::uint64_t backslash_mask = parts.raw ? 0 : detail::repeat_byte(0xFF);
    const std::uint64_t high_bits = detail::repeat_byte(high_mask);
    while (rest.size() >= 8) {
      const std::uint64_t word = detail::load_word(rest.data());
      if ((detail::lanes_equal(word, '\r') | (detail::lanes_equal(word, '\\') & backslash_mask) |
           (word & high_bits)) != 0) {
        return false;
      }
      rest.remove_prefix(8);
    }
  }
  for (char c : rest) {
    if (c == '\r' || (c == '\\' && !parts.raw) || (static_cast<unsigned char>(c) & high_mask) != 0)
      return false;
  }
  return true;
}

core::Result<StringLiteral> evaluate_string_literal(std::string_view token_text) {
  const StringLiteralParts parts = split_string_token(token_text);
  StringLiteral literal;
  literal.is_bytes = parts.bytes;
  literal.has_u_prefix = parts.unicode;
  std::string translated;
  const std::string_view body = translate_newlines(parts.body, translated);
  const bool has_escape = !parts.raw && body.find('\\') != std::string_view::npos;
  if (parts.bytes) {
    for (char c : body) {
      if (static_cast<unsigned char>(c) >= 0x80) {
        return core::Error{"bytes can only contain ASCII literal characters"};
      }
    }
  }
  if (!has_escape) {
    literal.value.assign(body);
    return literal;
  }
  literal.value.reserve(body.size());
  const core::Status decoded = parts.bytes ? decode_bytes_escapes(body, literal.value, literal.warning)
                                           : decode_str_escapes(body, literal.value, literal.warning);
  if (!decoded) return decoded.error();
  return literal;
}

core::Result<std::string> evaluate_fstring_middle(std::string_view text, bool raw, std::string* warning) {
  std::string translated;
  const std::string_view body = translate_newlines(text, translated);
  std::string out;
  out.reserve(body.size());
  std::string first_warning;
  std::size_t chunk_start = 0;
  // Like CPython 3.11, the text is unescaped in chunks that end after the first brace of each
  // doubled pair; a "\N{...}" escape's braces belong to the escape.
  const auto flush = [&](std::size_t chunk_end) -> core::Status {
    const std::string_view chunk = body.substr(chunk_start, chunk_end - chunk_start);
    if (raw || chunk.find('\\') == std::string_view::npos) {
      out.append(chunk);
      return core::ok_status();
    }
    return decode_str_escapes(chunk, out, first_warning);
  };
  std::size_t i = 0;
  while (i < body.size()) {
    char c = body[i++];
    if (!raw && c == '\\' && i < body.size()) {
      c = body[i++];
      // CPython 3.11 warns about "\{" while it looks for fields, before it unescapes the chunk.
      if (c == '{' && first_warning.empty()) first_warning = "invalid escape sequence '\\{'";
      if (c == 'N') {
        if (i < body.size() && body[i++] == '{') {
          while (i < body.size() && body[i++] != '}') {
          }
        }
        continue;
      }
    }
    if ((c == '{' || c == '}') && i < body.size() && body[i] == c) {
      if (const core::Status flushed = flush(i); !flushed) return flushed.error();
      chunk_start = ++i;
    }
  }
  if (const core::Status flushed = flush(body.size()); !flushed) return flushed.error();
  if (warning != nullptr) *warning = std::move(first_warning);
  return out;
}

}  // namespace pypyready::python
