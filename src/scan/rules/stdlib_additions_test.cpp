// The indexed look-ups over the standard-library additions agree with the table they index, and
// the last-component test used to dismiss names before resolving them.

#include "scan/rules/stdlib_additions.h"

#include <gtest/gtest.h>

#include "scan/rules/rule_helpers.h"

namespace pypyready::scan::rules {
namespace {

TEST(StdlibAdditions, EveryListedNameIsFoundAsTheFirstEntryOfThatName) {
  for (const StdlibAddition& addition : stdlib_additions()) {
    const StdlibAddition* found = find_stdlib_addition(addition.name);
    ASSERT_NE(found, nullptr) << addition.name;
    EXPECT_EQ(found->name, addition.name);
    const StdlibAddition* first = nullptr;
    for (const StdlibAddition& each : stdlib_additions()) {
      if (each.name == addition.name) {
        first = &each;
        break;
      }
    }
    EXPECT_EQ(found, first) << addition.name;
    std::string_view tail = addition.name.substr(addition.name.rfind('.') + 1);
    EXPECT_TRUE(stdlib_addition_tail_listed(tail)) << addition.name;
  }
}

TEST(StdlibAdditions, LooksUpOnlyWholeQualifiedNames) {
  const StdlibAddition* pairwise = find_stdlib_addition("itertools.pairwise");
  ASSERT_NE(pairwise, nullptr);
  EXPECT_EQ(pairwise->version, (PythonVersion{3, 10}));
  EXPECT_EQ(find_stdlib_addition("pairwise"), nullptr);
  EXPECT_EQ(find_stdlib_addition("itertools.pairwis"), nullptr);
  EXPECT_EQ(find_stdlib_addition("more_itertools.pairwise"), nullptr);
}

TEST(StdlibAdditions, TailsAndRootsAreWholeComponents) {
  EXPECT_TRUE(stdlib_addition_tail_listed("pairwise"));
  EXPECT_TRUE(stdlib_addition_tail_listed("aiter"));
  EXPECT_FALSE(stdlib_addition_tail_listed("pair"));
  EXPECT_FALSE(stdlib_addition_tail_listed("itertools.pairwise"));
  EXPECT_FALSE(stdlib_addition_tail_listed(""));
  EXPECT_TRUE(stdlib_addition_root_listed("itertools"));
  EXPECT_TRUE(stdlib_addition_root_listed("zoneinfo"));
  EXPECT_FALSE(stdlib_addition_root_listed("builtins"));  // builtins are never imported
  EXPECT_FALSE(stdlib_addition_root_listed("iter"));
}

TEST(StdlibAdditions, TheInlinePreCheckKeepsEveryTailAndDropsCommonNames) {
  for (const StdlibAddition& addition : stdlib_additions()) {
    std::string_view tail = addition.name.substr(addition.name.rfind('.') + 1);
    EXPECT_TRUE(stdlib_addition_tail_may_be_listed(tail)) << addition.name;
  }
  // The look-up past the pre-check answers as before for names that pass it and names that do not.
  for (std::string_view name : {"self", "Self", "join", "pairwise", "pairwisE", "x", "", "__init__", "cache",
                                "cachE", "timeout", "exception", "append", "dumps"}) {
    if (!stdlib_addition_tail_may_be_listed(name)) {
      EXPECT_FALSE(stdlib_addition_tail_listed(name)) << name;
    }
  }
  EXPECT_FALSE(stdlib_addition_tail_may_be_listed("self"));  // "Self" is listed, `self` is everywhere
  EXPECT_FALSE(stdlib_addition_tail_may_be_listed("append"));
  EXPECT_FALSE(stdlib_addition_tail_may_be_listed(""));
}

TEST(StdlibAdditions, KeywordAndMethodPreChecksKeepEveryListedName) {
  for (const KeywordAddition& addition : keyword_additions())
    EXPECT_TRUE(keyword_addition_may_be_named(addition.keyword)) << addition.keyword;
  for (const MethodAddition& addition : method_additions())
    EXPECT_TRUE(method_addition_may_be_named(addition.method)) << addition.method;
  EXPECT_FALSE(keyword_addition_may_be_named(""));  // `**kwargs`
  EXPECT_FALSE(keyword_addition_may_be_named("stricter"));
  EXPECT_FALSE(method_addition_may_be_named("append"));
  EXPECT_FALSE(method_addition_may_be_named("removeprefi"));
}

TEST(LastComponentIs, MatchesOnlyAfterADotOrTheWholeName) {
  EXPECT_TRUE(last_component_is("weakref.ref", "ref"));
  EXPECT_TRUE(last_component_is("ref", "ref"));
  EXPECT_TRUE(last_component_is("a.b.ref", "ref"));
  EXPECT_FALSE(last_component_is("weakref.proxyref", "ref"));
  EXPECT_FALSE(last_component_is("weakref", "ref"));
  EXPECT_FALSE(last_component_is("weakref.ref", "weakref.ref"));  // a component holds no '.'
  EXPECT_FALSE(last_component_is("re", "ref"));
}

}  // namespace
}  // namespace pypyready::scan::rules
