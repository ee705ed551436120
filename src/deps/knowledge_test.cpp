#include "deps/knowledge.h"

#include <gtest/gtest.h>

namespace pypyready::deps {
namespace {

TEST(KnowledgeTest, EmbeddedBaseIsValidAndLarge) {
  const KnowledgeBase& kb = embedded_knowledge();
  EXPECT_GE(kb.entries.size(), 100u);
  const KnowledgeEntry* psycopg2 = kb.find("psycopg2");
  ASSERT_NE(psycopg2, nullptr);
  EXPECT_EQ(psycopg2->status, "replace");
  EXPECT_NE(psycopg2->alternative.find("psycopg2cffi"), std::string::npos);
  EXPECT_EQ(kb.find("greenlet")->kind, "builtin");
  EXPECT_TRUE(kb.find("markupsafe")->fallback);
  EXPECT_EQ(kb.find("not-a-package"), nullptr);
  for (const auto& [name, entry] : kb.entries) {
    EXPECT_FALSE(entry.note.empty()) << name;
    for (const std::string& source : entry.sources) {
      EXPECT_TRUE(source.rfind("https://", 0) == 0 || source.rfind("local: ", 0) == 0)
          << name << ": " << source;
    }
  }
}

TEST(KnowledgeTest, ErrorsNameFileAndLine) {
  auto bad_status = parse_knowledge(
      "[[package]]\nname = \"a\"\nkind = \"pure\"\nstatus = \"works\"\nsources = [\"local: x\"]\n\n"
      "[[package]]\nname = \"b\"\nkind = \"pure\"\nstatus = \"fine\"\nsources = [\"local: x\"]\n",
      "kb.toml");
  ASSERT_FALSE(bad_status.ok());
  EXPECT_EQ(
      bad_status.error().message,
      "kb.toml:7: status 'fine' expected one of works, slower, replace, partial, withdrawn, broken, unknown");
  auto bad_name =
      parse_knowledge("[[package]]\nname = \"Not_Normal\"\nkind = \"pure\"\nstatus = \"works\"\n", "kb.toml");
  ASSERT_FALSE(bad_name.ok());
  EXPECT_EQ(bad_name.error().message,
            "kb.toml:1: name 'Not_Normal' expected a non-empty PEP 503 normalised name");
  auto no_alternative = parse_knowledge(
      "[[package]]\nname = \"x\"\nkind = \"pure\"\nstatus = \"replace\"\nsources = [\"local: y\"]\n",
      "kb.toml");
  ASSERT_FALSE(no_alternative.ok());
  EXPECT_EQ(no_alternative.error().message, "kb.toml:1: status 'replace' expected an alternative");
}

}  // namespace
}  // namespace pypyready::deps
