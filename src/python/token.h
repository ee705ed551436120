#pragma once
// Tokens of Python 3.13 source, as the parser reads them. Positions use CPython's numbering so
// that syntax-tree positions can be copied from tokens unchanged.

#include <cstdint>
#include <string_view>

namespace pypyready::python {

enum class TokenKind : std::uint8_t {
  // Structure of logical lines.
  kEndMarker,
  kNewline,  ///< end of a logical line
  kIndent,
  kDedent,
  // Atoms. Soft keywords (match, case, type, _) are kName: the parser decides by context.
  kName,
  kNumber,
  kString,         ///< a complete string or bytes literal, prefix and quotes included
  kFStringStart,   ///< f" / rf''' ...: prefix and opening quote of an f-string
  kFStringMiddle,  ///< literal text between replacement fields (and in format specs)
  kFStringEnd,     ///< the closing quote of an f-string
  // Operators and delimiters, one kind each.
  kLeftParen,
  kRightParen,
  kLeftBracket,
  kRightBracket,
  kLeftBrace,
  kRightBrace,
  kColon,
  kComma,
  kSemicolon,
  kDot,
  kEllipsis,
  kRightArrow,
  kColonEqual,
  kExclamation,
  kPlus,
  kMinus,
  kStar,
  kSlash,
  kDoubleSlash,
  kPercent,
  kDoubleStar,
  kAt,
  kVerticalBar,
  kAmpersand,
  kCircumflex,
  kTilde,
  kLeftShift,
  kRightShift,
  kLess,
  kGreater,
  kEqual,
  kEqEqual,
  kNotEqual,
  kLessEqual,
  kGreaterEqual,
  kPlusEqual,
  kMinusEqual,
  kStarEqual,
  kSlashEqual,
  kDoubleSlashEqual,
  kPercentEqual,
  kDoubleStarEqual,
  kAtEqual,
  kVerticalBarEqual,
  kAmpersandEqual,
  kCircumflexEqual,
  kLeftShiftEqual,
  kRightShiftEqual,
  // Hard keywords.
  kFalse,
  kNone,
  kTrue,
  kAnd,
  kAs,
  kAssert,
  kAsync,
  kAwait,
  kBreak,
  kClass,
  kContinue,
  kDef,
  kDel,
  kElif,
  kElse,
  kExcept,
  kFinally,
  kFor,
  kFrom,
  kGlobal,
  kIf,
  kImport,
  kIn,
  kIs,
  kLambda,
  kNonlocal,
  kNot,
  kOr,
  kPass,
  kRaise,
  kReturn,
  kTry,
  kWhile,
  kWith,
  kYield,
  // Kept beside the parser's stream (TokenizedSource::trivia), never inside it.
  kComment,
  kNonLogicalNewline,  ///< a newline that ends no logical line (blank line, inside brackets)
  // The tokenizer stopped here; TokenizedSource::error says why. Always the last token.
  kError,
};

/// One token. Lines are 1-based; columns are 0-based UTF-8 byte offsets within the line, the
/// numbers CPython puts in col_offset/end_col_offset. begin/end index the decoded text.
struct Token {
  TokenKind kind;
  std::uint32_t begin;
  std::uint32_t end;
  std::uint32_t line;
  std::uint32_t column;
  std::uint32_t end_line;
  std::uint32_t end_column;

  std::string_view text(std::string_view source) const { return source.substr(begin, end - begin); }
};

/// The name CPython's token module uses for a kind (NAME, OP, LPAR, FSTRING_START, ...).
std::string_view token_kind_name(TokenKind kind);

}  // namespace pypyready::python
