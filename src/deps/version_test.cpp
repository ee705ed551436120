#include "deps/version.h"

#include <gtest/gtest.h>

#include "deps/name.h"
#include "deps/specifier.h"

namespace pypyready::deps {
namespace {

Version v(std::string_view text) {
  auto parsed = Version::parse(text);
  EXPECT_TRUE(parsed.ok()) << text << ": " << (parsed.ok() ? "" : parsed.error().message);
  return parsed.ok() ? *parsed : Version{};
}

bool satisfies(std::string_view version, std::string_view specifiers, bool pre = false) {
  auto set = SpecifierSet::parse(specifiers);
  EXPECT_TRUE(set.ok()) << specifiers;
  return set.ok() && set->contains(v(version), pre);
}

TEST(NameTest, NormalisesRunsOfSeparators) {
  EXPECT_EQ(normalize_name("Foo.Bar__baz"), "foo-bar-baz");
  EXPECT_EQ(normalize_name("zope_interface"), "zope-interface");
  EXPECT_EQ(normalize_name("PyYAML"), "pyyaml");
  EXPECT_TRUE(is_valid_name("a.b-c_d"));
  EXPECT_FALSE(is_valid_name("-leading"));
  EXPECT_FALSE(is_valid_name("sp ace"));
}

TEST(VersionTest, NormalisesSpellings) {
  EXPECT_EQ(v("1.0").to_string(), "1.0");
  EXPECT_EQ(v("v1.0-ALPHA.1").to_string(), "1.0a1");
  EXPECT_EQ(v("1.0c2").to_string(), "1.0rc2");
  EXPECT_EQ(v("1.0preview").to_string(), "1.0rc0");
  EXPECT_EQ(v("1.0-1").to_string(), "1.0.post1");
  EXPECT_EQ(v("1.0.rev3").to_string(), "1.0.post3");
  EXPECT_EQ(v("2!1.0.dev4").to_string(), "2!1.0.dev4");
  EXPECT_EQ(v("1.0+Ubuntu-1").to_string(), "1.0+ubuntu.1");
  EXPECT_EQ(v("007.01").to_string(), "7.1");
}

TEST(VersionTest, RejectsGarbageWithPosition) {
  auto bad = Version::parse("1.0xyz");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(
      bad.error().message,
      "invalid version '1.0xyz' at character 4: expected the end of the version (pre, post, dev or +local)");
  EXPECT_FALSE(Version::parse("").ok());
  EXPECT_FALSE(Version::parse("1.0+").ok());
}

TEST(VersionTest, OrdersAsPep440) {
  const char* ordered[] = {"1.0.dev1", "1.0a1.dev1", "1.0a1",          "1.0a2",     "1.0b1", "1.0rc1",
                           "1.0",      "1.0+local",  "1.0.post1.dev1", "1.0.post1", "1.1",   "1!0.1"};
  for (std::size_t i = 0; i + 1 < std::size(ordered); ++i) {
    EXPECT_LT(v(ordered[i]), v(ordered[i + 1])) << ordered[i] << " < " << ordered[i + 1];
  }
  EXPECT_EQ(v("1.0"), v("1.0.0"));
  EXPECT_LT(v("1.0+abc"), v("1.0+5"));
}

TEST(SpecifierTest, ComparisonOperators) {
  EXPECT_TRUE(satisfies("1.5", ">=1.2,<2"));
  EXPECT_FALSE(satisfies("2.0", ">=1.2,<2"));
  EXPECT_TRUE(satisfies("1.4.7", "==1.4.*"));
  EXPECT_FALSE(satisfies("1.5", "==1.4.*"));
  EXPECT_TRUE(satisfies("1.5", "!=1.4.*"));
  EXPECT_TRUE(satisfies("2.2.3", "~=2.2"));
  EXPECT_FALSE(satisfies("3.0", "~=2.2"));
  EXPECT_FALSE(satisfies("1.4.6", "~=1.4.7"));
  EXPECT_TRUE(satisfies("1.0+local", "==1.0"));
  auto arbitrary = Specifier::parse("===1.0");
  ASSERT_TRUE(arbitrary.ok());
  EXPECT_TRUE(arbitrary->contains(v("1.0")));
  EXPECT_FALSE(arbitrary->contains(v("1.0.0")));  // string identity, not version equality
}

TEST(SpecifierTest, PreAndPostReleaseRules) {
  EXPECT_FALSE(satisfies("1.7rc1", "<1.7"));
  EXPECT_FALSE(satisfies("1.7rc1", "<1.7", true));  // a pre-release of 1.7 is never below `<1.7`
  EXPECT_TRUE(satisfies("1.6rc1", "<1.7", true));
  EXPECT_FALSE(satisfies("1.7.post1", ">1.7"));
  EXPECT_TRUE(satisfies("1.7.1", ">1.7"));
  EXPECT_FALSE(satisfies("2.0b1", ">=1.0"));
  EXPECT_TRUE(satisfies("2.0b1", ">=1.0", true));
  EXPECT_TRUE(satisfies("2.0b2", ">=2.0b1"));
}

TEST(SpecifierTest, ErrorsSayWhatWasExpected) {
  auto missing_op = SpecifierSet::parse("1.0");
  ASSERT_FALSE(missing_op.ok());
  EXPECT_NE(missing_op.error().message.find("expected an operator"), std::string::npos);
  auto compat = SpecifierSet::parse("~=1");
  ASSERT_FALSE(compat.ok());
  EXPECT_NE(compat.error().message.find("at least two release numbers"), std::string::npos);
  EXPECT_FALSE(SpecifierSet::parse(">=1,,<2").ok());
  EXPECT_FALSE(SpecifierSet::parse(">=1.*").ok());
}

}  // namespace
}  // namespace pypyready::deps
