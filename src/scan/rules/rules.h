#pragma once
// Every rule's info and factory, one pair per file in this folder (listed by code).

#include <memory>

#include "scan/rule.h"

namespace pypyready::scan::rules {

extern const RuleInfo kWriteOnUnclosedTemporaryFile;  // PPY001
std::unique_ptr<Rule> make_write_on_unclosed_temporary_file();
extern const RuleInfo kReadOnUnclosedTemporaryFile;  // PPY002
std::unique_ptr<Rule> make_read_on_unclosed_temporary_file();
extern const RuleInfo kCleanupReliesOnDel;  // PPY006
std::unique_ptr<Rule> make_cleanup_relies_on_del();
extern const RuleInfo kDelAddedAfterClassCreation;  // PPY007
std::unique_ptr<Rule> make_del_added_after_class_creation();
extern const RuleInfo kCpythonOnlySysApi;  // PPY010
std::unique_ptr<Rule> make_cpython_only_sys_api();
extern const RuleInfo kSysGetsizeof;  // PPY011
std::unique_ptr<Rule> make_sys_getsizeof();
extern const RuleInfo kCpythonOnlyGcApi;  // PPY012
std::unique_ptr<Rule> make_cpython_only_gc_api();
extern const RuleInfo kTracemalloc;  // PPY014
std::unique_ptr<Rule> make_tracemalloc();
extern const RuleInfo kIdentityComparisonWithValue;  // PPY016
std::unique_ptr<Rule> make_identity_comparison_with_value();
extern const RuleInfo kFrameIntrospectionInHotCode;  // PPY022
std::unique_ptr<Rule> make_frame_introspection_in_hot_code();
extern const RuleInfo kCtypesCpythonInternals;  // PPY024
std::unique_ptr<Rule> make_ctypes_cpython_internals();
extern const RuleInfo kCpythonOnlyStdlibModule;  // PPY031
std::unique_ptr<Rule> make_cpython_only_stdlib_module();

}  // namespace pypyready::scan::rules
