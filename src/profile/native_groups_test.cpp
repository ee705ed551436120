#include "profile/native_groups.h"

#include <gtest/gtest.h>

namespace pypyready::profile {
namespace {

TEST(NativeGroups, ModulesPyPyCompilesAreJitGroup) {
  EXPECT_EQ(native_group("_heapq", "heappop"), NativeGroup::kJit);
  EXPECT_EQ(native_group("_collections", "deque.append"), NativeGroup::kJit);
  EXPECT_EQ(native_group("math", "sqrt"), NativeGroup::kJit);
  EXPECT_EQ(native_group("re", "Pattern.search"), NativeGroup::kRegex);
}

TEST(NativeGroups, BuiltinsAreSplitByCallable) {
  EXPECT_EQ(native_group("builtins", "len"), NativeGroup::kJit);
  EXPECT_EQ(native_group("builtins", "sorted"), NativeGroup::kSort);
  EXPECT_EQ(native_group("builtins", "list.sort"), NativeGroup::kSort);
  EXPECT_EQ(native_group("builtins", "str.join"), NativeGroup::kLibrary);
  EXPECT_EQ(native_group("builtins", "print"), NativeGroup::kOther);
}

TEST(NativeGroups, LibrariesAndUnknownModules) {
  EXPECT_EQ(native_group("_json", "Scanner"), NativeGroup::kLibrary);
  EXPECT_EQ(native_group("zlib", "compress"), NativeGroup::kClib);
  EXPECT_EQ(native_group("_hashlib", ""), NativeGroup::kClib);
  EXPECT_EQ(native_group("(interpreter)", ""), NativeGroup::kOther);
  EXPECT_EQ(native_group("(unresolved)", ""), NativeGroup::kOther);
  EXPECT_EQ(native_group("heapqx", ""), NativeGroup::kOther);  // whole names only
}

}  // namespace
}  // namespace pypyready::profile
