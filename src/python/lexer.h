#pragma once
// Internal state of the tokenizer, shared by lexer.cpp (lines, names, operators),
// lexer_numbers.cpp and lexer_strings.cpp, the general path, which follows the state machine of
// CPython's Parser/lexer (3.12/3.13) so that tokens, error messages and error positions agree
// with it, and lexer_fast_path.cpp, which reads the common tokens in one loop and hands the
// rest to the general path.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "python/tokenizer.h"

namespace pypyready::python::detail {

/// One open f-string: CPython's tokenizer_mode of kind TOK_FSTRING_MODE.
struct FStringMode {
  char quote = '"';
  std::uint8_t quote_size = 1;
  bool raw = false;
  bool in_expression = false;  ///< tokenizing a replacement field (CPython's TOK_REGULAR_MODE)
  bool in_format_spec = false;
  int curly_depth = 0;        ///< brackets opened since the f-string started
  int expr_start_depth = -1;  ///< curly_depth at which the innermost replacement field opened
  std::uint32_t start = 0;    ///< offset of the prefix, where unterminated errors point
  std::uint32_t start_line = 1;
  std::uint32_t start_line_begin = 0;
};

/// An open bracket, for matching and for "'(' was never closed".
struct OpenBracket {
  char ch;
  std::uint32_t line;
  std::uint32_t column;
  std::uint32_t offset;
};

inline constexpr int kEof = -1;
inline constexpr std::size_t kMaxIndent = 100;        // CPython MAXINDENT
inline constexpr std::size_t kMaxBrackets = 200;      // CPython MAXLEVEL
inline constexpr std::size_t kMaxFStringLevel = 150;  // CPython MAXFSTRINGLEVEL
inline constexpr int kMaxFStringExprNesting = 3;      // CPython MAX_EXPR_NESTING

/// The tokenizer state machine: one per text, run once by tokenize().
class Lexer {
 public:
  explicit Lexer(std::string_view text);
  TokenizedSource run();
  /// run() without scan_outside_fstrings: the general path alone, which tests compare the
  /// fast path with.
  TokenizedSource run_general_path_only();

 private:
  // One step of the state machine; false once the end marker or an error was emitted.
  bool step();
  // lexer_fast_path.cpp: the common tokens outside f-strings in one loop, handing the rest to
  // the general path. False once the end marker or an error was emitted; true when an f-string
  // started (the general path takes its tokens).
  bool scan_outside_fstrings();
  // The INDENT or DEDENTs of a line indented with spaces only, outside brackets, whose column
  // differs from the current level's. False, nothing changed, when that is an error, which the
  // general path (scan_indentation) reports.
  bool indent_with_spaces(std::uint32_t column, std::uint32_t line, std::uint32_t line_begin,
                          std::uint32_t pos);
  bool scan_indentation();
  bool scan_normal();
  bool scan_end_of_input();
  bool scan_newline(std::uint32_t begin);
  // Out of line so that scan_normal, run once per token, stays small: inlined, their token
  // emission made it save and restore every callee-saved register on each call.
  [[gnu::noinline]] bool scan_comment();
  [[gnu::noinline]] bool scan_dot();
  bool indentation_error(std::string message, std::uint32_t column);
  /// The usual identifier: ASCII, no quote after it. False, nothing consumed, otherwise.
  /// Inlined into scan_normal with its keyword lookup: a third of all tokens come here, and a
  /// call of its own cost a save and restore of the callee-saved registers each time.
  [[gnu::always_inline]] inline bool scan_plain_name();
  bool scan_identifier_or_prefixed_string();
  bool verify_identifier(std::uint32_t begin);
  [[gnu::always_inline]] inline TokenKind identifier_kind() const;  ///< keyword or kName, for start_..pos_
  bool scan_operator(int c);
  bool invalid_character(int c);  ///< the error for a byte that starts no token
  bool open_bracket(char c);
  bool close_bracket(char c);
  bool continuation_line();

  // lexer_numbers.cpp
  bool scan_number(int c);
  static constexpr int kFailed = -2;
  int decimal_tail();
  bool verify_end_of_number(int c, const char* kind);
  bool lookahead(const char* rest);

  // lexer_strings.cpp
  bool scan_string(int quote);
  bool start_fstring(int quote);
  bool scan_fstring_middle(FStringMode& mode);
  bool unterminated_fstring(const FStringMode& mode, bool at_newline);

  // Reading, CPython style: next() consumes a byte (kEof at the end, without advancing) and
  // backup() returns it. Neither may cross a newline; newlines go through new_line().
  int peek() const { return pos_ < size_ ? static_cast<unsigned char>(data_[pos_]) : kEof; }
  int peek_at(std::uint32_t offset) const {
    return offset < size_ ? static_cast<unsigned char>(data_[offset]) : kEof;
  }
  int next() { return pos_ < size_ ? static_cast<unsigned char>(data_[pos_++]) : kEof; }
  void backup(int c) {
    if (c != kEof) --pos_;
  }
  void new_line(std::uint32_t next_line_begin) {
    ++line_;
    line_begin_ = next_line_begin;
  }
  std::uint32_t column_of(std::uint32_t offset) const { return offset - line_begin_; }
  bool in_fstring() const { return !modes_.empty(); }

  // Emitting. The token starts at (`line`, `column`) and ends at pos-like `end` on the
  // current line. flatten inlines vector::push_back, which GCC otherwise keeps out of line
  // (twice the tokenizer's speed on the standard library).
  [[gnu::flatten]] void emit(TokenKind kind, std::uint32_t begin, std::uint32_t line, std::uint32_t column,
                             std::uint32_t end) {
    out_.tokens.push_back(Token{kind, begin, end, line, column, line_, end - line_begin_});
  }
  void emit_here(TokenKind kind, std::uint32_t begin, std::uint32_t end) {
    emit(kind, begin, line_, column_of(begin), end);
  }
  [[gnu::flatten]] void emit_trivia(TokenKind kind, std::uint32_t begin, std::uint32_t end) {
    out_.trivia.push_back(Token{kind, begin, end, line_, begin - line_begin_, line_, end - line_begin_});
  }
  // Errors. fail() records the error and the kError token and returns false.
  bool fail(std::string message, std::uint32_t line, std::uint32_t column, std::uint32_t end_line,
            std::uint32_t end_column, std::uint32_t offset);
  // CPython's syntaxerror(tok, ...): points at the character just before the read position.
  bool fail_before_cursor(std::string message);
  // The line CPython's "detected at line N" names: the last line read so far.
  std::uint32_t detected_line() const;

  /// A copy of a text without final newline: the fast path's loops stop at its terminating zero
  /// (std::string guarantees one) without a bounds check per byte.
  std::string copy_;
  std::string_view text_;  ///< the text (in copy_ if that is used)
  const char* data_;
  std::uint32_t size_;
  std::uint32_t pos_ = 0;
  std::uint32_t start_ = 0;  ///< where the current token starts (CPython's tok->start)
  std::uint32_t line_ = 1;
  std::uint32_t line_begin_ = 0;
  bool at_line_start_ = true;
  bool blank_line_ = false;
  std::vector<std::uint32_t> indents_{0};
  std::vector<std::uint32_t> alt_indents_{0};
  std::vector<OpenBracket> brackets_;
  std::vector<FStringMode> modes_;
  TokenizedSource out_;
};

}  // namespace pypyready::python::detail
