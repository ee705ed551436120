#pragma once
// The recursive-descent parser's state and rule functions, shared by the parser_*.cpp files.
// Not part of the public interface: use parser.h.

#include <bit>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "python/arena.h"
#include "python/ast.h"
#include "python/syntax_error.h"
#include "python/token.h"

namespace pypyready::python::detail {

/// Where a node starts (the first token of its rule).
struct Start {
  std::uint32_t line;
  std::uint32_t column;
};

/// An operand expression() has already parsed as a primary, handed down the precedence levels
/// (disjunction .. power) so that they continue after it instead of parsing it again.
struct Leftmost {
  Node* node;
  Start from;
};

/// Everything needed to rewind a speculative parse.
struct Mark {
  std::size_t pos;
  std::size_t scratch;
  std::uint32_t prev_line;
  std::uint32_t prev_column;
};

/// Parses one token stream into a Module. After the first error every token reads as kError,
/// so that all rules wind down quickly; speculative parses rewind and clear that state.
class Parser {
 public:
  Parser(std::string_view text, const std::vector<Token>& tokens,
         const std::optional<SyntaxError>& token_error, Arena& arena);

  Node* parse_module();
  const std::optional<SyntaxError>& error() const { return error_; }

  // --- Token access (parser.cpp) ---
  // The current kind is kept in kind_ (kError once failed): rules ask for it several times per
  // token, and one load is cheaper than testing failed_ and indexing the token vector.
  TokenKind kind() const { return kind_; }
  TokenKind kind_at(std::size_t ahead) const {
    if (failed_) return TokenKind::kError;
    // The usual one-token lookahead, inline: the stream ends with kEndMarker or kError, so the
    // next token exists unless the current one is that last one.
    TokenKind current = kind_;
    if (ahead == 1 && current != TokenKind::kEndMarker && current != TokenKind::kError)
      return current_[1].kind;
    return tok_at(ahead).kind;
  }
  const Token& tok() const { return *current_; }
  const Token& tok_at(std::size_t ahead) const;
  bool at(TokenKind k) const { return kind() == k; }
  bool at_soft(std::string_view word) const;
  // Inline: every token passes through here. Nodes end at their last real token, so layout
  // tokens (NEWLINE, INDENT, DEDENT) never move the end position; the end marker and the
  // error token are never consumed.
  void advance() {
    // kind_ is kError once failed, so this test also covers failed_.
    const TokenKind current = kind_;
    // kEndMarker, kNewline, kIndent, kDedent are the first four kinds: one compare sorts them out.
    static_assert(static_cast<int>(TokenKind::kEndMarker) == 0 &&
                  static_cast<int>(TokenKind::kNewline) == 1 && static_cast<int>(TokenKind::kIndent) == 2 &&
                  static_cast<int>(TokenKind::kDedent) == 3);
    if (current > TokenKind::kDedent) {
      if (current == TokenKind::kError) return;
      prev_line_ = current_->end_line;
      prev_column_ = current_->end_column;
    } else if (current == TokenKind::kEndMarker) {
      return;
    }
    ++current_;
    kind_ = current_->kind;
  }
  // Inline, as advance(): called for most tokens.
  bool eat(TokenKind k) {
    if (kind_ != k) return false;
    advance();
    return true;
  }
  void expect(TokenKind k, std::string_view message) {
    if (!eat(k)) fail(message);
  }
  Start start() const { return Start{current_->line, current_->column}; }
  std::string_view text_of(const Token& token) const { return token.text(text_); }
  std::string_view source_text() const { return text_; }

  // --- Errors and speculation ---
  void fail(std::string_view message);
  void fail_at(std::string_view message, std::uint32_t line, std::uint32_t column, std::uint32_t end_line,
               std::uint32_t end_column);
  void fail_node(std::string_view message, const Node* node);
  bool failed() const { return failed_; }
  Mark mark() const;
  void rewind(const Mark& m);
  /// Recursion guard: false (and an error) when nested too deeply. Inline: entered once per
  /// expression and statement.
  bool enter() {
    if (++depth_ > kMaxDepth) return too_deep();
    return true;
  }
  void leave() { --depth_; }

  // --- Building nodes ---
  /// Positions from `from` to the last token taken. Inline, as make_at: one call per node.
  Node* make(NodeKind kind, Start from) {
    return make_at(kind, from.line, from.column, prev_line_, prev_column_);
  }
  // Inline, as advance(): one call per node built.
  Node* make_at(NodeKind kind, std::uint32_t line, std::uint32_t col, std::uint32_t end_line,
                std::uint32_t end_col) {
    std::size_t count = kFieldCounts[static_cast<std::size_t>(kind)];
    auto* node = static_cast<Node*>(arena_.allocate(sizeof(Node) + sizeof(Slot) * count, alignof(Node)));
    *node = Node{kind, line, col, end_line, end_col, 0};
    Slot* slots = node->slots();
    for (std::size_t i = 0; i < count; ++i)
      slots[i].list = NodeSpan{nullptr, 0};  // the widest member: zeroes the whole slot
    return node;
  }
  void copy_end(Node* node, const Node* from);
  std::size_t scratch_mark() const { return scratch_.size(); }
  void push(Node* node) { scratch_.push_back(node); }
  NodeSpan take_list(std::size_t from);
  NodeSpan one(Node* node);
  Ident ident(const Token& name_token) {
    // Most names are ASCII and at most 8 bytes: one masked 8-byte load tells, when the source
    // has 8 bytes from the name's start. (Little-endian: the name's first byte is the low one.)
    std::uint32_t size = name_token.end - name_token.begin;
    if constexpr (std::endian::native == std::endian::little) {
      if (size <= 8 && name_token.begin + 8 <= text_.size()) {
        std::uint64_t word;
        std::memcpy(&word, text_.data() + name_token.begin, 8);
        std::uint64_t mask = size == 8 ? ~std::uint64_t{0} : (std::uint64_t{1} << (8 * size)) - 1;
        if ((word & mask & 0x8080808080808080ULL) == 0) return Ident{text_.data() + name_token.begin, size};
      }
    }
    return ident_text(text_of(name_token));
  }
  Ident ident_text(std::string_view text);
  Node* name_node(const Token& token, NodeKind ctx);
  Node* placeholder();

  // --- Statements (parser_statements.cpp, parser_compound.cpp) ---
  NodeSpan statements_until_dedent();
  NodeSpan block(std::string_view what, std::uint32_t line);  ///< `what`: "'if' statement" ...
  NodeSpan else_block();
  void statement(std::size_t list_mark);
  void simple_statements(std::size_t list_mark);
  Node* simple_statement();
  Node* expression_statement();
  Node* import_statement();
  Node* from_import_statement();
  Node* dotted_name_alias(bool from_import);
  Node* compound_statement();
  Node* function_def(Start from, NodeSpan decorators, bool is_async);
  Node* class_def(Start from, NodeSpan decorators);
  Node* if_statement(bool elif);
  Node* for_statement(Start from, bool is_async);
  Node* while_statement();
  Node* with_statement(Start from, bool is_async);
  Node* try_statement();
  Node* type_alias_statement();
  NodeSpan type_params();
  bool parenthesized_with_items(std::size_t list_mark);
  Node* with_item();

  // --- Arguments (parser_arguments.cpp) ---
  Node* parameters(TokenKind closer, bool lambda);
  Node* call(Node* func, Start from);

  // --- Expressions (parser_expressions.cpp, parser_atoms.cpp) ---
  Node* star_expressions();
  Node* star_expression();
  Node* star_named_expression();
  Node* named_expression();
  Node* expression();
  Node* lambda_expression();
  // The precedence levels. `first`, when given, is the level's leftmost operand, already parsed.
  Node* disjunction(const Leftmost* first = nullptr);
  Node* conjunction(const Leftmost* first = nullptr);
  Node* inversion(const Leftmost* first = nullptr);
  Node* comparison(const Leftmost* first = nullptr);
  Node* bitwise_or();
  Node* binary(int min_precedence, const Leftmost* first = nullptr);
  Node* factor(const Leftmost* first = nullptr);
  Node* power(const Leftmost* first = nullptr);
  Node* primary();
  Node* atom();
  /// Takes `closer`, or fails as CPython does for `(a b)`: the comma hint at `last`.
  void close_or_comma(TokenKind closer, const Node* last);
  Node* paren_atom();
  Node* list_atom();
  Node* brace_atom();
  Node* slices();
  Node* slice();
  Node* yield_expression();
  Node* number();
  Node* strings();
  void comprehension_clauses(std::size_t list_mark);
  Node* star_targets();
  Node* target_list_element();

  // --- f-strings (parser_fstrings.cpp) ---
  Node* fstring_field(std::string& debug_text, Start& debug_from, Start& debug_end);
  Node* fstring_format_spec();

  // --- Targets (parser_targets.cpp) ---
  /// `suggest_equality`: CPython's "here. Maybe you meant '==' instead of '='?" suffix, which it
  /// adds for `=` assignment and for-loop targets.
  bool set_context(Node* target, NodeKind ctx, bool suggest_equality = false);
  std::string_view describe(const Node* node) const;

  // --- Patterns (parser_patterns.cpp) ---
  Node* match_statement();
  Node* case_block();
  Node* patterns();
  Node* pattern();
  Node* or_pattern();
  Node* closed_pattern();
  Node* value_pattern_expression();
  Node* signed_number();

  Arena& arena_;

 private:
  std::string_view text_;
  const Token* tokens_;  ///< the stream, which ends with its only kEndMarker or kError token
  std::size_t token_count_;
  const std::optional<SyntaxError>& token_error_;
  std::vector<Node*> scratch_;
  // A second stack like scratch_, for call() keywords, which interleave with its arguments.
  std::vector<Node*> keyword_scratch_;
  const Token* current_;                ///< the token at the read position
  TokenKind kind_ = TokenKind::kError;  ///< current_->kind, or kError once failed_
  std::uint32_t prev_line_ = 1;
  std::uint32_t prev_column_ = 0;
  bool failed_ = false;

 public:
  bool match_committed_ = false;  ///< a match statement got past `:` NEWLINE INDENT

 private:
  // Beyond this many nested rule entries the parse stops with CPython's "too complex" message,
  // keeping the native stack bounded whatever the input.
  static constexpr int kMaxDepth = 1500;
  bool too_deep();  ///< enter()'s failure: the error, and false
  int depth_ = 0;
  std::optional<SyntaxError> error_;
};

/// Whether a token can begin an expression (used to tell a trailing comma from a separator).
bool starts_expression(TokenKind kind);

/// Field slot indexes used by more than one file.
inline constexpr int kCtxOfName = 1;       // Name(id, ctx), Starred(value, ctx), List/Tuple(elts, ctx)
inline constexpr int kCtxOfAttribute = 2;  // Attribute(value, attr, ctx), Subscript(value, slice, ctx)

}  // namespace pypyready::python::detail
