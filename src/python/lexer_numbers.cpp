// Number literals, following CPython's tokenizer branch by branch so that the same inputs are
// rejected with the same message at the same column.

#include "python/char_class.h"
#include "python/lexer.h"

namespace pypyready::python::detail {

int Lexer::decimal_tail() {
  int c;
  for (;;) {
    do {
      c = next();
    } while (is_digit(c));
    if (c != '_') break;
    c = next();
    if (!is_digit(c)) {
      backup(c);
      fail_before_cursor("invalid decimal literal");
      return kFailed;
    }
  }
  return c;
}

bool Lexer::lookahead(const char* rest) {
  std::uint32_t saved = pos_;
  bool result = false;
  for (const char* s = rest;; ++s) {
    int c = next();
    if (*s == '\0') {
      result = c < 0 || !(kCharClass[c] & kIdentifierPart);
      break;
    }
    if (c != *s) break;
  }
  pos_ = saved;
  return result;
}

bool Lexer::verify_end_of_number(int c, const char* kind) {
  // A keyword right after a number (`1if x else y`, `0x1for`) is accepted with a warning by
  // CPython; any other identifier character makes the literal invalid.
  bool keyword_follows = false;
  if (c == 'a') {
    keyword_follows = lookahead("nd");
  } else if (c == 'e') {
    keyword_follows = lookahead("lse");
  } else if (c == 'f') {
    keyword_follows = lookahead("or");
  } else if (c == 'i') {
    int c2 = peek();
    keyword_follows = c2 == 'f' || c2 == 'n' || c2 == 's';
  } else if (c == 'o') {
    keyword_follows = lookahead("r");
  } else if (c == 'n') {
    keyword_follows = lookahead("ot");
  }
  if (keyword_follows) return true;
  if (c >= 0 && c < 0x80 && (kCharClass[c] & kIdentifierPart)) {
    backup(c);
    fail_before_cursor(std::string("invalid ") + kind + " literal");
    return false;
  }
  return true;
}

bool Lexer::scan_number(int c) {
  if (c == '.') {
    c = next();
    goto fraction;
  }
  if (c == '0') {
    c = next();
    if (c == 'x' || c == 'X') {
      c = next();
      do {
        if (c == '_') c = next();
        if (!is_hex_digit(c)) {
          backup(c);
          return fail_before_cursor("invalid hexadecimal literal");
        }
        do {
          c = next();
        } while (is_hex_digit(c));
      } while (c == '_');
      if (!verify_end_of_number(c, "hexadecimal")) return false;
    } else if (c == 'o' || c == 'O' || c == 'b' || c == 'B') {
      bool octal = c == 'o' || c == 'O';
      const char* kind = octal ? "octal" : "binary";
      int limit = octal ? '8' : '2';
      c = next();
      do {
        if (c == '_') c = next();
        if (c < '0' || c >= limit) {
          if (is_digit(c)) {
            return fail_before_cursor(std::string("invalid digit '") + static_cast<char>(c) + "' in " + kind +
                                      " literal");
          }
          backup(c);
          return fail_before_cursor(std::string("invalid ") + kind + " literal");
        }
        do {
          c = next();
        } while (c >= '0' && c < limit);
      } while (c == '_');
      if (is_digit(c)) {
        return fail_before_cursor(std::string("invalid digit '") + static_cast<char>(c) + "' in " + kind +
                                  " literal");
      }
      if (!verify_end_of_number(c, kind)) return false;
    } else {
      bool nonzero = false;
      for (;;) {
        if (c == '_') {
          c = next();
          if (!is_digit(c)) {
            backup(c);
            return fail_before_cursor("invalid decimal literal");
          }
        }
        if (c != '0') break;
        c = next();
      }
      std::uint32_t zeros_end = pos_;
      if (is_digit(c)) {
        nonzero = true;
        c = decimal_tail();
        if (c == kFailed) return false;
      }
      if (c == '.') {
        c = next();
        goto fraction;
      }
      if (c == 'e' || c == 'E') goto exponent;
      if (c == 'j' || c == 'J') goto imaginary;
      if (nonzero) {
        backup(c);
        std::uint32_t column = column_of(start_);
        return fail(
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal "
            "integers",
            line_, column, line_, column_of(zeros_end) - 1, start_);
      }
      if (!verify_end_of_number(c, "decimal")) return false;
    }
  } else {
    c = decimal_tail();
    if (c == kFailed) return false;
    if (c == '.') {
      c = next();
    fraction:
      if (is_digit(c)) {
        c = decimal_tail();
        if (c == kFailed) return false;
      }
    }
    if (c == 'e' || c == 'E') {
    exponent:
      int e = c;
      c = next();
      if (c == '+' || c == '-') {
        c = next();
        if (!is_digit(c)) {
          backup(c);
          return fail_before_cursor("invalid decimal literal");
        }
      } else if (!is_digit(c)) {
        // `1else`: the `e` belongs to the keyword that follows.
        backup(c);
        if (!verify_end_of_number(e, "decimal")) return false;
        backup(e);
        emit_here(TokenKind::kNumber, start_, pos_);
        return true;
      }
      c = decimal_tail();
      if (c == kFailed) return false;
    }
    if (c == 'j' || c == 'J') {
    imaginary:
      c = next();
      if (!verify_end_of_number(c, "imaginary")) return false;
    } else if (!verify_end_of_number(c, "decimal")) {
      return false;
    }
  }
  backup(c);
  emit_here(TokenKind::kNumber, start_, pos_);
  return true;
}

}  // namespace pypyready::python::detail
