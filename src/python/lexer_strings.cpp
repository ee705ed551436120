// String literals and the literal parts of f-strings (PEP 701), following CPython's
// tokenizer: the f-string mode stack, `{{`/`}}` escapes, format specs and their errors.

#include "python/byte_scan.h"
#include "python/lexer.h"

namespace pypyready::python::detail {

bool Lexer::scan_string(int quote) {
  std::uint32_t first_line = line_;
  std::uint32_t first_column = column_of(start_);
  int quote_size = 1;
  int end_quote_size = 0;
  int c = next();
  if (c == quote) {
    c = next();
    if (c == quote) {
      quote_size = 3;
    } else {
      end_quote_size = 1;  // the empty string
    }
  }
  if (c != quote) backup(c);

  while (end_quote_size != quote_size) {
    if (end_quote_size == 0) {
      // Skip ordinary characters in bulk: only quotes, backslashes and newlines matter.
      std::uint32_t pos = pos_;
      if constexpr (kWordScan) {
        // Long bodies (docstrings) eight bytes per step; the byte loop below finds the stop.
        while (pos + 8 <= size_) {
          const std::uint64_t word = load_word(data_ + pos);
          const std::uint64_t stops = lanes_equal(word, static_cast<unsigned char>(quote)) |
                                      lanes_equal(word, '\\') | lanes_equal(word, '\n');
          if (stops != 0) {
            pos += first_lane(stops);
            break;
          }
          pos += 8;
        }
      }
      while (pos < size_) {
        char ch = data_[pos];
        if (ch == quote || ch == '\\' || ch == '\n') break;
        ++pos;
      }
      pos_ = pos;
    }
    c = next();
    if (c == kEof || (quote_size == 1 && c == '\n')) {
      std::uint32_t detected = c == '\n' ? line_ : detected_line();
      // A quote matching the enclosing f-string's means the replacement field lacks its '}'.
      if (in_fstring() && modes_.back().quote == quote && modes_.back().quote_size == quote_size) {
        return fail("f-string: expecting '}'", first_line, first_column, first_line, first_column, start_);
      }
      std::string message = quote_size == 3 ? "unterminated triple-quoted string literal (detected at line "
                                            : "unterminated string literal (detected at line ";
      message += std::to_string(detected) + ")";
      return fail(std::move(message), first_line, first_column, first_line, first_column, start_);
    }
    if (c == quote) {
      ++end_quote_size;
      continue;
    }
    end_quote_size = 0;
    if (c == '\\') {
      c = next();
      if (c == '\n') new_line(pos_);
    } else if (c == '\n') {
      new_line(pos_);
    }
  }
  emit(TokenKind::kString, start_, first_line, first_column, pos_);
  return true;
}

bool Lexer::start_fstring(int quote) {
  std::uint8_t quote_size = 1;
  if (peek() == quote && peek_at(pos_ + 1) == quote) {
    pos_ += 2;
    quote_size = 3;
  }
  if (modes_.size() + 1 >= kMaxFStringLevel) return fail_before_cursor("too many nested f-strings");
  // References to the innermost mode stay valid while nested f-strings are pushed.
  if (modes_.capacity() < kMaxFStringLevel) modes_.reserve(kMaxFStringLevel);
  FStringMode mode;
  mode.quote = static_cast<char>(quote);
  mode.quote_size = quote_size;
  for (std::uint32_t i = start_; i < pos_; ++i) {
    if (data_[i] == 'r' || data_[i] == 'R') mode.raw = true;
  }
  mode.start = start_;
  mode.start_line = line_;
  mode.start_line_begin = line_begin_;
  modes_.push_back(mode);
  emit_here(TokenKind::kFStringStart, start_, pos_);
  return true;
}

bool Lexer::unterminated_fstring(const FStringMode& mode, bool at_newline) {
  std::uint32_t detected = at_newline ? line_ : detected_line();
  std::string message = mode.quote_size == 3
                            ? "unterminated triple-quoted f-string literal (detected at line "
                            : "unterminated f-string literal (detected at line ";
  message += std::to_string(detected) + ")";
  std::uint32_t column = mode.start - mode.start_line_begin;
  return fail(std::move(message), mode.start_line, column, mode.start_line, column, mode.start);
}

bool Lexer::scan_fstring_middle(FStringMode& mode) {
  start_ = pos_;
  std::uint32_t first_line = line_;
  std::uint32_t first_column = column_of(pos_);
  auto emit_middle = [&](std::uint32_t end) {
    emit(TokenKind::kFStringMiddle, start_, first_line, first_column, end);
    return true;
  };
  auto enter_expression = [&]() {
    ++mode.expr_start_depth;
    if (mode.expr_start_depth >= kMaxFStringExprNesting) {
      return fail_before_cursor("f-string: expressions nested too deeply");
    }
    mode.in_expression = true;
    return true;
  };

  // A replacement field right here: nothing literal to return first.
  if (peek() == '{' && peek_at(pos_ + 1) != '{') {
    if (!enter_expression()) return false;
    return scan_normal();
  }
  bool at_end = true;
  for (std::uint32_t i = 0; i < mode.quote_size; ++i) {
    if (peek_at(pos_ + i) != mode.quote) at_end = false;
  }
  if (at_end) {
    pos_ += mode.quote_size;
    emit_here(TokenKind::kFStringEnd, start_, pos_);
    modes_.pop_back();
    return true;
  }

  bool unicode_escape = false;
  int end_quote_size = 0;
  while (end_quote_size != mode.quote_size) {
    int c = next();
    bool in_format_spec = mode.in_format_spec && mode.expr_start_depth >= 0;
    if (c == kEof || (mode.quote_size == 1 && c == '\n')) {
      if (in_format_spec && c == '\n') {
        // A single-quoted format spec ends at the line break; the parser reports it.
        backup(c);
        mode.in_expression = true;
        mode.in_format_spec = false;
        return emit_middle(pos_);
      }
      return unterminated_fstring(mode, c == '\n');
    }
    if (c == mode.quote) {
      ++end_quote_size;
      continue;
    }
    end_quote_size = 0;
    if (c == '\n') {
      new_line(pos_);
    } else if (c == '{') {
      int peeked = next();
      if (peeked != '{' || in_format_spec) {
        backup(peeked);
        backup(c);
        if (!enter_expression()) return false;
        mode.in_format_spec = false;
        return emit_middle(pos_);
      }
      return emit_middle(pos_ - 1);  // `{{`: the token holds one brace
    } else if (c == '}') {
      if (unicode_escape) return emit_middle(pos_);
      int peeked = next();
      if (peeked == '}' && !in_format_spec && mode.curly_depth == 0) return emit_middle(pos_ - 1);
      backup(peeked);
      backup(c);
      mode.in_expression = true;
      mode.in_format_spec = false;
      return emit_middle(pos_);
    } else if (c == '\\') {
      int peeked = next();
      if (peeked == '{' || peeked == '}') {
        backup(peeked);
      } else if (peeked == '\n') {
        new_line(pos_);
      } else if (!mode.raw && peeked == 'N') {
        if (peek() == '{') {
          ++pos_;
          unicode_escape = true;
        }
      }
    }
  }
  pos_ -= mode.quote_size;  // the closing quotes become the kFStringEnd token
  return emit_middle(pos_);
}

}  // namespace pypyready::python::detail
