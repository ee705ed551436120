#include "python/source_decoder.h"

#include <gtest/gtest.h>

#include <string>

namespace pypyready::python {
namespace {

using std::string_literals::operator""s;

// "LINE:COL: MESSAGE" of the decoding error, or "OK".
std::string error_of(std::string_view bytes) {
  DecodeResult result = decode_source(bytes);
  if (!result.error) return "OK";
  return std::to_string(result.error->line) + ":" + std::to_string(result.error->column) + ": " +
         result.error->message;
}

TEST(SourceDecoder, Utf8ByDefault) {
  DecodeResult result = decode_source("x = '\xc3\xa9'\n");
  ASSERT_FALSE(result.error);
  EXPECT_EQ(result.source.text, "x = '\xc3\xa9'\n");
  EXPECT_EQ(result.source.encoding, "utf-8");
  EXPECT_FALSE(result.source.had_crlf);
}

TEST(SourceDecoder, ByteOrderMarkIsRemoved) {
  DecodeResult result = decode_source("\xEF\xBB\xBFx = 1\n");
  ASSERT_FALSE(result.error);
  EXPECT_EQ(result.source.text, "x = 1\n");
  EXPECT_EQ(error_of("\xEF\xBB\xBF# coding: utf-8\nx = 1\n"), "OK");
}

TEST(SourceDecoder, ByteOrderMarkWithAnotherCookieIsAnError) {
  EXPECT_EQ(error_of("\xEF\xBB\xBF# coding: latin-1\nx = 1\n"), "1:0: encoding problem: iso-8859-1 with BOM");
  // CPython does not normalise "utf8", so the BOM disagrees with it (test/tokenizedata/bad_coding2.py).
  EXPECT_EQ(error_of("\xEF\xBB\xBF#coding: utf8\nx = 1\n"), "1:0: encoding problem: utf8 with BOM");
}

TEST(SourceDecoder, CrlfAndLoneCrBecomeNewlines) {
  DecodeResult crlf = decode_source("a = 1\r\nb = 2\r\n");
  EXPECT_EQ(crlf.source.text, "a = 1\nb = 2\n");
  EXPECT_TRUE(crlf.source.had_crlf);
  DecodeResult cr = decode_source("a = 1\rb = 2\r\r\n");
  EXPECT_EQ(cr.source.text, "a = 1\nb = 2\n\n");
  EXPECT_TRUE(cr.source.had_crlf);
}

TEST(SourceDecoder, CookieForms) {
  EXPECT_EQ(find_coding_cookie("# -*- coding: latin-1 -*-\n"), "iso-8859-1");
  EXPECT_EQ(find_coding_cookie("# vim: set fileencoding=UTF_8 :\n"), "utf-8");
  EXPECT_EQ(find_coding_cookie("#coding=cp1252"), "cp1252");
  EXPECT_EQ(find_coding_cookie("  \t# coding: iso-latin-1-unix"), "iso-8859-1");
  EXPECT_EQ(find_coding_cookie("x = 1  # coding: latin-1"), std::nullopt);
  EXPECT_EQ(find_coding_cookie("# no cookie here"), std::nullopt);
  EXPECT_EQ(find_coding_cookie("# coding:"), std::nullopt);
}

TEST(SourceDecoder, CookieOnLineTwoOnlyAfterABlankOrCommentLine) {
  DecodeResult second = decode_source("#!/usr/bin/python\n# coding: latin-1\nx = '\xe9'\n");
  ASSERT_FALSE(second.error);
  EXPECT_EQ(second.source.encoding, "iso-8859-1");
  EXPECT_EQ(second.source.text, "#!/usr/bin/python\n# coding: latin-1\nx = '\xc3\xa9'\n");
  EXPECT_EQ(decode_source("\n# coding: latin-1\n").source.encoding, "iso-8859-1");
  // After a code line the cookie is ignored, so the text must be UTF-8.
  EXPECT_EQ(
      error_of("x=1\n# coding: latin-1\nx='\xe9'\n"),
      "3:3: (unicode error) 'utf-8' codec can't decode byte 0xe9 in position 0: invalid continuation byte");
  EXPECT_EQ(decode_source("x=1\n\n# coding: latin-1\n").source.encoding, "utf-8");
}

TEST(SourceDecoder, OtherCodecsThroughIconv) {
  DecodeResult cp1252 = decode_source("# coding: cp1252\nx = '\x80'\n");
  ASSERT_FALSE(cp1252.error);
  EXPECT_EQ(cp1252.source.text, "# coding: cp1252\nx = '\xe2\x82\xac'\n");
  DecodeResult windows = decode_source("# coding: windows-1252\nx = '\x80'\n");
  EXPECT_EQ(windows.source.text, "# coding: windows-1252\nx = '\xe2\x82\xac'\n");
  DecodeResult koi8 = decode_source("# -*- coding: koi8-r -*-\nx = '\xc1'\n");
  ASSERT_FALSE(koi8.error);
  EXPECT_EQ(koi8.source.text, "# -*- coding: koi8-r -*-\nx = '\xd0\xb0'\n");
  EXPECT_EQ(error_of("# coding: ascii\nx = 1\n"), "OK");
  EXPECT_EQ(error_of("# coding: us-ascii\nx = 1\n"), "OK");
  EXPECT_EQ(error_of("# coding: utf8\nx = '\xc3\xa9'\n"), "OK");
  EXPECT_EQ(decode_source("# coding: latin1\nx = '\xe9'\n").source.text,
            "# coding: latin1\nx = '\xc3\xa9'\n");
  EXPECT_EQ(error_of("# coding: ascii\nx = '\xe9'\n").substr(0, 33), "2:5: (unicode error) 'ascii' code");
}

TEST(SourceDecoder, UnknownEncoding) {
  EXPECT_EQ(error_of("# -*- coding: uft-8 -*-\nx = 1\n"), "1:0: unknown encoding: uft-8");
  EXPECT_EQ(error_of("\n# coding: nonsense-codec\n"), "2:0: unknown encoding: nonsense-codec");
}

TEST(SourceDecoder, InvalidUtf8GivesPythonsMessageAndLine) {
  EXPECT_EQ(error_of("x = 1\n\xff\n"),
            "2:0: (unicode error) 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte");
  EXPECT_EQ(error_of("\xff"),
            "1:0: (unicode error) 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte");
  EXPECT_EQ(
      error_of("x = '\xc3('\n"),
      "1:5: (unicode error) 'utf-8' codec can't decode byte 0xc3 in position 0: invalid continuation byte");
  EXPECT_EQ(
      error_of("y = '\xe2\x82("),
      "1:5: (unicode error) 'utf-8' codec can't decode bytes in position 0-1: invalid continuation byte");
  EXPECT_EQ(error_of("y = '\xe2\x82"),
            "1:5: (unicode error) 'utf-8' codec can't decode bytes in position 0-1: unexpected end of data");
  // Encoded surrogates and overlong forms are invalid, as in Python.
  EXPECT_NE(error_of("'\xed\xa0\x80'"), "OK");
  EXPECT_NE(error_of("'\xc0\xaf'"), "OK");
  EXPECT_NE(error_of("'\xf4\x90\x80\x80'"), "OK");
  EXPECT_EQ(error_of("'\xf0\x9f\x98\x80'"), "OK");
}

TEST(SourceDecoder, NullBytesAreRejectedWithTheirLine) {
  EXPECT_EQ(error_of("x = 1\ny = 2\0\n"s), "2:5: source code cannot contain null bytes");
  EXPECT_EQ(error_of("\0"s), "1:0: source code cannot contain null bytes");
}

}  // namespace
}  // namespace pypyready::python
