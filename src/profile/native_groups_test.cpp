#include "profile/native_groups.h"

#include <gtest/gtest.h>

namespace pypyready::profile {
namespace {

TEST(NativeGroups, ModulesPyPyCompilesAreJitGroup) {
  EXPECT_EQ(native_group("_heapq", "heappop"), NativeGroup::jit);
  EXPECT_EQ(native_group("_collections", "deque.append"), NativeGroup::jit);
  EXPECT_EQ(native_group("math", "sqrt"), NativeGroup::jit);
  EXPECT_EQ(native_group("re", "Pattern.search"), NativeGroup::regex);
}

TEST(NativeGroups, BuiltinsAreSplitByCallable) {
  EXPECT_EQ(native_group("builtins", "len"), NativeGroup::jit);
  EXPECT_EQ(native_group("builtins", "sorted"), NativeGroup::sort);
  EXPECT_EQ(native_group("builtins", "list.sort"), NativeGroup::sort);
  EXPECT_EQ(native_group("builtins", "str.join"), NativeGroup::library);
  EXPECT_EQ(native_group("builtins", "print"), NativeGroup::other);
}

TEST(NativeGroups, LibrariesAndUnknownModules) {
  EXPECT_EQ(native_group("_json", "Scanner"), NativeGroup::library);
  EXPECT_EQ(native_group("zlib", "compress"), NativeGroup::clib);
  EXPECT_EQ(native_group("_hashlib", ""), NativeGroup::clib);
  EXPECT_EQ(native_group("(interpreter)", ""), NativeGroup::other);
  EXPECT_EQ(native_group("(unresolved)", ""), NativeGroup::other);
  EXPECT_EQ(native_group("heapqx", ""), NativeGroup::other);  // whole names only
}

}  // namespace
}  // namespace pypyready::profile
