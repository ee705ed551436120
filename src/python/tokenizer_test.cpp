#include "python/tokenizer.h"

#include <gtest/gtest.h>

#include <cctype>
#include <string>
#include <vector>

#include "python/byte_scan.h"
#include "python/keyword.h"

namespace pypyready::python {
namespace {

using std::string_view_literals::operator""sv;

// "KIND 'text' L:C-L:C" for each parser token, kError excluded.
std::vector<std::string> describe(std::string_view source) {
  TokenizedSource result = tokenize(source);
  std::vector<std::string> out;
  for (const Token& token : result.tokens) {
    if (token.kind == TokenKind::kError) break;
    out.push_back(std::string(token_kind_name(token.kind)) + " '" + std::string(token.text(source)) + "' " +
                  std::to_string(token.line) + ":" + std::to_string(token.column) + "-" +
                  std::to_string(token.end_line) + ":" + std::to_string(token.end_column));
  }
  return out;
}

// The kinds only, space separated; keywords (NAME in CPython's names) as their upper-cased text.
std::string kinds(std::string_view source) {
  TokenizedSource result = tokenize(source);
  std::string out;
  for (const Token& token : result.tokens) {
    if (!out.empty()) out += ' ';
    if (token.kind >= TokenKind::kFalse && token.kind <= TokenKind::kYield) {
      for (char c : token.text(source))
        out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    } else {
      out += token_kind_name(token.kind);
    }
  }
  return out;
}

// "LINE:COL: MESSAGE" of the lexical error (0-based byte column), or "OK".
std::string error_of(std::string_view source) {
  TokenizedSource result = tokenize(source);
  if (!result.error) {
    EXPECT_EQ(result.tokens.back().kind, TokenKind::kEndMarker);
    return "OK";
  }
  EXPECT_EQ(result.tokens.back().kind, TokenKind::kError);
  EXPECT_EQ(result.tokens.back().line, result.error->line);
  return std::to_string(result.error->line) + ":" + std::to_string(result.error->column) + ": " +
         result.error->message;
}

// The word-at-a-time scans the lexer uses must stop at exactly the byte its byte loops would:
// every byte value in every lane.
TEST(ByteScan, LanesEqualFindsTheFirstMatch) {
  if constexpr (!detail::kWordScan) GTEST_SKIP() << "big-endian: the byte loops are used";
  for (int value = 0; value < 256; ++value) {
    const auto byte = static_cast<unsigned char>(value);
    for (unsigned lane = 0; lane < 8; ++lane) {
      std::string text(8, 'z');
      text[lane] = static_cast<char>(byte);
      const std::uint64_t quotes = detail::lanes_equal(detail::load_word(text.data()), '"');
      EXPECT_EQ(quotes != 0, byte == '"') << value;
      if (byte == '"') {
        EXPECT_EQ(detail::first_lane(quotes), lane);
      }
    }
  }
  // A borrow may flag a lane above a true match but never hides the first one.
  const std::string text = std::string("a\"\x01\"bcde", 8);
  EXPECT_EQ(detail::first_lane(detail::lanes_equal(detail::load_word(text.data()), '"')), 1u);
}

// The perfect-hash keyword lookup against a plain search of the keyword list: every keyword,
// and every one-byte change, truncation, extension and case change of one, and a zero byte.
TEST(Keyword, PackedLookupAgreesWithTheKeywordList) {
  auto listed = [](std::string_view text) {
    for (const detail::KeywordEntry& entry : detail::kKeywords) {
      if (entry.text == text) return entry.kind;
    }
    return TokenKind::kName;
  };
  std::vector<std::string> probes;
  for (const detail::KeywordEntry& entry : detail::kKeywords) {
    std::string text(entry.text);
    probes.push_back(text);
    probes.push_back(text.substr(0, text.size() - 1));
    probes.push_back(text.substr(1));
    for (char extra : {'a', 's', '_', '1'})
      probes.push_back(text + extra);
    for (std::size_t i = 0; i < text.size(); ++i) {
      for (int c = 'A'; c <= 'z'; ++c) {
        std::string changed = text;
        changed[i] = static_cast<char>(c);
        probes.push_back(changed);
      }
    }
  }
  for (const std::string& probe : probes) {
    EXPECT_EQ(keyword_kind(probe), listed(probe)) << probe;
    if (probe.size() >= 2 && probe.size() <= 8) {
      EXPECT_EQ(keyword_kind_packed(detail::pack_word(probe)), listed(probe)) << probe;
    }
  }
  EXPECT_EQ(keyword_kind("if\0"sv), TokenKind::kName);
  EXPECT_EQ(keyword_kind("match"), TokenKind::kName);
}

// Names take a fast path unless a quote or a non-ASCII byte follows them; the split between
// name and string, and names that continue past ASCII, must not depend on the path.
TEST(Tokenizer, NamesBeforeQuotesAndNonAsciiBytes) {
  EXPECT_EQ(
      describe("bx'a' ab'' if'x' rb'' x \xc3\xa9"
               "1 a\xc3\xa9\n"),
      (std::vector<std::string>{
          "NAME 'bx' 1:0-1:2", "STRING ''a'' 1:2-1:5", "NAME 'ab' 1:6-1:8", "STRING '''' 1:8-1:10",
          "NAME 'if' 1:11-1:13", "STRING ''x'' 1:13-1:16", "STRING 'rb''' 1:17-1:21", "NAME 'x' 1:22-1:23",
          "NAME '\xc3\xa9"
          "1' 1:24-1:27",
          "NAME 'a\xc3\xa9' 1:28-1:31", "NEWLINE '\n' 1:31-1:32", "ENDMARKER '' 2:0-2:0"}));
  EXPECT_EQ(kinds("if'x' else\n"), "IF STRING ELSE NEWLINE ENDMARKER");
}

TEST(Tokenizer, SimpleStatementWithPositions) {
  EXPECT_EQ(describe("import os\n"),
            (std::vector<std::string>{"NAME 'import' 1:0-1:6", "NAME 'os' 1:7-1:9", "NEWLINE '\n' 1:9-1:10",
                                      "ENDMARKER '' 2:0-2:0"}));
}

TEST(Tokenizer, HardKeywordsHaveKindsSoftKeywordsAreNames) {
  TokenizedSource result = tokenize("if match: pass\n");
  EXPECT_EQ(result.tokens[0].kind, TokenKind::kIf);
  EXPECT_EQ(result.tokens[1].kind, TokenKind::kName);
  EXPECT_EQ(result.tokens[3].kind, TokenKind::kPass);
  EXPECT_EQ(tokenize("async await None True False type _ case\n").tokens[7].kind, TokenKind::kName);
  EXPECT_EQ(tokenize("nonlocal\n").tokens[0].kind, TokenKind::kNonlocal);
}

TEST(Tokenizer, FinalLineWithoutNewlineStillEndsTheStatement) {
  EXPECT_EQ(describe("x"),
            (std::vector<std::string>{"NAME 'x' 1:0-1:1", "NEWLINE '' 1:1-1:2", "ENDMARKER '' 2:0-2:0"}));
  EXPECT_EQ(kinds(""), "ENDMARKER");
  EXPECT_EQ(kinds("# only a comment"), "ENDMARKER");
}

TEST(Tokenizer, IndentAndDedentIncludingAtEndOfFile) {
  EXPECT_EQ(describe("if x:\n  y\n"),
            (std::vector<std::string>{"NAME 'if' 1:0-1:2", "NAME 'x' 1:3-1:4", "COLON ':' 1:4-1:5",
                                      "NEWLINE '\n' 1:5-1:6", "INDENT '  ' 2:0-2:2", "NAME 'y' 2:2-2:3",
                                      "NEWLINE '\n' 2:3-2:4", "DEDENT '' 3:0-3:0", "ENDMARKER '' 3:0-3:0"}));
  EXPECT_EQ(
      kinds("if a:\n if b:\n  c\nd\n"),
      "IF NAME COLON NEWLINE INDENT IF NAME COLON NEWLINE INDENT NAME NEWLINE DEDENT DEDENT NAME NEWLINE "
      "ENDMARKER");
}

TEST(Tokenizer, BlankAndCommentLinesDoNotAffectIndentation) {
  TokenizedSource result = tokenize("if x:\n  y\n\n# c\n      # deeper\n  z\n");
  EXPECT_FALSE(result.error);
  EXPECT_EQ(kinds("if x:\n  y\n\n# c\n      # deeper\n  z\n"),
            "IF NAME COLON NEWLINE INDENT NAME NEWLINE NAME NEWLINE DEDENT ENDMARKER");
  ASSERT_EQ(result.trivia.size(), 5u);
  EXPECT_EQ(result.trivia[0].kind, TokenKind::kNonLogicalNewline);
  EXPECT_EQ(result.trivia[1].kind, TokenKind::kComment);
  EXPECT_EQ(result.trivia[1].line, 4u);
}

TEST(Tokenizer, TabsAdvanceToMultiplesOfEightAndFormFeedResets) {
  EXPECT_EQ(error_of("if x:\n\ty\n        z\n"), "3:0: inconsistent use of tabs and spaces in indentation");
  EXPECT_EQ(error_of("if x:\n        y\n\tz\n"), "3:0: inconsistent use of tabs and spaces in indentation");
  EXPECT_EQ(error_of("if x:\n\ty\n\tz\n"), "OK");
  EXPECT_EQ(error_of("x = 1\n \fy = 2\n"), "OK");
  EXPECT_EQ(kinds("\f\tx\n"), "INDENT NAME NEWLINE DEDENT ENDMARKER");
}

TEST(Tokenizer, DedentMustMatchAnOuterLevel) {
  EXPECT_EQ(error_of("if x:\n        a\n    b\n"),
            "3:5: unindent does not match any outer indentation level");
  EXPECT_EQ(error_of("if 1:\n  x\n y\n"), "3:2: unindent does not match any outer indentation level");
}

TEST(Tokenizer, UnexpectedIndentIsLeftToTheParser) {
  EXPECT_EQ(kinds("\t\t\tx\n"), "INDENT NAME NEWLINE DEDENT ENDMARKER");
}

TEST(Tokenizer, IndentationLimitIsOneHundredLevels) {
  std::string source = "if 1:\n";
  for (int i = 1; i <= 100; ++i)
    source += std::string(static_cast<std::size_t>(i), ' ') + "if 1:\n";
  source += std::string(101, ' ') + "x\n";
  EXPECT_EQ(error_of(source), "101:0: too many levels of indentation");
}

TEST(Tokenizer, NewlinesInsideBracketsAreTrivia) {
  EXPECT_EQ(
      kinds("x = (1,\n   2)\nif x:\n  y = [\n3]\n"),
      "NAME EQUAL LPAR NUMBER COMMA NUMBER RPAR NEWLINE IF NAME COLON NEWLINE INDENT NAME EQUAL LSQB NUMBER "
      "RSQB NEWLINE DEDENT ENDMARKER");
}

TEST(Tokenizer, BackslashJoinsLines) {
  EXPECT_EQ(kinds("x = 1 + \\\n  2\n"), "NAME EQUAL NUMBER PLUS NUMBER NEWLINE ENDMARKER");
  EXPECT_EQ(error_of("x = 1 \\ 2\n"), "1:7: unexpected character after line continuation character");
  EXPECT_EQ(error_of("y = 1\nx = 1 \\ 2\n"), "2:7: unexpected character after line continuation character");
  EXPECT_EQ(error_of("x = \\\n"), "1:5: unexpected EOF while parsing");
  EXPECT_EQ(error_of("\\"), "1:1: unexpected EOF while parsing");
  // The first backslash of a line fixes its indentation.
  EXPECT_EQ(kinds("if x:\n x\n  \\\ny\n"),
            "IF NAME COLON NEWLINE INDENT NAME NEWLINE INDENT NAME NEWLINE DEDENT "
            "DEDENT ENDMARKER");
}

TEST(Tokenizer, BracketErrors) {
  EXPECT_EQ(error_of("x = )\n"), "1:4: unmatched ')'");
  EXPECT_EQ(error_of("x = (]\n"), "1:5: closing parenthesis ']' does not match opening parenthesis '('");
  EXPECT_EQ(error_of("x = (\n]\n"),
            "2:0: closing parenthesis ']' does not match opening parenthesis '(' on line 1");
  EXPECT_EQ(error_of("x = (1,\n2\n"), "1:4: '(' was never closed");
  EXPECT_EQ(error_of("x = [1,\n(2,\n"), "2:0: '(' was never closed");
  EXPECT_EQ(error_of(std::string(201, '(')), "1:200: too many nested parentheses");
  EXPECT_EQ(error_of(std::string(200, '(') + std::string(200, ')')), "OK");
}

TEST(Tokenizer, AllOperators) {
  EXPECT_EQ(
      kinds("( ) [ ] { } : , ; . ... -> := ! + - * / // % ** @ | & ^ ~ << >> < > = == != <= >= += -= *= /= "
            "//= %= **= @= |= &= ^= <<= >>="),
      "LPAR RPAR LSQB RSQB LBRACE RBRACE COLON COMMA SEMI DOT ELLIPSIS RARROW COLONEQUAL EXCLAMATION PLUS "
      "MINUS STAR SLASH DOUBLESLASH PERCENT DOUBLESTAR AT VBAR AMPER CIRCUMFLEX TILDE LEFTSHIFT RIGHTSHIFT "
      "LESS GREATER EQUAL EQEQUAL NOTEQUAL LESSEQUAL GREATEREQUAL PLUSEQUAL MINEQUAL STAREQUAL SLASHEQUAL "
      "DOUBLESLASHEQUAL PERCENTEQUAL DOUBLESTAREQUAL ATEQUAL VBAREQUAL AMPEREQUAL CIRCUMFLEXEQUAL "
      "LEFTSHIFTEQUAL RIGHTSHIFTEQUAL NEWLINE ENDMARKER");
  EXPECT_EQ(kinds("a..b"), "NAME DOT DOT NAME NEWLINE ENDMARKER");
}

TEST(Tokenizer, InvalidCharacters) {
  EXPECT_EQ(error_of("x = $\n"), "1:4: invalid syntax");
  EXPECT_EQ(error_of("x\x01 = 1\n"), "1:1: invalid non-printable character U+0001");
  EXPECT_EQ(error_of("x = \xe2\x82\xac\n"), "1:4: invalid character '\xe2\x82\xac' (U+20AC)");
  EXPECT_EQ(error_of("x = a\xe2\x82\xac\n"), "1:5: invalid character '\xe2\x82\xac' (U+20AC)");
  EXPECT_EQ(error_of("x = \xc2\xa0\n"), "1:4: invalid non-printable character U+00A0");
  EXPECT_EQ(error_of("x = 1\0\n"sv), "1:5: source code cannot contain null bytes");
}

TEST(Tokenizer, NonAsciiIdentifiers) {
  EXPECT_EQ(describe("\xc3\xa9t\xc3\xa9 = 1\n")[0], "NAME '\xc3\xa9t\xc3\xa9' 1:0-1:5");
  EXPECT_EQ(error_of("\xe2\x84\x98 = 1\nx\xe2\x80\xbf = 1\n\xef\xbd\x81 = 1\n"), "OK");
}

TEST(Tokenizer, NumberForms) {
  EXPECT_EQ(
      kinds("0 00 0_0 1_000 0x_1F 0o17 0b1_0 1.5 .5 1. 1e5 1E-5 1.5e+3_0 3j 1.5J 09.5 09j 0e0 1_0.0_1"),
      "NUMBER NUMBER NUMBER NUMBER NUMBER NUMBER NUMBER NUMBER NUMBER NUMBER NUMBER NUMBER NUMBER NUMBER "
      "NUMBER NUMBER NUMBER NUMBER NUMBER NEWLINE ENDMARKER");
  EXPECT_EQ(describe("x = 1.2.3\n")[2], "NUMBER '1.2' 1:4-1:7");
}

TEST(Tokenizer, NumberFollowedByKeyword) {
  EXPECT_EQ(kinds("1if x else y"), "NUMBER IF NAME ELSE NAME NEWLINE ENDMARKER");
  EXPECT_EQ(kinds("0 if 1else 2"), "NUMBER IF NUMBER ELSE NUMBER NEWLINE ENDMARKER");
  EXPECT_EQ(kinds("1jif 1 else 2"), "NUMBER IF NUMBER ELSE NUMBER NEWLINE ENDMARKER");
  EXPECT_EQ(describe("0x1for")[0], "NUMBER '0x1f' 1:0-1:4");
  EXPECT_EQ(kinds("1or 2 1and 2 1not in x 1is 2 1in x"),
            "NUMBER OR NUMBER NUMBER AND NUMBER NUMBER NOT IN NAME NUMBER IS NUMBER NUMBER IN NAME NEWLINE "
            "ENDMARKER");
}

TEST(Tokenizer, NumberErrors) {
  EXPECT_EQ(error_of("x = 0777\n"),
            "1:4: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal "
            "integers");
  EXPECT_EQ(tokenize("x = 0777\n").error->end_column, 5u);
  EXPECT_EQ(error_of("x = 1_\n"), "1:5: invalid decimal literal");
  EXPECT_EQ(error_of("x = 1__0\n"), "1:5: invalid decimal literal");
  EXPECT_EQ(error_of("x = 0_\n"), "1:5: invalid decimal literal");
  EXPECT_EQ(error_of("x = 1abc\n"), "1:4: invalid decimal literal");
  EXPECT_EQ(error_of("x = 1e\n"), "1:4: invalid decimal literal");
  EXPECT_EQ(error_of("x = 1e+\n"), "1:6: invalid decimal literal");
  EXPECT_EQ(error_of("x = 1.5_\n"), "1:7: invalid decimal literal");
  EXPECT_EQ(error_of("x=1.__class__\n"), "1:3: invalid decimal literal");
  EXPECT_EQ(error_of("x = 0x\n"), "1:5: invalid hexadecimal literal");
  EXPECT_EQ(error_of("x = 0x1_\n"), "1:7: invalid hexadecimal literal");
  EXPECT_EQ(error_of("x = 0o\n"), "1:5: invalid octal literal");
  EXPECT_EQ(error_of("x = 0o8\n"), "1:6: invalid digit '8' in octal literal");
  EXPECT_EQ(error_of("x = 0b\n"), "1:5: invalid binary literal");
  EXPECT_EQ(error_of("x = 0b12\n"), "1:7: invalid digit '2' in binary literal");
  EXPECT_EQ(error_of("x = 1jx\n"), "1:5: invalid imaginary literal");
}

TEST(Tokenizer, StringPrefixesAndQuotes) {
  EXPECT_EQ(
      kinds("'a' \"b\" r'c' R'd' u'e' U'f' b'g' B'h' br'i' Rb'j' rB'k' BR'l' '''m''' \"\"\"n\"\"\" ''"),
      "STRING STRING STRING STRING STRING STRING STRING STRING STRING STRING STRING STRING STRING STRING "
      "STRING NEWLINE ENDMARKER");
  // ur is not a prefix: a name followed by a string.
  EXPECT_EQ(kinds("ur'x'"), "NAME STRING NEWLINE ENDMARKER");
  EXPECT_EQ(describe("x = '''a\nb''' + 'c\\\nd'\n")[2], "STRING ''''a\nb'''' 1:4-2:4");
  EXPECT_EQ(describe("x = '''a\nb''' + 'c\\\nd'\n")[4], "STRING ''c\\\nd'' 2:7-3:2");
  EXPECT_EQ(describe("'a\\'b'")[0], "STRING ''a\\'b'' 1:0-1:6");
}

TEST(Tokenizer, UnterminatedStrings) {
  EXPECT_EQ(error_of("x = 'abc\n"), "1:4: unterminated string literal (detected at line 1)");
  EXPECT_EQ(error_of("x = b'abc"), "1:4: unterminated string literal (detected at line 1)");
  EXPECT_EQ(error_of("x = '''abc\n\ny\n"),
            "1:4: unterminated triple-quoted string literal (detected at line 3)");
  EXPECT_EQ(error_of("x = 1\n  \"\"\"abc"),
            "2:2: unterminated triple-quoted string literal (detected at line 2)");
  EXPECT_EQ(error_of("\"abc\\\n"), "1:0: unterminated string literal (detected at line 1)");
}

TEST(Tokenizer, FStringTokens) {
  EXPECT_EQ(
      kinds("f'a{x!r:>{w}.3} {y=}'"),
      "FSTRING_START FSTRING_MIDDLE LBRACE NAME EXCLAMATION NAME COLON FSTRING_MIDDLE LBRACE NAME RBRACE "
      "FSTRING_MIDDLE RBRACE FSTRING_MIDDLE LBRACE NAME EQUAL RBRACE FSTRING_END NEWLINE ENDMARKER");
  EXPECT_EQ(describe("f\"a{{b}}c\""),
            (std::vector<std::string>{"FSTRING_START 'f\"' 1:0-1:2", "FSTRING_MIDDLE 'a{' 1:2-1:4",
                                      "FSTRING_MIDDLE 'b}' 1:5-1:7", "FSTRING_MIDDLE 'c' 1:8-1:9",
                                      "FSTRING_END '\"' 1:9-1:10", "NEWLINE '' 1:10-1:11",
                                      "ENDMARKER '' 2:0-2:0"}));
  // An empty format spec gives an empty middle token, as in CPython.
  EXPECT_EQ(describe("f'{x:}'")[4], "FSTRING_MIDDLE '' 1:5-1:5");
}

TEST(Tokenizer, FStringColonOnlyAtTheFieldsOwnDepth) {
  EXPECT_EQ(kinds("f'{a[1:2]}'"),
            "FSTRING_START LBRACE NAME LSQB NUMBER COLON NUMBER RSQB RBRACE FSTRING_END NEWLINE ENDMARKER");
  EXPECT_EQ(
      kinds("f'{(lambda x: x)(1)}'"),
      "FSTRING_START LBRACE LPAR LAMBDA NAME COLON NAME RPAR LPAR NUMBER RPAR RBRACE FSTRING_END NEWLINE "
      "ENDMARKER");
  EXPECT_EQ(
      kinds("f'{x:{w}.{p}}'"),
      "FSTRING_START LBRACE NAME COLON LBRACE NAME RBRACE FSTRING_MIDDLE LBRACE NAME RBRACE FSTRING_MIDDLE "
      "RBRACE FSTRING_END NEWLINE ENDMARKER");
  EXPECT_EQ(kinds("f'{x!=y}'"),
            "FSTRING_START LBRACE NAME NOTEQUAL NAME RBRACE FSTRING_END NEWLINE ENDMARKER");
}

TEST(Tokenizer, FStringQuoteReuseNestingAndMultiLineFields) {
  EXPECT_EQ(kinds("f\"{\"a\"}\""), "FSTRING_START LBRACE STRING RBRACE FSTRING_END NEWLINE ENDMARKER");
  EXPECT_EQ(kinds("f'{f'{x}'}'"),
            "FSTRING_START LBRACE FSTRING_START LBRACE NAME RBRACE FSTRING_END RBRACE FSTRING_END NEWLINE "
            "ENDMARKER");
  EXPECT_EQ(error_of("f'''{x # comment\n}'''\n"), "OK");
  EXPECT_EQ(error_of("f\"{1 +\n2}\"\n"), "OK");
  EXPECT_EQ(describe("rf'\\{x}'")[1], "FSTRING_MIDDLE '\\' 1:3-1:4");
  EXPECT_EQ(describe("f'\\N{BULLET} {a}'")[1], "FSTRING_MIDDLE '\\N{BULLET}' 1:2-1:12");
}

TEST(Tokenizer, FStringErrors) {
  EXPECT_EQ(error_of("f\"abc"), "1:0: unterminated f-string literal (detected at line 1)");
  EXPECT_EQ(error_of("f\"\"\"abc\n\n"),
            "1:0: unterminated triple-quoted f-string literal (detected at line 2)");
  EXPECT_EQ(error_of("f\"{x"), "1:2: '{' was never closed");
  EXPECT_EQ(error_of("f\"{x # c}\"\n"), "1:2: '{' was never closed");
  EXPECT_EQ(error_of("f\"}\"\n"), "1:2: f-string: single '}' is not allowed");
  EXPECT_EQ(error_of("f\"{)}\"\n"), "1:3: f-string: unmatched ')'");
  EXPECT_EQ(error_of("f\"{x:{y:{z:{w}}}}\"\n"), "1:10: f-string: expressions nested too deeply");
  EXPECT_EQ(error_of("f'{'a\n"), "1:3: f-string: expecting '}'");
  EXPECT_EQ(error_of("f\"{'a\n"), "1:3: unterminated string literal (detected at line 1)");
  EXPECT_EQ(error_of("f'{'''a\n"), "1:3: unterminated triple-quoted string literal (detected at line 1)");
  EXPECT_EQ(error_of("f'{x'"), "1:4: f-string: expecting '}'");
}

TEST(Tokenizer, FStringNestingLimit) {
  std::string deep;
  for (int i = 0; i < 160; ++i)
    deep += "f'{";
  TokenizedSource result = tokenize(deep);
  ASSERT_TRUE(result.error);
  EXPECT_EQ(result.error->message, "too many nested f-strings");
  EXPECT_EQ(result.error->column, 149u * 3 + 1);
}

TEST(Tokenizer, DeepInputsGiveErrorsNotCrashes) {
  EXPECT_EQ(error_of(std::string(100000, '(')), "1:200: too many nested parentheses");
  // 50,000 lines of ever deeper blocks (the depth wraps at 150 to keep the text small);
  // the indentation limit stops it at level 100.
  std::string blocks;
  for (int depth = 0; depth < 50000; ++depth)
    blocks += std::string(static_cast<std::size_t>(depth % 150), '\t') + "if x:\n";
  EXPECT_EQ(error_of(blocks), "101:0: too many levels of indentation");
  std::string fstrings;
  for (int i = 0; i < 100000; ++i)
    fstrings += "f'{";
  EXPECT_EQ(tokenize(fstrings).error->message, "too many nested f-strings");
}

TEST(Tokenizer, FiftyMegabyteSingleLine) {
  std::string literal = "x = '" + std::string(50'000'000, 'a') + "'";
  EXPECT_EQ(kinds(literal), "NAME EQUAL STRING NEWLINE ENDMARKER");
  std::string comment = "# " + std::string(50'000'000, 'b');
  EXPECT_EQ(error_of(comment), "OK");
  std::string name = std::string(50'000'000, 'n');
  EXPECT_EQ(tokenize(name).tokens[0].end_column, 50'000'000u);
}

TEST(Tokenizer, EndOfFileInsideStrings) {
  EXPECT_EQ(error_of("'''"), "1:0: unterminated triple-quoted string literal (detected at line 1)");
  EXPECT_EQ(error_of("'"), "1:0: unterminated string literal (detected at line 1)");
  EXPECT_EQ(error_of("f'''{x}"), "1:0: unterminated triple-quoted f-string literal (detected at line 1)");
  EXPECT_EQ(error_of("f'{x:"), "1:0: unterminated f-string literal (detected at line 1)");
  EXPECT_EQ(error_of("f'{"), "1:2: '{' was never closed");
}

TEST(Tokenizer, TokensBeforeAnErrorAreKept) {
  TokenizedSource result = tokenize("a = 1\nb = )\n");
  ASSERT_TRUE(result.error);
  EXPECT_EQ(kinds("a = 1\nb = )\n"), "NAME EQUAL NUMBER NEWLINE NAME EQUAL ERRORTOKEN");
  EXPECT_EQ(result.tokens.back().line, 2u);
  EXPECT_EQ(result.tokens.back().column, 4u);
}

}  // namespace
}  // namespace pypyready::python
