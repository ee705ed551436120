#include "python/string_literal.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "python/literal_repr.h"
#include "python/testing/python_oracle.h"
#include "python/unicode.h"

namespace pypyready::python {
namespace {

using testing::from_hex;
using testing::split_lines;
using testing::to_hex;

std::string error_of(std::string_view token) {
  const core::Result<StringLiteral> result = evaluate_string_literal(token);
  return result ? "(no error)" : result.error().message;
}

TEST(SplitStringToken, ReadsPrefixesAndQuotes) {
  const StringLiteralParts parts = split_string_token("Rb'''a'b'''");
  EXPECT_TRUE(parts.raw);
  EXPECT_TRUE(parts.bytes);
  EXPECT_FALSE(parts.unicode);
  EXPECT_TRUE(parts.triple);
  EXPECT_EQ(parts.body, "a'b");
  EXPECT_EQ(split_string_token("''").body, "");
  EXPECT_FALSE(split_string_token("''").triple);
  EXPECT_TRUE(split_string_token("''''''").triple);
  EXPECT_EQ(split_string_token("u\"x\"").quote, '"');
  EXPECT_TRUE(split_string_token("u\"x\"").unicode);
  EXPECT_TRUE(split_string_token("fR'x'").format);
}

// body_is_value lets the parser skip evaluation, so it must agree with evaluate_string_literal:
// true exactly when the value is the body. Each stop byte is tried at every position of bodies
// long enough for the word-at-a-time part and its byte tail.
TEST(StringLiteral, BodyIsValueAgreesWithEvaluation) {
  const std::string prefixes[] = {"", "r", "b", "rb", "u"};
  const std::string stops[] = {"\\", "\r", "\xc3\xa9", "x"};
  for (const std::string& prefix : prefixes) {
    for (const std::string& stop : stops) {
      for (std::size_t length = 0; length < 20; ++length) {
        for (std::size_t at = 0; at <= length; ++at) {
          std::string body(length, 'a');
          body.insert(at, stop == "\\" ? "\\n" : stop);
          const std::string token = prefix + "'" + body + "'";
          const StringLiteralParts parts = split_string_token(token);
          const core::Result<StringLiteral> literal = evaluate_string_literal(token);
          const bool verbatim = literal && literal->value == parts.body;
          EXPECT_EQ(body_is_value(parts), verbatim) << token;
        }
      }
    }
  }
}

TEST(StringLiteral, EvaluatesEscapes) {
  EXPECT_EQ(evaluate_string_literal(R"('a\tb\x41\u00e9\101\N{BEL}')")->value,
            "a\tbA\xC3\xA9"
            "A\a");
  EXPECT_EQ(evaluate_string_literal(R"('\ud800')")->value, "\xED\xA0\x80");
  EXPECT_EQ(evaluate_string_literal("'a\\\nb'")->value, "ab");
  EXPECT_EQ(evaluate_string_literal(R"(r'\x')")->value, "\\x");
  EXPECT_EQ(evaluate_string_literal(R"(b'\777')")->value, "\xFF");
  EXPECT_EQ(evaluate_string_literal("'''a\r\nb\rc'''")->value, "a\nb\nc");
  EXPECT_TRUE(evaluate_string_literal("u'x'")->has_u_prefix);
  EXPECT_TRUE(evaluate_string_literal("b'x'")->is_bytes);
}

TEST(StringLiteral, KeepsUnknownEscapesAndWarns) {
  const auto literal = evaluate_string_literal(R"('\d\8')");
  EXPECT_EQ(literal->value, "\\d\\8");
  EXPECT_EQ(literal->warning, "invalid escape sequence '\\d'");
  EXPECT_EQ(evaluate_string_literal(R"('\400')")->warning, "invalid octal escape sequence '\\400'");
  EXPECT_EQ(evaluate_string_literal(R"('\377')")->warning, "");
}

TEST(StringLiteral, ReportsCPythonErrors) {
  constexpr std::string_view kPrefix =
      "(unicode error) 'unicodeescape' codec can't decode bytes in position ";
  EXPECT_EQ(error_of(R"('\x')"), std::string(kPrefix) + "0-1: truncated \\xXX escape");
  EXPECT_EQ(error_of(R"('\x4g')"), std::string(kPrefix) + "0-2: truncated \\xXX escape");
  EXPECT_EQ(error_of("'\xC3\xA9\\x'"), std::string(kPrefix) + "10-11: truncated \\xXX escape");
  EXPECT_EQ(error_of(R"('\u12')"), std::string(kPrefix) + "0-3: truncated \\uXXXX escape");
  EXPECT_EQ(error_of(R"('\U0011000')"), std::string(kPrefix) + "0-8: truncated \\UXXXXXXXX escape");
  EXPECT_EQ(error_of(R"('\U00110000')"), std::string(kPrefix) + "0-9: illegal Unicode character");
  EXPECT_EQ(error_of(R"('\N')"), std::string(kPrefix) + "0-1: malformed \\N character escape");
  EXPECT_EQ(error_of(R"('\N{}')"), std::string(kPrefix) + "0-2: malformed \\N character escape");
  EXPECT_EQ(error_of(R"('\N{abc')"), std::string(kPrefix) + "0-5: malformed \\N character escape");
  EXPECT_EQ(error_of(R"('\N{foo}')"), std::string(kPrefix) + "0-6: unknown Unicode character name");
  EXPECT_EQ(error_of(R"(b'\x')"), "(value error) invalid \\x escape at position 0");
  EXPECT_EQ(error_of(R"(b'a\x1')"), "(value error) invalid \\x escape at position 1");
  EXPECT_EQ(error_of("b'\xC3\xA9'"), "bytes can only contain ASCII literal characters");
  EXPECT_EQ(error_of("rb'\xC3\xA9'"), "bytes can only contain ASCII literal characters");
}

TEST(StringLiteral, SurvivesMalformedTokens) {
  for (const std::string_view token : {"", "'", "b", "rb'", "'\\", "'''", "\"\"\"\\\"\"\""}) {
    const core::Result<StringLiteral> literal = evaluate_string_literal(token);
    EXPECT_TRUE(literal.ok()) << token;
  }
}

TEST(FStringMiddle, UndoublesBracesAndUnescapes) {
  EXPECT_EQ(*evaluate_fstring_middle(R"(a{{b}}\x41)", false), "a{b}A");
  EXPECT_EQ(*evaluate_fstring_middle(R"(\N{DIGIT ONE}{{)", false), "1{");
  EXPECT_EQ(*evaluate_fstring_middle(R"(\x{{)", true), "\\x{");
  EXPECT_EQ(
      evaluate_fstring_middle(R"(a{{b\x)", false).error().message,
      "(unicode error) 'unicodeescape' codec can't decode bytes in position 1-2: truncated \\xXX escape");
}

std::string octal_escape(unsigned value) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "\\%o", value);
  return buffer;
}

std::string hex_escape(unsigned value) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "\\x%02x", value);
  return buffer;
}

std::vector<std::string> oracle_cases() {
  std::vector<std::string> cases;
  for (unsigned c = 0; c < 256; ++c) {
    for (const char* prefix : {"", "b"}) {
      cases.push_back(std::string(prefix) + "'" + hex_escape(c) + "'");
      cases.push_back(std::string(prefix) + "'" + octal_escape(c) + "'");
    }
    if (c >= 0x20 && c < 0x7F) {
      // Every escape letter, known or not; \x, \u, \U and \N alone are errors.
      cases.push_back(std::string("'\\") + static_cast<char>(c) + " '");
      cases.push_back(std::string("b'\\") + static_cast<char>(c) + " '");
    }
    if (c >= 0x80) {
      std::string utf8;
      append_utf8(utf8, c);
      cases.push_back("'" + utf8 + "'");
      cases.push_back("'\\" + utf8 + "'");
      cases.push_back("'" + utf8 + "\\x4'");
    }
  }
  const char* const fixed[] = {
      R"('\400')",
      R"('\777')",
      R"('\1234')",
      R"('\0')",
      R"('\08')",
      R"(b'\400')",
      R"(b'\1234')",
      R"('\u0000\ud800\udfff\ud83d\ude00\uFFFF')",
      R"('\u12')",
      R"('\u12g4')",
      R"('\U0001F600\U0010FFFF')",
      R"('\U00110000')",
      R"('\UFFFFFFFF')",
      R"('\U0001f60')",
      R"('\N{LATIN SMALL LETTER A}')",
      R"('\N{latin small letter a}')",
      R"('\N{BEL}\N{NULL}\N{byte order mark}')",
      R"('\N{}')",
      R"('\N{foo}')",
      R"('\Nx')",
      R"('\N{abc')",
      R"('\N{CJK UNIFIED IDEOGRAPH-4E00}\N{HANGUL SYLLABLE GAG}')",
      R"('\N{cjk unified ideograph-4E00}')",
      R"('\N{TANGUT IDEOGRAPH-17000}')",
      "'\xC3\xA9\\x'",
      "'\xC3\xA9\\\xC3\xA9\\x'",
      "'\xF0\x9F\x98\x80\\N{foo}'",
      "'\\\\\xC3\xA9\\x'",
      "'\\\\\\\xC3\xA9\\u'",
      R"(r'\x')",
      R"(R'\n')",
      R"(rb'\x00')",
      R"(Br'\d')",
      R"(u'\x41')",
      R"(U'x')",
      R"(b'"')",
      R"('"')",
      R"("'")",
      R"("\"'")",
      R"('''a'b"c''')",
      "\"\"\"x\ny\"\"\"",
      "'''line1\\\nline2'''",
      "'a\\\nb'",
      "'''a\r\nb\rc'''",
      "r'''a\r\nb'''",
      R"(b'\x')",
      R"(b'\xg0')",
      R"(b'a\x1')",
      R"(b'\x1')",
      "b'\xC3\xA9'",
      "rb'\xC3\xA9'",
      R"('\d\8\9')",
      R"('\ ')",
      R"(b'\d')",
      R"('\'\"\a\b\f\v')",
      R"(f'ab\x41{{c}}')",
      R"(f'\N{DIGIT ONE}{{')",
      R"(f'a{{b\x')",
      R"(f'{{\x4')",
      R"(rf'\x{{')",
      R"(f'\{{')",
      "F'\xC3\xA9\\x'",
      R"(f'}}\N{foo}')",
      R"(f'a\d')",
      R"(f'\N{LEFT CURLY BRACKET}')",
  };
  cases.insert(cases.end(), std::begin(fixed), std::end(fixed));
  return cases;
}

// What this project makes of one token: value, warning and error text.
struct Evaluation {
  std::string value;
  std::string warning;
  std::string error;
  bool is_bytes = false;
};

Evaluation evaluate(const std::string& token) {
  const StringLiteralParts parts = split_string_token(token);
  Evaluation result;
  if (parts.format) {
    const core::Result<std::string> middle = evaluate_fstring_middle(parts.body, parts.raw, &result.warning);
    if (middle) {
      result.value = *middle;
    } else {
      result.error = middle.error().message;
    }
    return result;
  }
  const core::Result<StringLiteral> literal = evaluate_string_literal(token);
  if (!literal) {
    result.error = literal.error().message;
    return result;
  }
  result.value = literal->value;
  result.warning = literal->warning;
  result.is_bytes = literal->is_bytes;
  return result;
}

// Each token goes through CPython's compiler: its value, repr, first warning or error text
// must be what evaluate_string_literal (or, for f-strings, evaluate_fstring_middle) gives.
void expect_same_as_cpython(const std::vector<std::string>& cases) {
  std::string script = "import ast, warnings\ntokens = '''";
  for (const std::string& token : cases)
    script += to_hex(token) + " ";
  script += R"('''.split()
def is_fstring_with_fields(token):
    quote = min(i for i in (token.find("'"), token.find('"')) if i >= 0)
    prefix = token[:quote].lower()
    if 'f' not in prefix: return False
    body, i = token[quote + 1:-1], 0
    while i < len(body):
        ch, i = body[i], i + 1
        if ch == '\\' and 'r' not in prefix and i < len(body):
            ch, i = body[i], i + 1
            if ch == 'N':
                if body[i:i + 1] == '{':
                    close = body.find('}', i)
                    i = len(body) if close < 0 else close + 1
                else:
                    i += 1
                continue
        if ch in '{}':
            if body[i:i + 1] != ch: return True
            i += 1
    return False
for hex_token in tokens:
    token = bytes.fromhex(hex_token).decode()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        if is_fstring_with_fields(token):
            print('skip')
            continue
        try:
            tree = ast.parse(token, mode='eval')
            if any(isinstance(node, ast.FormattedValue) for node in ast.walk(tree)):
                print('skip')
                continue
            value = eval(compile(token, '<t>', 'eval'))
        except SyntaxError as e:
            print('skip' if e.msg.startswith('f-string') else 'err ' + e.msg.encode().hex())
            continue
    warning = str(caught[0].message) if caught else ''
    raw = value if isinstance(value, bytes) else value.encode('utf-8', 'surrogatepass')
    print('ok', raw.hex() or '-', repr(value).encode('utf-8', 'surrogatepass').hex(), warning.encode().hex() or '-')
)";
  PYPYREADY_ORACLE_OR_SKIP(output, script);
  const std::vector<std::string_view> lines = split_lines(output);
  ASSERT_EQ(lines.size(), cases.size());
  const auto field = [](std::string_view hex) { return hex == "-" ? std::string() : from_hex(hex); };
  int mismatches = 0;
  std::size_t skipped = 0;
  for (std::size_t i = 0; i < cases.size() && mismatches < 20; ++i) {
    const Evaluation got = evaluate(cases[i]);
    const std::string_view line = lines[i];
    // Replacement fields and f-string structure errors are the parser's, not this file's.
    if (line == "skip") {
      ++skipped;
      continue;
    }
    std::string expected;
    std::string actual;
    if (line.starts_with("err ")) {
      expected = "error " + from_hex(line.substr(4));
      actual = got.error.empty() ? "value " + to_hex(got.value) : "error " + got.error;
    } else {
      const std::size_t first = line.find(' ', 3);
      const std::size_t second = line.find(' ', first + 1);
      expected = "value " + to_hex(field(line.substr(3, first - 3))) + " repr " +
                 field(line.substr(first + 1, second - first - 1)) + " warning " +
                 field(line.substr(second + 1));
      if (got.error.empty()) {
        actual = "value " + to_hex(got.value) + " repr " +
                 (got.is_bytes ? repr_bytes(got.value) : repr_str(got.value)) + " warning " + got.warning;
      } else {
        actual = "error " + got.error;
      }
    }
    if (actual != expected) {
      ++mismatches;
      ADD_FAILURE() << "token " << cases[i] << "\n  expected " << expected << "\n  got      " << actual;
    }
  }
  // Skips are f-strings with replacement fields; most cases must be compared.
  EXPECT_LT(skipped * 4, cases.size());
}

TEST(StringLiteralOracle, MatchesCPythonOnEscapeTable) {
  expect_same_as_cpython(oracle_cases());
}

// Random bodies built from the pieces escapes are made of, in every prefix family.
TEST(StringLiteralOracle, MatchesCPythonOnRandomEscapes) {
  const char* const pieces[] = {"\\",          "x",     "u",      "U",        "N",    "{",
                                "}",           "{{",    "}}",     "0",        "7",    "8",
                                "a",           "F",     "f",      "\xC3\xA9", "\\\n", "\\\\",
                                "\\'",         "\"",    " ",      "1",        "D",    "\xF0\x9F\x98\x80",
                                "{DIGIT ONE}", "{BEL}", "{nope}", "\\N{",     "\\x4", "\\u00",
                                "\\U0001",     "\\4",   "\\777",  "'"};
  const char* const prefixes[] = {"", "b", "r", "rb", "u", "f", "rf"};
  std::vector<std::string> cases;
  std::uint64_t state = 12345;
  const auto next = [&state](std::uint64_t bound) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return (state >> 33) % bound;
  };
  while (cases.size() < 4000) {
    const std::string prefix = prefixes[next(std::size(prefixes))];
    const bool raw = prefix.find('r') != std::string::npos;
    std::string body;
    const std::uint64_t count = 1 + next(8);
    for (std::uint64_t i = 0; i < count; ++i)
      body += pieces[next(std::size(pieces))];
    // Keep the token well formed: no lone quote, no backslash before the closing quote.
    std::string safe;
    for (std::size_t i = 0; i < body.size(); ++i) {
      if (body[i] == '\\' && i + 1 < body.size()) {
        safe += body.substr(i, 2);
        ++i;
      } else if (body[i] == '\\') {
        safe += "\\\\";
      } else if (body[i] == '\'') {
        safe += raw ? "\"" : "\\'";
      } else {
        safe += body[i];
      }
    }
    if (prefix.find('b') != std::string::npos &&
        !std::all_of(safe.begin(), safe.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
      continue;
    }
    // A newline must follow an odd run of backslashes, or the single-quoted token ends there.
    bool newline_escaped = true;
    for (std::size_t i = 0; i < safe.size(); ++i) {
      if (safe[i] != '\n') continue;
      std::size_t run = 0;
      while (run < i && safe[i - 1 - run] == '\\')
        ++run;
      newline_escaped = newline_escaped && run % 2 == 1;
    }
    if (!newline_escaped) continue;
    cases.push_back(prefix + "'" + safe + "'");
  }
  expect_same_as_cpython(cases);
}

}  // namespace
}  // namespace pypyready::python
