#include "python/token.h"

namespace pypyready::python {

std::string_view token_kind_name(TokenKind kind) {
  switch (kind) {
    case TokenKind::kEndMarker: return "ENDMARKER";
    case TokenKind::kNewline: return "NEWLINE";
    case TokenKind::kIndent: return "INDENT";
    case TokenKind::kDedent: return "DEDENT";
    case TokenKind::kName: return "NAME";
    case TokenKind::kNumber: return "NUMBER";
    case TokenKind::kString: return "STRING";
    case TokenKind::kFStringStart: return "FSTRING_START";
    case TokenKind::kFStringMiddle: return "FSTRING_MIDDLE";
    case TokenKind::kFStringEnd: return "FSTRING_END";
    case TokenKind::kLeftParen: return "LPAR";
    case TokenKind::kRightParen: return "RPAR";
    case TokenKind::kLeftBracket: return "LSQB";
    case TokenKind::kRightBracket: return "RSQB";
    case TokenKind::kLeftBrace: return "LBRACE";
    case TokenKind::kRightBrace: return "RBRACE";
    case TokenKind::kColon: return "COLON";
    case TokenKind::kComma: return "COMMA";
    case TokenKind::kSemicolon: return "SEMI";
    case TokenKind::kDot: return "DOT";
    case TokenKind::kEllipsis: return "ELLIPSIS";
    case TokenKind::kRightArrow: return "RARROW";
    case TokenKind::kColonEqual: return "COLONEQUAL";
    case TokenKind::kExclamation: return "EXCLAMATION";
    case TokenKind::kPlus: return "PLUS";
    case TokenKind::kMinus: return "MINUS";
    case TokenKind::kStar: return "STAR";
    case TokenKind::kSlash: return "SLASH";
    case TokenKind::kDoubleSlash: return "DOUBLESLASH";
    case TokenKind::kPercent: return "PERCENT";
    case TokenKind::kDoubleStar: return "DOUBLESTAR";
    case TokenKind::kAt: return "AT";
    case TokenKind::kVerticalBar: return "VBAR";
    case TokenKind::kAmpersand: return "AMPER";
    case TokenKind::kCircumflex: return "CIRCUMFLEX";
    case TokenKind::kTilde: return "TILDE";
    case TokenKind::kLeftShift: return "LEFTSHIFT";
    case TokenKind::kRightShift: return "RIGHTSHIFT";
    case TokenKind::kLess: return "LESS";
    case TokenKind::kGreater: return "GREATER";
    case TokenKind::kEqual: return "EQUAL";
    case TokenKind::kEqEqual: return "EQEQUAL";
    case TokenKind::kNotEqual: return "NOTEQUAL";
    case TokenKind::kLessEqual: return "LESSEQUAL";
    case TokenKind::kGreaterEqual: return "GREATEREQUAL";
    case TokenKind::kPlusEqual: return "PLUSEQUAL";
    case TokenKind::kMinusEqual: return "MINEQUAL";
    case TokenKind::kStarEqual: return "STAREQUAL";
    case TokenKind::kSlashEqual: return "SLASHEQUAL";
    case TokenKind::kDoubleSlashEqual: return "DOUBLESLASHEQUAL";
    case TokenKind::kPercentEqual: return "PERCENTEQUAL";
    case TokenKind::kDoubleStarEqual: return "DOUBLESTAREQUAL";
    case TokenKind::kAtEqual: return "ATEQUAL";
    case TokenKind::kVerticalBarEqual: return "VBAREQUAL";
    case TokenKind::kAmpersandEqual: return "AMPEREQUAL";
    case TokenKind::kCircumflexEqual: return "CIRCUMFLEXEQUAL";
    case TokenKind::kLeftShiftEqual: return "LEFTSHIFTEQUAL";
    case TokenKind::kRightShiftEqual: return "RIGHTSHIFTEQUAL";
    case TokenKind::kComment: return "COMMENT";
    case TokenKind::kNonLogicalNewline: return "NL";
    case TokenKind::kError: return "ERRORTOKEN";
    default: return "NAME";  // hard keywords are NAME tokens in CPython's token module
  }
}

}  // namespace pypyready::python
