#pragma once
// Every rule's info and factory, one pair per file in this folder (listed by code).

#include <memory>

#include "scan/rule.h"

namespace pypyready::scan::rules {

extern const RuleInfo kWriteOnUnclosedTemporaryFile;  // PPY001
std::unique_ptr<Rule> make_write_on_unclosed_temporary_file();
extern const RuleInfo kReadOnUnclosedTemporaryFile;  // PPY002
std::unique_ptr<Rule> make_read_on_unclosed_temporary_file();
extern const RuleInfo kFileHandleNeverClosed;  // PPY003
std::unique_ptr<Rule> make_file_handle_never_closed();
extern const RuleInfo kOtherResourceNeverClosed;  // PPY004
std::unique_ptr<Rule> make_other_resource_never_closed();
extern const RuleInfo kGeneratorWithCleanupAbandoned;  // PPY005
std::unique_ptr<Rule> make_generator_with_cleanup_abandoned();
extern const RuleInfo kCleanupReliesOnDel;  // PPY006
std::unique_ptr<Rule> make_cleanup_relies_on_del();
extern const RuleInfo kDelAddedAfterClassCreation;  // PPY007
std::unique_ptr<Rule> make_del_added_after_class_creation();
extern const RuleInfo kWeakrefLivenessAssumption;  // PPY008
std::unique_ptr<Rule> make_weakref_liveness_assumption();
extern const RuleInfo kGcDisableSemantics;  // PPY009
std::unique_ptr<Rule> make_gc_disable_semantics();
extern const RuleInfo kCpythonOnlySysApi;  // PPY010
std::unique_ptr<Rule> make_cpython_only_sys_api();
extern const RuleInfo kSysGetsizeof;  // PPY011
std::unique_ptr<Rule> make_sys_getsizeof();
extern const RuleInfo kCpythonOnlyGcApi;  // PPY012
std::unique_ptr<Rule> make_cpython_only_gc_api();
extern const RuleInfo kGcIntrospectionSemantics;  // PPY013
std::unique_ptr<Rule> make_gc_introspection_semantics();
extern const RuleInfo kTracemalloc;  // PPY014
std::unique_ptr<Rule> make_tracemalloc();
extern const RuleInfo kMemoryAssumptions;  // PPY015
std::unique_ptr<Rule> make_memory_assumptions();
extern const RuleInfo kIdentityComparisonWithValue;  // PPY016
std::unique_ptr<Rule> make_identity_comparison_with_value();
extern const RuleInfo kIdBasedIdentity;  // PPY017
std::unique_ptr<Rule> make_id_based_identity();
extern const RuleInfo kNanIdentityInContainers;  // PPY018
std::unique_ptr<Rule> make_nan_identity_in_containers();
extern const RuleInfo kHashValuePersistence;  // PPY019
std::unique_ptr<Rule> make_hash_value_persistence();
extern const RuleInfo kSetIterationOrder;  // PPY020
std::unique_ptr<Rule> make_set_iteration_order();
extern const RuleInfo kInstanceDictOrder;  // PPY021
std::unique_ptr<Rule> make_instance_dict_order();
extern const RuleInfo kFrameIntrospectionInHotCode;  // PPY022
std::unique_ptr<Rule> make_frame_introspection_in_hot_code();
extern const RuleInfo kTraceAndProfileHooks;  // PPY023
std::unique_ptr<Rule> make_trace_and_profile_hooks();
extern const RuleInfo kCtypesCpythonInternals;  // PPY024
std::unique_ptr<Rule> make_ctypes_cpython_internals();
extern const RuleInfo kBuiltinsDictVsModule;  // PPY025
std::unique_ptr<Rule> make_builtins_dict_vs_module();
extern const RuleInfo kRecursionLimitSemantics;  // PPY026
std::unique_ptr<Rule> make_recursion_limit_semantics();
extern const RuleInfo kNonStringNamespaceKeys;  // PPY027
std::unique_ptr<Rule> make_non_string_namespace_keys();
extern const RuleInfo kDictSubclassAsNamespace;  // PPY028
std::unique_ptr<Rule> make_dict_subclass_as_namespace();
extern const RuleInfo kBuiltinCallableIntrospection;  // PPY029
std::unique_ptr<Rule> make_builtin_callable_introspection();
extern const RuleInfo kBytecodeIntrospection;  // PPY030
std::unique_ptr<Rule> make_bytecode_introspection();
extern const RuleInfo kCpythonOnlyStdlibModule;  // PPY031
std::unique_ptr<Rule> make_cpython_only_stdlib_module();
extern const RuleInfo kLocalsGlobalsExecInHotCode;  // PPY032
std::unique_ptr<Rule> make_locals_globals_exec_in_hot_code();
extern const RuleInfo kCpythonCExtensionSource;  // PPY033 (file rule)
std::unique_ptr<FileRule> make_cpython_c_extension_source();
extern const RuleInfo kPrebuiltCpythonBinaries;  // PPY034 (file rule)
std::unique_ptr<FileRule> make_prebuilt_cpython_binaries();
extern const RuleInfo kCtypesInHotPath;  // PPY035
std::unique_ptr<Rule> make_ctypes_in_hot_path();
extern const RuleInfo kStringConcatInLoop;  // PPY036
std::unique_ptr<Rule> make_string_concat_in_loop();
extern const RuleInfo kImplementationSpecificBranch;  // PPY037
std::unique_ptr<Rule> make_implementation_specific_branch();
extern const RuleInfo kForkAndWorkerMemory;  // PPY038
std::unique_ptr<Rule> make_fork_and_worker_memory();
extern const RuleInfo kCythonSources;  // PPY039 (file rule)
std::unique_ptr<FileRule> make_cython_sources();
extern const RuleInfo kNewerThanTargetPython;  // PPY040
std::unique_ptr<Rule> make_newer_than_target_python();
extern const RuleInfo kRequiresPythonExcludesTarget;  // PPY041 (file rule)
std::unique_ptr<FileRule> make_requires_python_excludes_target();

}  // namespace pypyready::scan::rules
