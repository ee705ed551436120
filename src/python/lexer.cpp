#include "python/lexer.h"

#include <bit>
#include <cstring>

#include "python/byte_scan.h"
#include "python/char_class.h"
#include "python/keyword.h"
#include "python/unicode.h"

namespace pypyready::python::detail {

Lexer::Lexer(std::string_view text)
    : text_(text), data_(text.data()), size_(static_cast<std::uint32_t>(text.size())) {
  // The fast path's byte loops have no bounds check: a final newline stops every one of them.
  // Without one (rare: copying costs an instruction per byte), a copy's terminating zero does.
  if (text.empty() || text.back() != '\n') {
    copy_ = std::string(text);
    text_ = copy_;
    data_ = copy_.data();
  }
}

TokenizedSource Lexer::run() {
  // One token per two bytes and one trivia per sixteen cover even dense code (ordinary code has
  // a token per five or six bytes); reserving up front keeps the hot loop free of reallocation,
  // and untouched reserved pages cost nothing.
  out_.tokens.reserve(size_ / 2 + 16);
  out_.trivia.reserve(size_ / 16 + 16);
  brackets_.reserve(16);
  // The fast path stops only for an f-string, whose tokens the general path reads up to its end.
  while (modes_.empty() ? scan_outside_fstrings() : step()) {
  }
  return std::move(out_);
}

TokenizedSource Lexer::run_general_path_only() {
  while (step()) {
  }
  return std::move(out_);
}

bool Lexer::step() {
  if (!modes_.empty() && !modes_.back().in_expression) return scan_fstring_middle(modes_.back());
  return scan_normal();
}

bool Lexer::indentation_error(std::string message, std::uint32_t column) {
  return fail(std::move(message), line_, column, line_, column, line_begin_ + column);
}

bool Lexer::scan_indentation() {
  at_line_start_ = false;
  std::uint32_t column = 0;
  std::uint32_t alt_column = 0;  // the same line measured with tab size 1 (TabError check)
  std::uint32_t continuation_column = 0;
  for (;;) {
    // Runs of spaces, the usual indentation, in a tight loop on a local position.
    std::uint32_t pos = pos_;
    if constexpr (kWordScan) {
      // Eight spaces per step: the first lane that is not a space ends the run.
      while (pos + 8 <= size_) {
        const std::uint64_t others = load_word(data_ + pos) ^ repeat_byte(' ');
        if (others != 0) {
          pos += static_cast<unsigned>(std::countr_zero(others)) / 8;
          break;
        }
        pos += 8;
      }
    }
    while (pos < size_ && data_[pos] == ' ')
      ++pos;
    column += pos - pos_;
    alt_column += pos - pos_;
    pos_ = pos;
    int c = peek();
    if (c == '\t') {
      column = (column / 8 + 1) * 8;
      ++alt_column;
    } else if (c == '\f') {
      column = alt_column = 0;
    } else if (c == '\\') {
      // The first backslash decides the indentation of the joined line (CPython's
      // cont_line_col, where 0 means "not set yet").
      if (continuation_column == 0) continuation_column = column;
      ++pos_;
      if (!continuation_line()) return false;
      continue;
    } else {
      break;
    }
    ++pos_;
  }
  int c = peek();
  // Whitespace before the end of a file without final newline is a blank line too: CPython
  // appends the missing newline.
  blank_line_ = c == '#' || c == '\n' || (c == kEof && pos_ > line_begin_);
  if (blank_line_ || !brackets_.empty()) return true;

  if (continuation_column != 0) column = alt_column = continuation_column;
  if (column == indents_.back()) {
    if (alt_column != alt_indents_.back()) {
      return indentation_error("inconsistent use of tabs and spaces in indentation", 0);
    }
  } else if (column > indents_.back()) {
    if (indents_.size() >= kMaxIndent) return indentation_error("too many levels of indentation", 0);
    if (alt_column <= alt_indents_.back()) {
      return indentation_error("inconsistent use of tabs and spaces in indentation", 0);
    }
    indents_.push_back(column);
    alt_indents_.push_back(alt_column);
    emit(TokenKind::kIndent, line_begin_, line_, 0, pos_);
  } else {
    std::size_t dedents = 0;
    while (indents_.size() > 1 && column < indents_.back()) {
      indents_.pop_back();
      alt_indents_.pop_back();
      ++dedents;
    }
    if (column != indents_.back()) {
      // CPython points past the end of the offending line.
      const void* newline = std::memchr(data_ + pos_, '\n', size_ - pos_);
      auto line_end = newline ? static_cast<std::uint32_t>(static_cast<const char*>(newline) - data_) : size_;
      return indentation_error("unindent does not match any outer indentation level", line_end - line_begin_);
    }
    if (alt_column != alt_indents_.back()) {
      return indentation_error("inconsistent use of tabs and spaces in indentation", 0);
    }
    for (std::size_t i = 0; i < dedents; ++i)
      emit_here(TokenKind::kDedent, pos_, pos_);
  }
  return true;
}

bool Lexer::continuation_line() {
  std::uint32_t backslash = pos_ - 1;
  int c = next();
  if (c == kEof) {
    // CPython adds the missing final newline, then finds nothing to continue with.
    return fail("unexpected EOF while parsing", line_, column_of(pos_), line_, column_of(pos_), pos_);
  }
  if (c != '\n') {
    return fail("unexpected character after line continuation character", line_, column_of(pos_ - 1), line_,
                column_of(pos_ - 1), pos_ - 1);
  }
  std::uint32_t line = line_;
  std::uint32_t column = column_of(backslash) + 1;
  new_line(pos_);
  if (peek() == kEof) return fail("unexpected EOF while parsing", line, column, line, column, backslash + 1);
  return true;
}

bool Lexer::scan_normal() {
  if (at_line_start_ && !scan_indentation()) return false;
  int c;
  for (;;) {
    std::uint32_t pos = pos_;
    while (pos < size_ && (kCharClass[static_cast<unsigned char>(data_[pos])] & kBlank))
      ++pos;
    pos_ = pos;
    c = next();
    if (c != '\\') break;
    if (!continuation_line()) return false;
  }
  if (c == kEof) return scan_end_of_input();
  start_ = pos_ - 1;
  if (kCharClass[c] & kIdentifierStart) {
    if ((kCharClass[c] & kAsciiNamePart) && scan_plain_name()) return true;
    backup(c);
    return scan_identifier_or_prefixed_string();
  }
  if (c == '\n') return scan_newline(start_);
  if (c == '#') return scan_comment();
  if (is_digit(c)) return scan_number(c);
  if (c == '.') return scan_dot();
  if (c == '"' || c == '\'') return scan_string(c);
  return scan_operator(c);
}

bool Lexer::scan_comment() {
  const void* newline = std::memchr(data_ + pos_, '\n', size_ - pos_);
  pos_ = newline ? static_cast<std::uint32_t>(static_cast<const char*>(newline) - data_) : size_;
  emit_trivia(TokenKind::kComment, start_, pos_);
  return true;
}

bool Lexer::scan_dot() {
  if (is_digit(peek())) return scan_number('.');
  if (peek() == '.' && peek_at(pos_ + 1) == '.') {
    pos_ += 2;
    emit_here(TokenKind::kEllipsis, start_, pos_);
  } else {
    emit_here(TokenKind::kDot, start_, pos_);
  }
  return true;
}

bool Lexer::scan_end_of_input() {
  if (!brackets_.empty()) {
    const OpenBracket& open = brackets_.back();
    return fail(std::string("'") + open.ch + "' was never closed", open.line, open.column, open.line,
                open.column, open.offset);
  }
  if (pos_ > line_begin_) {
    // The last line has no newline: CPython adds one, so the line still ends a statement.
    std::uint32_t column = column_of(pos_);
    Token newline{blank_line_ ? TokenKind::kNonLogicalNewline : TokenKind::kNewline,
                  pos_,
                  pos_,
                  line_,
                  column,
                  line_,
                  column + 1};
    (blank_line_ ? out_.trivia : out_.tokens).push_back(newline);
    new_line(pos_);
    at_line_start_ = true;
    return true;
  }
  emit_here(TokenKind::kEndMarker, pos_, pos_);
  return false;
}

bool Lexer::scan_newline(std::uint32_t begin) {
  if (blank_line_ || !brackets_.empty()) {
    emit_trivia(TokenKind::kNonLogicalNewline, begin, pos_);
  } else {
    emit_here(TokenKind::kNewline, begin, pos_);
  }
  new_line(pos_);
  at_line_start_ = true;
  return true;
}

bool Lexer::scan_plain_name() {
  // Hot loop: local pointers, so the position is not stored back on every byte.
  const auto* bytes = reinterpret_cast<const unsigned char*>(data_);
  const unsigned char* p = bytes + pos_;
  const unsigned char* end = bytes + size_;
  while (p < end && (kCharClass[*p] & kAsciiNamePart))
    ++p;
  // A quote may make the name a string prefix; a non-ASCII byte continues it: the full path.
  if (p < end && (kCharClass[*p] & kQuoteOrNonAscii)) return false;
  pos_ = static_cast<std::uint32_t>(p - bytes);
  emit_here(identifier_kind(), start_, pos_);
  return true;
}

bool Lexer::scan_identifier_or_prefixed_string() {
  // String prefixes in any case and order, as CPython accepts them: b, r, u, f and the pairs
  // br/rb and fr/rf; u combines with nothing.
  bool saw_b = false, saw_r = false, saw_u = false, saw_f = false;
  int c = next();
  // The class test lets most names, which start with no prefix letter, skip the checks below.
  while (c != kEof && (kCharClass[c] & kStringPrefix)) {
    if (!(saw_b || saw_u || saw_f) && (c == 'b' || c == 'B')) {
      saw_b = true;
    } else if (!(saw_b || saw_u || saw_r || saw_f) && (c == 'u' || c == 'U')) {
      saw_u = true;
    } else if (!(saw_r || saw_u) && (c == 'r' || c == 'R')) {
      saw_r = true;
    } else if (!(saw_f || saw_b || saw_u) && (c == 'f' || c == 'F')) {
      saw_f = true;
    } else {
      break;
    }
    c = next();
    if (c == '"' || c == '\'') return saw_f ? start_fstring(c) : scan_string(c);
  }
  backup(c);
  // Hot loop: local pointers, so the position is not stored back on every byte.
  const auto* bytes = reinterpret_cast<const unsigned char*>(data_);
  const unsigned char* p = bytes + pos_;
  const unsigned char* end = bytes + size_;
  while (p < end && (kCharClass[*p] & kAsciiNamePart))
    ++p;
  // A non-ASCII byte: the rest of the name needs the PEP 3131 check.
  bool non_ascii = p < end && *p >= 0x80;
  if (non_ascii) {
    while (p < end && (kCharClass[*p] & kIdentifierPart))
      ++p;
  }
  pos_ = static_cast<std::uint32_t>(p - bytes);
  if (non_ascii && !verify_identifier(start_)) return false;
  emit_here(identifier_kind(), start_, pos_);
  return true;
}

TokenKind Lexer::identifier_kind() const {
  std::uint32_t length = pos_ - start_;
  // No keyword is shorter than 2 or longer than 8 bytes (unsigned: one compare for both).
  if (length - 2 > 6) return TokenKind::kName;
  if constexpr (std::endian::native == std::endian::little) {
    // One unaligned load when the text has 8 bytes from the start: masked to the identifier,
    // it is the packed form keyword_kind_packed takes.
    if (start_ + 8 <= size_) {
      return keyword_kind_packed(load_word(data_ + start_) & (~std::uint64_t{0} >> (64 - 8 * length)));
    }
  }
  return keyword_kind(text_.substr(start_, length));
}

bool Lexer::verify_identifier(std::uint32_t begin) {
  std::uint32_t offset = begin;
  bool first = true;
  while (offset < pos_) {
    DecodedCodePoint decoded = decode_utf8(text_.substr(offset, pos_ - offset));
    bool ok = decoded.valid &&
              (first ? is_identifier_start(decoded.code_point) : is_identifier_continue(decoded.code_point));
    if (!ok) {
      pos_ = offset + decoded.length;
      std::uint32_t column = column_of(offset);
      std::string message;
      if (!decoded.valid) {
        message = "(unicode error) 'utf-8' codec can't decode byte 0x" +
                  hex_lower(static_cast<unsigned char>(data_[offset])) + " in position 0: invalid start byte";
      } else if (is_printable(decoded.code_point)) {
        message = "invalid character '" + std::string(text_.substr(offset, decoded.length)) + "' (U+" +
                  hex_upper4(decoded.code_point) + ")";
      } else {
        message = "invalid non-printable character U+" + hex_upper4(decoded.code_point);
      }
      return fail(std::move(message), line_, column, line_, column, offset);
    }
    first = false;
    offset += decoded.length;
  }
  return true;
}

bool Lexer::scan_operator(int c) {
  // Two- and three-character operators: take the longest match.
  auto pick = [&](int second, TokenKind two, TokenKind otherwise) {
    if (peek() != second) return otherwise;
    ++pos_;
    return two;
  };
  // Every case chooses a kind and one emit follows: a single copy of the inlined token append.
  TokenKind kind;
  switch (c) {
    case '(':
    case '[':
    case '{':
      if (!open_bracket(static_cast<char>(c))) return false;
      kind = c == '(' ? TokenKind::kLeftParen : c == '[' ? TokenKind::kLeftBracket : TokenKind::kLeftBrace;
      break;
    case ')':
    case ']':
    case '}':
      if (!close_bracket(static_cast<char>(c))) return false;
      kind = c == ')' ? TokenKind::kRightParen : c == ']' ? TokenKind::kRightBracket : TokenKind::kRightBrace;
      break;
    case ':':
      kind = TokenKind::kColon;
      if (in_fstring()) {
        FStringMode& mode = modes_.back();
        // A colon at the replacement field's own bracket depth starts its format spec.
        if (mode.expr_start_depth >= 0 && mode.curly_depth - 1 == mode.expr_start_depth) {
          mode.in_expression = false;
          mode.in_format_spec = true;
          break;
        }
      }
      kind = pick('=', TokenKind::kColonEqual, TokenKind::kColon);
      break;
    case ',':
      kind = TokenKind::kComma;
      break;
    case ';':
      kind = TokenKind::kSemicolon;
      break;
    case '~':
      kind = TokenKind::kTilde;
      break;
    case '+':
      kind = pick('=', TokenKind::kPlusEqual, TokenKind::kPlus);
      break;
    case '-':
      kind = peek() == '>' ? (++pos_, TokenKind::kRightArrow)
                           : pick('=', TokenKind::kMinusEqual, TokenKind::kMinus);
      break;
    case '*':
      kind = peek() == '*' ? (++pos_, pick('=', TokenKind::kDoubleStarEqual, TokenKind::kDoubleStar))
                           : pick('=', TokenKind::kStarEqual, TokenKind::kStar);
      break;
    case '/':
      kind = peek() == '/' ? (++pos_, pick('=', TokenKind::kDoubleSlashEqual, TokenKind::kDoubleSlash))
                           : pick('=', TokenKind::kSlashEqual, TokenKind::kSlash);
      break;
    case '%':
      kind = pick('=', TokenKind::kPercentEqual, TokenKind::kPercent);
      break;
    case '@':
      kind = pick('=', TokenKind::kAtEqual, TokenKind::kAt);
      break;
    case '|':
      kind = pick('=', TokenKind::kVerticalBarEqual, TokenKind::kVerticalBar);
      break;
    case '&':
      kind = pick('=', TokenKind::kAmpersandEqual, TokenKind::kAmpersand);
      break;
    case '^':
      kind = pick('=', TokenKind::kCircumflexEqual, TokenKind::kCircumflex);
      break;
    case '=':
      kind = pick('=', TokenKind::kEqEqual, TokenKind::kEqual);
      break;
    case '!':
      kind = pick('=', TokenKind::kNotEqual, TokenKind::kExclamation);
      break;
    case '<':
      kind = peek() == '<' ? (++pos_, pick('=', TokenKind::kLeftShiftEqual, TokenKind::kLeftShift))
                           : pick('=', TokenKind::kLessEqual, TokenKind::kLess);
      break;
    case '>':
      kind = peek() == '>' ? (++pos_, pick('=', TokenKind::kRightShiftEqual, TokenKind::kRightShift))
                           : pick('=', TokenKind::kGreaterEqual, TokenKind::kGreater);
      break;
    default:
      return invalid_character(c);
  }
  emit_here(kind, start_, pos_);
  return true;
}

bool Lexer::invalid_character(int c) {
  if (c == 0) return fail_before_cursor("source code cannot contain null bytes");
  if (c < 0x20 || c == 0x7f) {
    return fail_before_cursor("invalid non-printable character U+" + hex_upper4(static_cast<char32_t>(c)));
  }
  // '$', '?' and '`': CPython passes a generic OP token that no grammar rule accepts.
  std::uint32_t column = column_of(start_);
  return fail("invalid syntax", line_, column, line_, column + 1, start_);
}

bool Lexer::open_bracket(char c) {
  if (brackets_.size() >= kMaxBrackets) return fail_before_cursor("too many nested parentheses");
  brackets_.push_back(OpenBracket{c, line_, column_of(start_), start_});
  if (in_fstring()) ++modes_.back().curly_depth;
  return true;
}

bool Lexer::close_bracket(char c) {
  if (in_fstring() && modes_.back().curly_depth == 0 && c == '}') {
    return fail_before_cursor("f-string: single '}' is not allowed");
  }
  if (brackets_.empty()) return fail_before_cursor(std::string("unmatched '") + c + "'");
  OpenBracket open = brackets_.back();
  brackets_.pop_back();
  bool matches = (open.ch == '(' && c == ')') || (open.ch == '[' && c == ']') || (open.ch == '{' && c == '}');
  if (!matches) {
    if (in_fstring() && open.ch == '{' && modes_.back().curly_depth - 1 == modes_.back().expr_start_depth) {
      return fail_before_cursor(std::string("f-string: unmatched '") + c + "'");
    }
    std::string message =
        std::string("closing parenthesis '") + c + "' does not match opening parenthesis '" + open.ch + "'";
    if (open.line != line_) message += " on line " + std::to_string(open.line);
    return fail_before_cursor(std::move(message));
  }
  if (in_fstring()) {
    FStringMode& mode = modes_.back();
    --mode.curly_depth;
    if (c == '}' && mode.curly_depth == mode.expr_start_depth) {
      // The replacement field is complete: back to the literal part of the f-string.
      --mode.expr_start_depth;
      mode.in_expression = false;
      mode.in_format_spec = false;
    }
  }
  return true;
}

bool Lexer::fail(std::string message, std::uint32_t line, std::uint32_t column, std::uint32_t end_line,
                 std::uint32_t end_column, std::uint32_t offset) {
  out_.error = SyntaxError{std::move(message), line, column, end_line, end_column};
  out_.tokens.push_back(Token{TokenKind::kError, offset, offset, line, column, line, column});
  return false;
}

bool Lexer::fail_before_cursor(std::string message) {
  std::uint32_t offset = pos_;
  if (offset > line_begin_) {
    --offset;
    while (offset > line_begin_ && (static_cast<unsigned char>(data_[offset]) & 0xC0) == 0x80)
      --offset;
  }
  std::uint32_t column = column_of(offset);
  return fail(std::move(message), line_, column, line_, column, offset);
}

std::uint32_t Lexer::detected_line() const {
  if (size_ > 0 && data_[size_ - 1] == '\n' && pos_ >= size_ && line_ > 1) return line_ - 1;
  return line_;
}

}  // namespace pypyready::python::detail
