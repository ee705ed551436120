#include "scan/registry.h"

#include <array>

#include "scan/rules/rules.h"

namespace pypyready::scan {
namespace {

using namespace rules;  // NOLINT(google-build-using-namespace): the table reads better unqualified

const std::array kRegistry{
    RuleEntry{&kWriteOnUnclosedTemporaryFile, make_write_on_unclosed_temporary_file},
    RuleEntry{&kReadOnUnclosedTemporaryFile, make_read_on_unclosed_temporary_file},
    RuleEntry{&kFileHandleNeverClosed, make_file_handle_never_closed},
    RuleEntry{&kOtherResourceNeverClosed, make_other_resource_never_closed},
    RuleEntry{&kGeneratorWithCleanupAbandoned, make_generator_with_cleanup_abandoned},
    RuleEntry{&kCleanupReliesOnDel, make_cleanup_relies_on_del},
    RuleEntry{&kDelAddedAfterClassCreation, make_del_added_after_class_creation},
    RuleEntry{&kWeakrefLivenessAssumption, make_weakref_liveness_assumption},
    RuleEntry{&kGcDisableSemantics, make_gc_disable_semantics},
    RuleEntry{&kCpythonOnlySysApi, make_cpython_only_sys_api},
    RuleEntry{&kSysGetsizeof, make_sys_getsizeof},
    RuleEntry{&kCpythonOnlyGcApi, make_cpython_only_gc_api},
    RuleEntry{&kGcIntrospectionSemantics, make_gc_introspection_semantics},
    RuleEntry{&kTracemalloc, make_tracemalloc},
    RuleEntry{&kMemoryAssumptions, make_memory_assumptions},
    RuleEntry{&kIdentityComparisonWithValue, make_identity_comparison_with_value},
    RuleEntry{&kIdBasedIdentity, make_id_based_identity},
    RuleEntry{&kNanIdentityInContainers, make_nan_identity_in_containers},
    RuleEntry{&kHashValuePersistence, make_hash_value_persistence},
    RuleEntry{&kSetIterationOrder, make_set_iteration_order},
    RuleEntry{&kInstanceDictOrder, make_instance_dict_order},
    RuleEntry{&kFrameIntrospectionInHotCode, make_frame_introspection_in_hot_code},
    RuleEntry{&kTraceAndProfileHooks, make_trace_and_profile_hooks},
    RuleEntry{&kCtypesCpythonInternals, make_ctypes_cpython_internals},
    RuleEntry{&kBuiltinsDictVsModule, make_builtins_dict_vs_module},
    RuleEntry{&kRecursionLimitSemantics, make_recursion_limit_semantics},
    RuleEntry{&kNonStringNamespaceKeys, make_non_string_namespace_keys},
    RuleEntry{&kDictSubclassAsNamespace, make_dict_subclass_as_namespace},
    RuleEntry{&kBuiltinCallableIntrospection, make_builtin_callable_introspection},
    RuleEntry{&kBytecodeIntrospection, make_bytecode_introspection},
    RuleEntry{&kCpythonOnlyStdlibModule, make_cpython_only_stdlib_module},
    RuleEntry{&kLocalsGlobalsExecInHotCode, make_locals_globals_exec_in_hot_code},
    RuleEntry{&kCpythonCExtensionSource, nullptr, make_cpython_c_extension_source},
    RuleEntry{&kPrebuiltCpythonBinaries, nullptr, make_prebuilt_cpython_binaries},
    RuleEntry{&kCtypesInHotPath, make_ctypes_in_hot_path},
    RuleEntry{&kStringConcatInLoop, make_string_concat_in_loop},
    RuleEntry{&kImplementationSpecificBranch, make_implementation_specific_branch},
    RuleEntry{&kForkAndWorkerMemory, make_fork_and_worker_memory},
    RuleEntry{&kCythonSources, nullptr, make_cython_sources},
    RuleEntry{&kNewerThanTargetPython, make_newer_than_target_python},
    RuleEntry{&kRequiresPythonExcludesTarget, nullptr, make_requires_python_excludes_target},
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
