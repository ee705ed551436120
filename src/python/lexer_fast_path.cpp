// The tokenizer's fast path: the tokens that make up most code (names, keywords, operators,
// newlines, comments, indentation with spaces, decimal integers, one-line strings without
// prefix) outside f-strings, in one loop that keeps the read position and the line in locals
// and dispatches on a byte table. Anything else (other numbers and strings, string prefixes,
// non-ASCII names, tabs, line continuations, errors, the end of the input, f-strings) goes to
// the general path in lexer.cpp and its siblings, which follows CPython's state machine; the
// fast path must give the same tokens, as tokenizer_fast_path_test.cpp and the tokenizer fuzz
// target check.

#include <array>
#include <bit>
#include <cstring>

#include "python/byte_scan.h"
#include "python/char_class.h"
#include "python/keyword.h"
#include "python/lexer.h"

namespace pypyready::python::detail {
namespace {

/// What the byte at a token's start leads to.
enum class Start : std::uint8_t {
  kGeneral,  ///< the general path: non-ASCII and invalid bytes, the zero byte
  kName,     ///< an ASCII letter or '_'
  kDigit,
  kQuote,
  kOperator,
  kOpenBracket,
  kCloseBracket,
  kDot,
  kNewline,
  kComment,
  kBackslash,
};

/// An operator's forms by its first byte. kError marks a form the operator does not have.
struct OperatorForms {
  TokenKind one = TokenKind::kError;         ///< the byte alone
  TokenKind with_equal = TokenKind::kError;  ///< followed by '='
  char second = 0;                           ///< the other byte that can follow it
  TokenKind with_second = TokenKind::kError;
  TokenKind with_second_equal = TokenKind::kError;  ///< the byte, `second`, then '='
};

struct StartTables {
  std::array<Start, 256> start{};
  std::array<OperatorForms, 256> operators{};
  /// Bytes that end the plain run of a string body: bit 1 for '-quoted strings, bit 2 for
  /// "-quoted ones. The zero byte is one: it may be the end of a copied text.
  std::array<std::uint8_t, 256> string_stops{};
};

constexpr StartTables make_start_tables() {
  StartTables tables;
  for (int c = 0; c < 256; ++c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_') tables.start[c] = Start::kName;
  }
  for (int c = '0'; c <= '9'; ++c)
    tables.start[c] = Start::kDigit;
  tables.start['\''] = Start::kQuote;
  tables.start['"'] = Start::kQuote;
  tables.start['.'] = Start::kDot;
  tables.start['\n'] = Start::kNewline;
  tables.start['#'] = Start::kComment;
  tables.start['\\'] = Start::kBackslash;
  for (char stop : {'\\', '\n', '\0'})
    tables.string_stops[static_cast<unsigned char>(stop)] = 1 | 2;
  tables.string_stops['\''] |= 1;
  tables.string_stops['"'] |= 2;
  auto set = [&](char c, Start start, TokenKind one, TokenKind with_equal = TokenKind::kError,
                 char second = 0, TokenKind with_second = TokenKind::kError,
                 TokenKind with_second_equal = TokenKind::kError) {
    tables.start[static_cast<unsigned char>(c)] = start;
    tables.operators[static_cast<unsigned char>(c)] =
        OperatorForms{one, with_equal, second, with_second, with_second_equal};
  };
  set('(', Start::kOpenBracket, TokenKind::kLeftParen);
  set('[', Start::kOpenBracket, TokenKind::kLeftBracket);
  set('{', Start::kOpenBracket, TokenKind::kLeftBrace);
  set(')', Start::kCloseBracket, TokenKind::kRightParen);
  set(']', Start::kCloseBracket, TokenKind::kRightBracket);
  set('}', Start::kCloseBracket, TokenKind::kRightBrace);
  // The colon of a format spec exists only inside f-strings, which the fast path leaves alone.
  set(':', Start::kOperator, TokenKind::kColon, TokenKind::kColonEqual);
  set(',', Start::kOperator, TokenKind::kComma);
  set(';', Start::kOperator, TokenKind::kSemicolon);
  set('~', Start::kOperator, TokenKind::kTilde);
  set('+', Start::kOperator, TokenKind::kPlus, TokenKind::kPlusEqual);
  set('-', Start::kOperator, TokenKind::kMinus, TokenKind::kMinusEqual, '>', TokenKind::kRightArrow);
  set('*', Start::kOperator, TokenKind::kStar, TokenKind::kStarEqual, '*', TokenKind::kDoubleStar,
      TokenKind::kDoubleStarEqual);
  set('/', Start::kOperator, TokenKind::kSlash, TokenKind::kSlashEqual, '/', TokenKind::kDoubleSlash,
      TokenKind::kDoubleSlashEqual);
  set('%', Start::kOperator, TokenKind::kPercent, TokenKind::kPercentEqual);
  set('@', Start::kOperator, TokenKind::kAt, TokenKind::kAtEqual);
  set('|', Start::kOperator, TokenKind::kVerticalBar, TokenKind::kVerticalBarEqual);
  set('&', Start::kOperator, TokenKind::kAmpersand, TokenKind::kAmpersandEqual);
  set('^', Start::kOperator, TokenKind::kCircumflex, TokenKind::kCircumflexEqual);
  set('=', Start::kOperator, TokenKind::kEqual, TokenKind::kEqEqual);
  set('!', Start::kOperator, TokenKind::kExclamation, TokenKind::kNotEqual);
  set('<', Start::kOperator, TokenKind::kLess, TokenKind::kLessEqual, '<', TokenKind::kLeftShift,
      TokenKind::kLeftShiftEqual);
  set('>', Start::kOperator, TokenKind::kGreater, TokenKind::kGreaterEqual, '>', TokenKind::kRightShift,
      TokenKind::kRightShiftEqual);
  return tables;
}

inline constexpr StartTables kStartTables = make_start_tables();

std::uint8_t class_of(const char* p) {
  return kCharClass[static_cast<unsigned char>(*p)];
}

/// The first byte at or after `p` that is not a space. The byte that stops the fast path's
/// runs (Lexer::scan_outside_fstrings) stops this one; eight bytes per step where they exist.
const char* skip_spaces(const char* p, const char* end) {
  if constexpr (kWordScan) {
    while (p + 8 <= end) {
      const std::uint64_t others = load_word(p) ^ repeat_byte(' ');
      if (others != 0) return p + first_lane(others);
      p += 8;
    }
  }
  while (*p == ' ')
    ++p;
  return p;
}

/// The keyword kind of the ASCII name at `p`, or kName.
TokenKind name_kind(const char* p, std::uint32_t length, const char* end) {
  // No keyword is shorter than 2 or longer than 8 bytes (unsigned: one compare for both).
  if (length - 2 > 6) return TokenKind::kName;
  if constexpr (std::endian::native == std::endian::little) {
    if (p + 8 <= end) return keyword_kind_packed(load_word(p) & (~std::uint64_t{0} >> (64 - 8 * length)));
  }
  return keyword_kind(std::string_view(p, length));
}

}  // namespace

bool Lexer::indent_with_spaces(std::uint32_t column, std::uint32_t line, std::uint32_t line_begin,
                               std::uint32_t pos) {
  // Spaces count the same with any tab size: `column` is also the line's alt_column.
  if (column > indents_.back()) {
    if (indents_.size() >= kMaxIndent || column <= alt_indents_.back()) return false;
    indents_.push_back(column);
    alt_indents_.push_back(column);
    out_.tokens.push_back(Token{TokenKind::kIndent, line_begin, pos, line, 0, line, column});
    return true;
  }
  // A dedent must reach an open level exactly, in both measures.
  std::size_t level = indents_.size() - 1;
  while (level > 0 && column < indents_[level])
    --level;
  if (indents_[level] != column || alt_indents_[level] != column) return false;
  const std::size_t dedents = indents_.size() - 1 - level;
  indents_.resize(level + 1);
  alt_indents_.resize(level + 1);
  for (std::size_t i = 0; i < dedents; ++i)
    out_.tokens.push_back(Token{TokenKind::kDedent, pos, pos, line, column, line, column});
  return true;
}

// The loops over runs of bytes (spaces, blanks, name characters) check no bounds: a run never
// continues past a newline, and the text ends with one, or else is a copy whose terminating zero
// ends every run (see the constructor). So the end needs checks only where a newline was just
// consumed: at line starts and after the general path.
//
// flatten: GCC otherwise keeps vector::push_back, and the lambdas below, out of line: a call per
// token. The general path's functions live in other files and stay calls.
[[gnu::flatten]] bool Lexer::scan_outside_fstrings() {
  const char* const base = data_;
  const char* const end = data_ + size_;
  // The state the loop keeps in locals; store() hands it to the general path, load() takes
  // it back and says whether text is left.
  const char* p = data_ + pos_;
  std::uint32_t line = line_;
  std::uint32_t line_begin = line_begin_;
  bool at_line_start = at_line_start_;
  at_line_start_ = false;
  auto offset = [&](const char* at) { return static_cast<std::uint32_t>(at - base); };
  auto store = [&](const char* at) {
    pos_ = offset(at);
    line_ = line;
    line_begin_ = line_begin;
  };
  auto load = [&] {
    p = base + pos_;
    line = line_;
    line_begin = line_begin_;
    return p != end;
  };
  // At the end of the text: the general path adds a missing final newline, the dedents and the
  // end marker.
  auto finish = [&](bool line_start) {
    store(p);
    at_line_start_ = line_start;
    while (step()) {
    }
    return false;
  };
  auto emit_on_line = [&](TokenKind kind, std::uint32_t begin, std::uint32_t token_end) {
    out_.tokens.push_back(
        Token{kind, begin, token_end, line, begin - line_begin, line, token_end - line_begin});
  };

  for (;;) {
    if (at_line_start) {
      at_line_start = false;
      if (p == end) return finish(true);
      const char* indented = skip_spaces(p, end);
      const char c = *indented;
      // Tabs, form feeds and backslashes take CPython's full indentation rules; so do the
      // errors of indentation with spaces.
      bool general = c == '\t' || c == '\f' || c == '\\';
      if (!general) {
        blank_line_ = c == '#' || c == '\n' || (indented == end && indented > p);
        if (!blank_line_ && brackets_.empty()) {
          const auto column = static_cast<std::uint32_t>(indented - p);
          if (column != indents_.back() || column != alt_indents_.back()) {
            general = !indent_with_spaces(column, line, offset(p), offset(indented));
          }
        }
      }
      if (general) {
        store(p);
        if (!scan_indentation()) return false;
        if (!load()) return finish(false);
      } else {
        p = indented;
      }
    }
    while (class_of(p) & kBlank)
      ++p;
    const std::uint32_t begin = offset(p);
    const char c = *p;
    const auto byte = static_cast<unsigned char>(c);
    switch (kStartTables.start[byte]) {
      case Start::kName: {
        const char* name_end = p + 1;
        // Four bytes per turn, each exit knowing its length: most names are short, and this
        // spares most of a byte loop's increments and jumps.
        for (;;) {
          if (!(class_of(name_end) & kAsciiNamePart)) break;
          if (!(class_of(name_end + 1) & kAsciiNamePart)) {
            name_end += 1;
            break;
          }
          if (!(class_of(name_end + 2) & kAsciiNamePart)) {
            name_end += 2;
            break;
          }
          if (!(class_of(name_end + 3) & kAsciiNamePart)) {
            name_end += 3;
            break;
          }
          name_end += 4;
        }
        // A quote may make the name a string prefix; a non-ASCII byte continues it.
        if (class_of(name_end) & kQuoteOrNonAscii) {
          store(p);
          start_ = begin;
          if (!scan_identifier_or_prefixed_string()) return false;
          if (!modes_.empty()) {  // an f-string started: the general path reads it
            store(base + pos_);
            return true;
          }
          if (!load()) return finish(false);
          break;
        }
        emit_on_line(name_kind(p, offset(name_end) - begin, end), begin, offset(name_end));
        p = name_end;
        break;
      }
      case Start::kDigit: {
        // A plain decimal integer: 0 or digits without leading zero, followed by no identifier
        // character (keyword, suffix, `_`, invalid literal) and no '.'. Other numbers, and
        // their errors, take the general path.
        const char* number_end = p + 1;
        if (c != '0') {
          while (is_digit(*number_end))
            ++number_end;
        }
        if ((class_of(number_end) & kIdentifierPart) || *number_end == '.') {
          store(p + 1);
          start_ = begin;
          if (!scan_number(byte)) return false;
          if (!load()) return finish(false);
          break;
        }
        emit_on_line(TokenKind::kNumber, begin, offset(number_end));
        p = number_end;
        break;
      }
      case Start::kQuote: {
        // A string without prefix on one line: the body up to the closing quote, escapes
        // skipped. Triple quotes, escaped newlines, unterminated strings and zero bytes take
        // the general path.
        const char* string_end = p + 1;
        bool plain = true;
        if (*string_end == c) {
          plain = string_end[1] != c;  // '' is the empty string, ''' a triple quote
        } else {
          const std::uint8_t stop = c == '\'' ? 1 : 2;
          for (;;) {
            while (!(kStartTables.string_stops[static_cast<unsigned char>(*string_end)] & stop))
              ++string_end;
            if (*string_end != '\\' || string_end[1] == '\n' || string_end[1] == '\0') break;
            string_end += 2;
          }
          plain = *string_end == c;
        }
        if (!plain) {
          store(p + 1);
          start_ = begin;
          if (!scan_string(byte)) return false;
          if (!load()) return finish(false);
          break;
        }
        emit_on_line(TokenKind::kString, begin, offset(string_end + 1));
        p = string_end + 1;
        break;
      }
      case Start::kOperator: {
        const OperatorForms& forms = kStartTables.operators[byte];
        TokenKind kind = forms.one;
        const char* operator_end = p + 1;
        if (*operator_end == '=' && forms.with_equal != TokenKind::kError) {
          kind = forms.with_equal;
          ++operator_end;
        } else if (*operator_end == forms.second && forms.with_second != TokenKind::kError) {
          kind = forms.with_second;
          ++operator_end;
          if (*operator_end == '=' && forms.with_second_equal != TokenKind::kError) {
            kind = forms.with_second_equal;
            ++operator_end;
          }
        }
        emit_on_line(kind, begin, offset(operator_end));
        p = operator_end;
        break;
      }
      case Start::kOpenBracket:
        if (brackets_.size() >= kMaxBrackets) {
          store(p + 1);
          start_ = begin;
          return scan_operator(byte);  // the nesting error
        }
        brackets_.push_back(OpenBracket{c, line, begin - line_begin, begin});
        emit_on_line(kStartTables.operators[byte].one, begin, begin + 1);
        ++p;
        break;
      case Start::kCloseBracket: {
        const char opener = c == ')' ? '(' : c == ']' ? '[' : '{';
        if (brackets_.empty() || brackets_.back().ch != opener) {
          store(p + 1);
          start_ = begin;
          return scan_operator(byte);  // the unmatched or mismatched bracket error
        }
        brackets_.pop_back();
        emit_on_line(kStartTables.operators[byte].one, begin, begin + 1);
        ++p;
        break;
      }
      case Start::kDot:
        if (is_digit(p[1])) {
          store(p + 1);
          start_ = begin;
          if (!scan_number('.')) return false;
          if (!load()) return finish(false);
        } else if (p[1] == '.' && p[2] == '.') {
          emit_on_line(TokenKind::kEllipsis, begin, begin + 3);
          p += 3;
        } else {
          emit_on_line(TokenKind::kDot, begin, begin + 1);
          ++p;
        }
        break;
      case Start::kNewline: {
        Token newline{TokenKind::kNewline,   begin, begin + 1, line, begin - line_begin, line,
                      begin + 1 - line_begin};
        if (blank_line_ || !brackets_.empty()) {
          newline.kind = TokenKind::kNonLogicalNewline;
          out_.trivia.push_back(newline);
        } else {
          out_.tokens.push_back(newline);
        }
        ++line;
        line_begin = begin + 1;
        ++p;
        at_line_start = true;
        break;
      }
      case Start::kComment: {
        const void* newline = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
        const char* comment_end = newline ? static_cast<const char*>(newline) : end;
        out_.trivia.push_back(Token{TokenKind::kComment, begin, offset(comment_end), line, begin - line_begin,
                                    line, offset(comment_end) - line_begin});
        p = comment_end;
        break;
      }
      case Start::kBackslash:
        store(p + 1);
        if (!continuation_line()) return false;
        if (!load()) return finish(false);
        break;
      case Start::kGeneral:
        if (p == end) return finish(false);
        start_ = begin;
        if (byte >= 0x80) {
          store(p);
          if (!scan_identifier_or_prefixed_string()) return false;
        } else {
          store(p + 1);
          if (!scan_operator(byte)) return false;  // an invalid character
        }
        if (!load()) return finish(false);
        break;
    }
  }
}

}  // namespace pypyready::python::detail
