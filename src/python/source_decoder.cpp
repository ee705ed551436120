#include "python/source_decoder.h"

#include <iconv.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>

#include "python/char_class.h"
#include "python/utf8_check.h"

namespace pypyready::python {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

SyntaxError error_at(std::string message, std::string_view text, std::size_t offset) {
  std::size_t line_begin = 0;
  if (offset > 0) {
    std::size_t newline = text.rfind('\n', offset - 1);
    if (newline != std::string_view::npos) line_begin = newline + 1;
  }
  auto line = static_cast<std::uint32_t>(std::count(text.begin(), text.begin() + line_begin, '\n') + 1);
  auto column = static_cast<std::uint32_t>(offset - line_begin);
  return SyntaxError{std::move(message), line, column, line, column};
}

// CPython's get_normal_name: the spellings of UTF-8 and Latin-1 it recognises itself.
std::string normal_name(std::string_view name) {
  std::string lowered;
  for (std::size_t i = 0; i < name.size() && i < 12; ++i) {
    char c = name[i];
    lowered += c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  auto starts = [&](std::string_view prefix) { return lowered.compare(0, prefix.size(), prefix) == 0; };
  if (lowered == "utf-8" || starts("utf-8-")) return "utf-8";
  if (lowered == "latin-1" || lowered == "iso-8859-1" || lowered == "iso-latin-1" || starts("latin-1-") ||
      starts("iso-8859-1-") || starts("iso-latin-1-")) {
    return "iso-8859-1";
  }
  return std::string(name);
}

// The glibc iconv name for a Python codec name; Python's own aliases where iconv spells them
// differently, otherwise the name with '_' as '-' (iconv ignores case).
std::string iconv_name(std::string_view python_name) {
  std::string name;
  for (char c : python_name) {
    name += c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  struct Alias {
    std::string_view python;
    std::string_view iconv;
  };
  static constexpr Alias kAliases[] = {
      {"utf8", "UTF-8"},          {"u8", "UTF-8"},          {"utf", "UTF-8"},
      {"latin1", "ISO-8859-1"},   {"latin", "ISO-8859-1"},  {"l1", "ISO-8859-1"},
      {"8859", "ISO-8859-1"},     {"cp819", "ISO-8859-1"},  {"windows-1252", "CP1252"},
      {"us-ascii", "ASCII"},      {"646", "ASCII"},         {"koi8-r", "KOI8-R"},
      {"latin2", "ISO-8859-2"},   {"l2", "ISO-8859-2"},     {"cyrillic", "ISO-8859-5"},
      {"greek", "ISO-8859-7"},    {"hebrew", "ISO-8859-8"}, {"latin9", "ISO-8859-15"},
      {"l9", "ISO-8859-15"},      {"sjis", "SHIFT-JIS"},    {"s-jis", "SHIFT-JIS"},
      {"shift-jis", "SHIFT-JIS"}, {"mbcs", "CP1252"},
  };
  for (const Alias& alias : kAliases) {
    if (name == alias.python) return std::string(alias.iconv);
  }
  return name;
}

bool is_blank_or_comment_line(std::string_view line) {
  for (char c : line) {
    if (c == '#' || c == '\n' || c == '\r') return true;
    if (c != ' ' && c != '\t' && c != '\f') return false;
  }
  return true;
}

std::string_view line_at(std::string_view text, std::size_t begin) {
  if (begin >= text.size()) return {};
  std::size_t end = text.find('\n', begin);
  return text.substr(begin, end == std::string_view::npos ? text.size() - begin : end + 1 - begin);
}

// Converts with iconv; the error is Python's for the first undecodable byte.
std::optional<std::string> convert(std::string_view bytes, const std::string& codec, SyntaxError& error) {
  iconv_t converter = iconv_open("UTF-8", iconv_name(codec).c_str());
  if (converter == reinterpret_cast<iconv_t>(-1)) {
    error.message = "unknown encoding: " + codec;
    return std::nullopt;
  }
  std::string out(bytes.size() * 4 + 16, '\0');
  char* in_ptr = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  char* out_ptr = out.data();
  std::size_t out_left = out.size();
  while (in_left > 0) {
    std::size_t result = iconv(converter, &in_ptr, &in_left, &out_ptr, &out_left);
    if (result != static_cast<std::size_t>(-1)) break;
    if (errno == E2BIG) {
      std::size_t used = static_cast<std::size_t>(out_ptr - out.data());
      out.resize(out.size() * 2);
      out_ptr = out.data() + used;
      out_left = out.size() - used;
      continue;
    }
    std::size_t offset = static_cast<std::size_t>(in_ptr - bytes.data());
    std::string reason = errno == EINVAL ? "incomplete multibyte sequence" : "illegal multibyte sequence";
    error = error_at("(unicode error) '" + codec + "' codec can't decode byte 0x" +
                         detail::hex_lower(static_cast<unsigned char>(bytes[offset])) +
                         " in position 0: " + reason,
                     bytes, offset);
    iconv_close(converter);
    return std::nullopt;
  }
  iconv_close(converter);
  out.resize(static_cast<std::size_t>(out_ptr - out.data()));
  return out;
}

// Every "\r\n" and lone "\r" becomes "\n", as CPython's universal newlines do.
bool normalise_newlines(std::string& text) {
  std::size_t first = text.find('\r');
  if (first == std::string::npos) return false;
  std::size_t write = first;
  for (std::size_t read = first; read < text.size(); ++read) {
    char c = text[read];
    if (c == '\r') {
      text[write++] = '\n';
      if (read + 1 < text.size() && text[read + 1] == '\n') ++read;
    } else {
      text[write++] = c;
    }
  }
  text.resize(write);
  return true;
}

}  // namespace

std::optional<std::string> find_coding_cookie(std::string_view line) {
  // ^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)
  std::size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\f'))
    ++i;
  if (i >= line.size() || line[i] != '#') return std::nullopt;
  for (std::size_t at = line.find("coding", i); at != std::string_view::npos;
       at = line.find("coding", at + 1)) {
    std::size_t p = at + 6;
    if (p >= line.size() || (line[p] != ':' && line[p] != '=')) continue;
    ++p;
    while (p < line.size() && (line[p] == ' ' || line[p] == '\t'))
      ++p;
    std::size_t begin = p;
    while (p < line.size() && (std::isalnum(static_cast<unsigned char>(line[p])) || line[p] == '-' ||
                               line[p] == '_' || line[p] == '.')) {
      ++p;
    }
    if (p > begin) return normal_name(line.substr(begin, p - begin));
  }
  return std::nullopt;
}

DecodeResult decode_source(std::string_view bytes) {
  DecodeResult result;
  bool bom = bytes.substr(0, kBom.size()) == kBom;
  if (bom) bytes.remove_prefix(kBom.size());

  std::string_view first_line = line_at(bytes, 0);
  std::uint32_t cookie_line = 1;
  std::optional<std::string> cookie = find_coding_cookie(first_line);
  if (!cookie && is_blank_or_comment_line(first_line)) {
    cookie = find_coding_cookie(line_at(bytes, first_line.size()));
    cookie_line = 2;
  }
  std::string encoding = cookie.value_or("utf-8");
  if (std::size_t nul = bytes.find('\0'); nul != std::string_view::npos) {
    // CPython's compile() checks this before decoding anything.
    result.error = error_at("source code cannot contain null bytes", bytes, nul);
    return result;
  }
  result.source.encoding = encoding;

  if (bom && encoding != "utf-8") {
    result.error = SyntaxError{"encoding problem: " + encoding + " with BOM", cookie_line, 0, cookie_line, 0};
    return result;
  }
  if (encoding == "utf-8") {
    Utf8Problem problem = find_utf8_problem(bytes);
    if (problem.found) {
      result.error =
          error_at("(unicode error) 'utf-8' codec can't decode " + problem.describe(), bytes, problem.offset);
      return result;
    }
    result.source.text.assign(bytes);
  } else {
    SyntaxError error{"", cookie_line, 0, cookie_line, 0};
    std::optional<std::string> text = convert(bytes, encoding, error);
    if (!text) {
      result.error = std::move(error);
      return result;
    }
    result.source.text = std::move(*text);
  }
  result.source.had_crlf = normalise_newlines(result.source.text);
  return result;
}

}  // namespace pypyready::python
