#pragma once
// The recursive-descent parser's state and rule functions, shared by the parser_*.cpp files.
// Not part of the public interface: use parser.h.

#include <cstdint>
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
  TokenKind kind() const { return failed_ ? TokenKind::kError : tokens_[pos_].kind; }
  TokenKind kind_at(std::size_t ahead) const;
  const Token& tok() const { return tokens_[pos_]; }
  const Token& tok_at(std::size_t ahead) const;
  bool at(TokenKind k) const { return kind() == k; }
  bool at_soft(std::string_view word) const;
  void advance();
  bool eat(TokenKind k);
  void expect(TokenKind k, std::string_view message);
  Start start() const { return Start{tokens_[pos_].line, tokens_[pos_].column}; }
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
  bool enter();  ///< recursion guard: false (and an error) when nested too deeply
  void leave() { --depth_; }

  // --- Building nodes ---
  Node* make(NodeKind kind, Start from);  ///< positions from `from` to the last token taken
  Node* make_at(NodeKind kind, std::uint32_t line, std::uint32_t col, std::uint32_t end_line,
                std::uint32_t end_col);
  void copy_end(Node* node, const Node* from);
  std::size_t scratch_mark() const { return scratch_.size(); }
  void push(Node* node) { scratch_.push_back(node); }
  NodeSpan take_list(std::size_t from);
  NodeSpan one(Node* node);
  Ident ident(const Token& name_token);
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
  Node* disjunction();
  Node* conjunction();
  Node* inversion();
  Node* comparison();
  Node* bitwise_or();
  Node* binary(int min_precedence);
  Node* factor();
  Node* power();
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
  const std::vector<Token>& tokens_;
  const std::optional<SyntaxError>& token_error_;
  std::vector<Node*> scratch_;
  std::size_t pos_ = 0;
  std::uint32_t prev_line_ = 1;
  std::uint32_t prev_column_ = 0;
  bool failed_ = false;

 public:
  bool match_committed_ = false;  ///< a match statement got past `:` NEWLINE INDENT

 private:
  int depth_ = 0;
  std::optional<SyntaxError> error_;
};

/// Whether a token can begin an expression (used to tell a trailing comma from a separator).
bool starts_expression(TokenKind kind);

/// Field slot indexes used by more than one file.
inline constexpr int kCtxOfName = 1;       // Name(id, ctx), Starred(value, ctx), List/Tuple(elts, ctx)
inline constexpr int kCtxOfAttribute = 2;  // Attribute(value, attr, ctx), Subscript(value, slice, ctx)

}  // namespace pypyready::python::detail
