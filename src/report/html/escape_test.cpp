// The one escaping function: markup characters, quotes for attributes, control characters.

#include <gtest/gtest.h>

#include "report/html/escape.h"

namespace pypyready::report::html {
namespace {

TEST(HtmlEscape, MarkupCharactersBecomeReferences) {
  EXPECT_EQ(escape("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;");
  EXPECT_EQ(escape("a & b"), "a &amp; b");
  EXPECT_EQ(escape("&amp;"), "&amp;amp;");
}

TEST(HtmlEscape, QuotesCannotCloseAnAttribute) {
  EXPECT_EQ(escape("src/\"quoted\" 'file'.py"), "src/&quot;quoted&quot; &#39;file&#39;.py");
}

TEST(HtmlEscape, ControlCharactersAreReplacedAndTextKept) {
  EXPECT_EQ(escape(std::string("a\0b", 3)),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(escape("x\x1b[31my"), "x\xEF\xBF\xBD[31my");
  EXPECT_EQ(escape("tab\tnew\nline\r"), "tab\tnew\nline\n");
  EXPECT_EQ(escape("héllo → ✓"), "héllo → ✓");
  EXPECT_EQ(escape(""), "");
}

}  // namespace
}  // namespace pypyready::report::html
