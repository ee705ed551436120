#include "profile/native_groups.h"

#include <string_view>
#include <unordered_map>

namespace pypyready::profile {
namespace {

// The only table: bench/profile-training.py, which fits the factors, reads each workload's time per
// group from pypyready's own report (prediction.model.std_seconds).
const std::unordered_map<std::string_view, NativeGroup>& table() {
  static const std::unordered_map<std::string_view, NativeGroup> kGroups = [] {
    std::unordered_map<std::string_view, NativeGroup> out;
    // Written in RPython or pure Python on PyPy; the JIT compiles them together with the
    // calling loop, so they often beat CPython's C.
    for (std::string_view name : {"_heapq",
                                  "heapq",
                                  "_collections",
                                  "collections",
                                  "_bisect",
                                  "itertools",
                                  "_operator",
                                  "operator",
                                  "math",
                                  "_struct",
                                  "struct",
                                  "_functools",
                                  "_random",
                                  "random",
                                  "builtins:len",
                                  "builtins:isinstance",
                                  "builtins:dict.get",
                                  "builtins:list.append",
                                  "builtins:abs",
                                  "builtins:min",
                                  "builtins:max",
                                  "builtins:int",
                                  "builtins:float",
                                  "builtins:range",
                                  "builtins:enumerate",
                                  "builtins:zip",
                                  "builtins:list.pop",
                                  "builtins:set.add",
                                  "builtins:bytes",
                                  "builtins:tuple",
                                  "builtins:list",
                                  "builtins:dict",
                                  "builtins:set",
                                  "builtins:str",
                                  "builtins:sum",
                                  "builtins:any",
                                  "builtins:all",
                                  "builtins:map",
                                  "builtins:filter",
                                  "builtins:iter",
                                  "builtins:next"})
      out.emplace(name, NativeGroup::kJit);
    // The regex engine: RPython, with a JIT driver per pattern.
    for (std::string_view name : {"_sre", "re"})
      out.emplace(name, NativeGroup::kRegex);
    // PyPy's timsort compares through generic calls.
    for (std::string_view name : {"builtins:sorted", "builtins:list.sort"})
      out.emplace(name, NativeGroup::kSort);
    // Library code PyPy runs as RPython outside the JIT's view.
    for (std::string_view name :
         {"_json", "json", "_csv", "csv", "_io", "io", "_pickle", "_datetime", "_decimal", "_string"})
      out.emplace(name, NativeGroup::kLibrary);
    // The same C library on both interpreters (zlib, OpenSSL), called through PyPy's bindings.
    for (std::string_view name :
         {"zlib", "_hashlib", "hashlib", "_sha256", "_sha1", "_md5", "_blake2", "binascii", "_bz2", "_lzma"})
      out.emplace(name, NativeGroup::kClib);
    return out;
  }();
  return kGroups;
}

}  // namespace

NativeGroup native_group(const std::string& module, const std::string& callee) {
  const auto& groups = table();
  if (auto found = groups.find(module + ":" + callee); found != groups.end()) return found->second;
  if (auto found = groups.find(module); found != groups.end()) return found->second;
  // str methods other than the cheap ones are library code on PyPy (RPython string functions).
  if (module == "builtins" && callee.starts_with("str.")) return NativeGroup::kLibrary;
  return NativeGroup::kOther;
}

}  // namespace pypyready::profile
