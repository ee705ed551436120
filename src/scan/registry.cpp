#include "scan/registry.h"

#include <array>

#include "scan/rules/rules.h"

namespace pypyready::scan {
namespace {

using namespace rules;  // NOLINT(google-build-using-namespace): the table reads better unqualified

const std::array kRegistry{
    RuleEntry{&kWriteOnUnclosedTemporaryFile, make_write_on_unclosed_temporary_file},
    RuleEntry{&kReadOnUnclosedTemporaryFile, make_read_on_unclosed_temporary_file},
    RuleEntry{&kCleanupReliesOnDel, make_cleanup_relies_on_del},
    RuleEntry{&kDelAddedAfterClassCreation, make_del_added_after_class_creation},
    RuleEntry{&kCpythonOnlySysApi, make_cpython_only_sys_api},
    RuleEntry{&kSysGetsizeof, make_sys_getsizeof},
    RuleEntry{&kCpythonOnlyGcApi, make_cpython_only_gc_api},
    RuleEntry{&kTracemalloc, make_tracemalloc},
    RuleEntry{&kIdentityComparisonWithValue, make_identity_comparison_with_value},
    RuleEntry{&kFrameIntrospectionInHotCode, make_frame_introspection_in_hot_code},
    RuleEntry{&kCtypesCpythonInternals, make_ctypes_cpython_internals},
    RuleEntry{&kCpythonOnlyStdlibModule, make_cpython_only_stdlib_module},
};

}  // namespace

std::span<const RuleEntry> rule_registry() {
  return kRegistry;
}

const RuleEntry* find_rule(std::string_view code) {
  for (const RuleEntry& entry : kRegistry) {
    if (entry.info->code == code || entry.info->name == code) return &entry;
  }
  return nullptr;
}

}  // namespace pypyready::scan
