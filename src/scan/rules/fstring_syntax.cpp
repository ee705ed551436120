#include "scan/rules/fstring_syntax.h"

#include <cctype>

namespace pypyready::scan::rules {
namespace {

bool is_prefix_letter(char c) {
  return c == 'r' || c == 'R' || c == 'b' || c == 'B' || c == 'u' || c == 'U' || c == 'f' || c == 'F';
}

bool is_word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// A recursive reader over string literals and the expressions of their replacement fields.
// Depth is bounded by the parser, which accepted this text already.
class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  FStringSyntax run() {
    // Between the parts of an implicit concatenation: spaces, line breaks, comments.
    while (pos_ < text_.size()) {
      if (at_string_start()) {
        string();
      } else if (peek() == '#') {
        while (pos_ < text_.size() && peek() != '\n')
          ++pos_;
      } else {
        ++pos_;
      }
    }
    return found_;
  }

 private:
  char peek(std::size_t ahead = 0) const { return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0'; }

  // Up to two prefix letters, then a quote.
  bool at_string_start() const {
    std::size_t at = pos_;
    while (at < text_.size() && at - pos_ < 2 && is_prefix_letter(text_[at]))
      ++at;
    return at < text_.size() && (text_[at] == '"' || text_[at] == '\'');
  }

  void string() {
    bool is_f = false;
    while (is_prefix_letter(peek())) {
      is_f = is_f || peek() == 'f' || peek() == 'F';
      ++pos_;
    }
    const char quote = peek();
    const bool triple = peek(1) == quote && peek(2) == quote;
    pos_ += triple ? 3 : 1;
    while (pos_ < text_.size()) {
      char c = peek();
      if (c == quote && (!triple || (peek(1) == quote && peek(2) == quote))) {
        pos_ += triple ? 3 : 1;
        return;
      }
      if (c == '\\') {
        pos_ += 2;
      } else if (is_f && c == '{') {
        if (peek(1) == '{') {
          pos_ += 2;
        } else {
          ++pos_;
          replacement_field(quote, triple);
        }
      } else {
        ++pos_;
      }
    }
  }

  // After `{`: the expression, then `=`, `!conversion`, `:spec`, up to the closing `}`.
  void replacement_field(char quote, bool triple) {
    int depth = 0;
    while (pos_ < text_.size()) {
      char c = peek();
      if (depth == 0 && c == '}') {
        ++pos_;
        return;
      }
      if (c == '(' || c == '[' || c == '{') {
        ++depth;
        ++pos_;
      } else if (c == ')' || c == ']' || c == '}') {
        --depth;
        ++pos_;
      } else if (depth == 0 && c == '!' && peek(1) != '=') {
        pos_ += 2;  // conversion character
      } else if (depth == 0 && c == ':') {
        ++pos_;
        format_spec(quote, triple);
        return;
      } else if (depth == 0 && c == '=' && peek(1) != '=' && pos_ > 0 &&
                 std::string_view("=!<>").find(text_[pos_ - 1]) == std::string_view::npos) {
        found_.self_documenting = true;
        ++pos_;
      } else if (c == '\\') {
        found_.backslash = true;
        pos_ += 2;
      } else if (c == '#') {
        found_.comment = true;
        while (pos_ < text_.size() && peek() != '\n')
          ++pos_;
      } else if (c == '\n') {
        if (!triple) found_.line_break = true;
        ++pos_;
      } else if (at_string_start()) {
        std::size_t at = pos_;
        while (is_prefix_letter(text_[at]))
          ++at;
        if (text_[at] == quote &&
            (!triple || (at + 2 < text_.size() && text_[at + 1] == quote && text_[at + 2] == quote))) {
          found_.reuses_quote = true;
        }
        const std::size_t start = pos_;
        string();
        // Before 3.12 no backslash could appear in the expression, not even in a nested string.
        if (text_.substr(start, pos_ - start).find('\\') != std::string_view::npos) found_.backslash = true;
      } else if (is_word_char(c)) {
        while (pos_ < text_.size() && is_word_char(peek()))
          ++pos_;
      } else {
        ++pos_;
      }
    }
  }

  // After `:`: literal text with nested replacement fields, up to the closing `}`.
  void format_spec(char quote, bool triple) {
    while (pos_ < text_.size()) {
      char c = peek();
      if (c == '}') {
        ++pos_;
        return;
      }
      if (c == '{') {
        ++pos_;
        replacement_field(quote, triple);
      } else {
        ++pos_;
      }
    }
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  FStringSyntax found_;
};

}  // namespace

FStringSyntax scan_fstring_syntax(std::string_view text) {
  return Scanner(text).run();
}

}  // namespace pypyready::scan::rules
