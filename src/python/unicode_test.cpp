#include "python/unicode.h"

#include <gtest/gtest.h>
#include <unicode/uchar.h>

#include <charconv>
#include <string>
#include <unordered_map>
#include <vector>

#include "python/testing/python_oracle.h"

namespace pypyready::python {
namespace {

using testing::split_lines;

std::string utf8_of(char32_t code_point) {
  std::string out;
  append_utf8(out, code_point);
  return out;
}

char32_t parse_hex(std::string_view text) {
  std::uint32_t value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value, 16);
  return value;
}

TEST(Utf8, RoundTripsEveryScalarValueAndSurrogates) {
  for (char32_t code_point = 0; code_point <= 0x10FFFF; ++code_point) {
    const std::string encoded = utf8_of(code_point);
    const bool surrogate = code_point >= 0xD800 && code_point <= 0xDFFF;
    const DecodedCodePoint wtf8 = decode_wtf8(encoded);
    ASSERT_TRUE(wtf8.valid) << std::hex << static_cast<unsigned>(code_point);
    ASSERT_EQ(wtf8.code_point, code_point);
    ASSERT_EQ(wtf8.length, encoded.size());
    ASSERT_EQ(decode_utf8(encoded).valid, !surrogate) << std::hex << static_cast<unsigned>(code_point);
    ASSERT_EQ(is_valid_utf8(encoded), !surrogate) << std::hex << static_cast<unsigned>(code_point);
  }
}

TEST(Utf8, RejectsMalformedSequences) {
  for (const std::string_view bad :
       {std::string_view("\xC0\x80"), std::string_view("\xC1\xBF"), std::string_view("\xE0\x80\x80"),
        std::string_view("\xF0\x80\x80\x80"), std::string_view("\xF4\x90\x80\x80"),
        std::string_view("\xF5\x80\x80\x80"), std::string_view("\x80"), std::string_view("\xE2\x82"),
        std::string_view("\xE2\x28\xA1"), std::string_view("\xFF")}) {
    const DecodedCodePoint decoded = decode_wtf8(bad);
    EXPECT_FALSE(decoded.valid) << testing::to_hex(bad);
    EXPECT_EQ(decoded.length, 1);
    EXPECT_FALSE(is_valid_utf8(bad));
  }
  EXPECT_TRUE(is_valid_utf8("plain ascii, caf\xC3\xA9, \xF0\x9F\x90\x8D"));
}

TEST(Identifier, AsciiRules) {
  EXPECT_TRUE(is_identifier("_private"));
  EXPECT_TRUE(is_identifier("x1"));
  EXPECT_FALSE(is_identifier("1x"));
  EXPECT_FALSE(is_identifier(""));
  EXPECT_FALSE(is_identifier("a-b"));
  EXPECT_TRUE(is_identifier("\xCF\x80"));        // π
  EXPECT_FALSE(is_identifier("\xE2\x82\xAC"));   // €
  EXPECT_FALSE(is_identifier("a\xED\xA0\x80"));  // a lone surrogate is not UTF-8
  EXPECT_FALSE(is_xid_start('_'));
  EXPECT_TRUE(is_identifier_start('_'));
}

TEST(Nfkc, NormalisesCompatibilityCharacters) {
  EXPECT_EQ(nfkc_normalize("\xEF\xAC\x81"), "fi");     // ﬁ
  EXPECT_EQ(nfkc_normalize("\xE2\x84\x8C"), "H");      // ℌ
  EXPECT_EQ(nfkc_normalize("A\xCC\x8A"), "\xC3\x85");  // A + combining ring -> Å
  EXPECT_EQ(nfkc_normalize("plain_name"), "plain_name");
}

// Every code point's str.isprintable(), identifier-start and identifier-continue answers
// from CPython, as ranges where the answer is true.
TEST(UnicodeOracle, PropertiesMatchCPythonForEveryCodePoint) {
  PYPYREADY_ORACLE_OR_SKIP(output, R"(
def ranges(name, test):
    start = None
    for c in range(0x110001):
        inside = c <= 0x10FFFF and test(chr(c))
        if inside and start is None: start = c
        if not inside and start is not None:
            print(name, '%x' % start, '%x' % c)
            start = None
ranges('printable', str.isprintable)
ranges('start', str.isidentifier)
ranges('continue', lambda c: ('a' + c).isidentifier())
)");
  std::unordered_map<std::string, std::vector<bool>> expected;
  for (const char* name : {"printable", "start", "continue"})
    expected[name].assign(0x110000, false);
  for (const std::string_view line : split_lines(output)) {
    const std::size_t first = line.find(' ');
    const std::size_t second = line.find(' ', first + 1);
    auto& table = expected[std::string(line.substr(0, first))];
    const char32_t begin = parse_hex(line.substr(first + 1, second - first - 1));
    const char32_t end = parse_hex(line.substr(second + 1));
    for (char32_t c = begin; c < end; ++c)
      table[c] = true;
  }
  int mismatches = 0;
  for (char32_t c = 0; c <= 0x10FFFF && mismatches < 20; ++c) {
    if (is_printable(c) != expected["printable"][c])
      ++mismatches, ADD_FAILURE() << "printable " << std::hex << static_cast<unsigned>(c);
    if (is_identifier_start(c) != expected["start"][c])
      ++mismatches, ADD_FAILURE() << "start " << std::hex << static_cast<unsigned>(c);
    if (is_identifier_continue(c) != expected["continue"][c]) {
      ++mismatches, ADD_FAILURE() << "continue " << std::hex << static_cast<unsigned>(c);
    }
  }
}

TEST(UnicodeOracle, NfkcMatchesCPythonForEveryAssignedCodePoint) {
  PYPYREADY_ORACLE_OR_SKIP(output, R"(
import unicodedata
for c in range(0x110000):
    if 0xD800 <= c <= 0xDFFF or unicodedata.category(chr(c)) == 'Cn': continue
    n = unicodedata.normalize('NFKC', chr(c))
    if n != chr(c): print('%x' % c, n.encode().hex())
)");
  std::unordered_map<char32_t, std::string> changed;
  for (const std::string_view line : split_lines(output)) {
    const std::size_t space = line.find(' ');
    changed[parse_hex(line.substr(0, space))] = testing::from_hex(line.substr(space + 1));
  }
  ASSERT_GT(changed.size(), 1000u);
  int mismatches = 0;
  for (char32_t c = 0x80; c <= 0x10FFFF && mismatches < 20; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    UVersionInfo age;
    u_charAge(static_cast<UChar32>(c), age);
    if (age[0] == 0 || age[0] > 14) continue;  // unassigned for CPython 3.11
    const auto found = changed.find(c);
    const std::string expected = found == changed.end() ? utf8_of(c) : found->second;
    if (nfkc_normalize(utf8_of(c)) != expected)
      ++mismatches, ADD_FAILURE() << "nfkc " << std::hex << static_cast<unsigned>(c);
  }
}

// Names: every name CPython 3.11 knows resolves (and, outside the two algorithmic families,
// in lower case too); names only ICU knows do not.
TEST(UnicodeOracle, NameLookupMatchesCPython) {
  PYPYREADY_ORACLE_OR_SKIP(output, R"(
import unicodedata
for c in range(0x110000):
    name = unicodedata.name(chr(c), None)
    if name: print('%x' % c, name)
for alias in ['NULL', 'NUL', 'BEL', 'LINE FEED', 'lf', 'BYTE ORDER MARK', 'LATIN CAPITAL LETTER GHA',
              'ZWJ', 'nbsp', 'VS1', 'VS256', 'SHY', 'Private Use One', 'NEXT LINE', 'NEL',
              'KANNADA LETTER LLLA', 'no such character', 'CJK UNIFIED IDEOGRAPH-04E00',
              'CJK UNIFIED IDEOGRAPH-4e00', 'hangul syllable GA', 'HANGUL SYLLABLE GAG',
              'HANGUL SYLLABLE GX', 'CJK UNIFIED IDEOGRAPH-9FFF', 'CJK UNIFIED IDEOGRAPH-2B739',
              'TANGUT IDEOGRAPH-17000', 'LATIN SMALL LETTER  A', ' LATIN SMALL LETTER A',
              'LATIN CAPITAL LETTER A WITH MACRON AND GRAVE', 'KEYCAP NUMBER SIGN', 'HANGUL SYLLABLE GAG ',
              'Cjk Compatibility Ideograph-F900', 'hangul choseong kiyeok', 'CJK UNIFIED IDEOGRAPH-4E0',
              'CJK UNIFIED IDEOGRAPH-E000', 'CJK UNIFIED IDEOGRAPH-31350', 'TOMATO', 'LATIN SMALL LETTER A\u00e9']:
    try: print('alias', '%x' % ord(eval('"\\N{%s}"' % alias)), alias)
    except SyntaxError: print('alias', 'none', alias)
)");
  std::vector<std::string> python_names(0x110000);
  std::size_t aliases = 0;
  for (const std::string_view line : split_lines(output)) {
    const std::size_t space = line.find(' ');
    if (line.starts_with("alias ")) {
      ++aliases;
      const std::size_t second = line.find(' ', space + 1);
      const std::string_view code = line.substr(space + 1, second - space - 1);
      const std::string_view alias = line.substr(second + 1);
      const std::optional<char32_t> found = lookup_unicode_name(alias);
      if (code == "none") {
        EXPECT_FALSE(found.has_value()) << alias;
      } else {
        EXPECT_EQ(found, std::optional<char32_t>(parse_hex(code))) << alias;
      }
      continue;
    }
    python_names[parse_hex(line.substr(0, space))] = std::string(line.substr(space + 1));
  }
  ASSERT_GT(aliases, 20u);
  int mismatches = 0;
  for (char32_t c = 0; c <= 0x10FFFF && mismatches < 20; ++c) {
    const std::string& name = python_names[c];
    if (!name.empty()) {
      if (lookup_unicode_name(name) != std::optional<char32_t>(c)) ++mismatches, ADD_FAILURE() << name;
      const bool algorithmic =
          name.starts_with("HANGUL SYLLABLE ") || name.starts_with("CJK UNIFIED IDEOGRAPH-");
      // Case folding is one code path: a quarter of the names (and every algorithmic one,
      // which must fail in lower case) is enough and keeps the test short.
      if (!algorithmic && c % 4 != 0) continue;
      std::string lower = name;
      for (char& ch : lower)
        ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
      const std::optional<char32_t> lowered = lookup_unicode_name(lower);
      if (algorithmic ? lowered.has_value() : lowered != std::optional<char32_t>(c)) {
        ++mismatches, ADD_FAILURE() << "lower case " << lower;
      }
      continue;
    }
    char buffer[128];
    UErrorCode status = U_ZERO_ERROR;
    const int32_t length =
        u_charName(static_cast<UChar32>(c), U_UNICODE_CHAR_NAME, buffer, sizeof buffer, &status);
    if (U_FAILURE(status) || length == 0) continue;
    const std::string icu_name(buffer, static_cast<std::size_t>(length));
    if (lookup_unicode_name(icu_name).has_value())
      ++mismatches, ADD_FAILURE() << "ICU-only name " << icu_name;
  }
}

}  // namespace
}  // namespace pypyready::python
