#include "scan/rules/stdlib_additions.h"

#include <array>
#include <bit>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace pypyready::scan::rules {
namespace {

constexpr PythonVersion k38{3, 8}, k39{3, 9}, k310{3, 10}, k311{3, 11}, k312{3, 12}, k313{3, 13};

constexpr std::array kAdditions{
    // 3.8
    StdlibAddition{"importlib.metadata", k38},
    StdlibAddition{"multiprocessing.shared_memory", k38},
    StdlibAddition{"functools.cached_property", k38},
    StdlibAddition{"functools.singledispatchmethod", k38},
    StdlibAddition{"math.prod", k38},
    StdlibAddition{"math.isqrt", k38},
    StdlibAddition{"math.dist", k38},
    StdlibAddition{"math.comb", k38},
    StdlibAddition{"math.perm", k38},
    StdlibAddition{"statistics.fmean", k38},
    StdlibAddition{"statistics.NormalDist", k38},
    StdlibAddition{"shlex.join", k38},
    StdlibAddition{"typing.Literal", k38},
    StdlibAddition{"typing.Final", k38},
    StdlibAddition{"typing.Protocol", k38},
    StdlibAddition{"typing.TypedDict", k38},
    StdlibAddition{"typing.get_origin", k38},
    StdlibAddition{"typing.get_args", k38},
    // 3.9
    StdlibAddition{"zoneinfo", k39},
    StdlibAddition{"graphlib", k39},
    StdlibAddition{"math.lcm", k39},
    StdlibAddition{"math.nextafter", k39},
    StdlibAddition{"math.ulp", k39},
    StdlibAddition{"functools.cache", k39},
    StdlibAddition{"typing.Annotated", k39},
    StdlibAddition{"random.randbytes", k39},
    StdlibAddition{"asyncio.to_thread", k39},
    StdlibAddition{"ast.unparse", k39},
    StdlibAddition{"os.waitstatus_to_exitcode", k39},
    StdlibAddition{"os.pidfd_open", k39},
    StdlibAddition{"builtins.str.removeprefix", k39},
    StdlibAddition{"builtins.str.removesuffix", k39},
    // 3.10
    StdlibAddition{"itertools.pairwise", k310},
    StdlibAddition{"builtins.aiter", k310},
    StdlibAddition{"builtins.anext", k310},
    StdlibAddition{"builtins.EncodingWarning", k310},
    StdlibAddition{"builtins.int.bit_count", k310},
    StdlibAddition{"dataclasses.KW_ONLY", k310},
    StdlibAddition{"typing.TypeAlias", k310},
    StdlibAddition{"typing.ParamSpec", k310},
    StdlibAddition{"typing.Concatenate", k310},
    StdlibAddition{"typing.TypeGuard", k310},
    StdlibAddition{"typing.is_typeddict", k310},
    StdlibAddition{"contextlib.aclosing", k310},
    StdlibAddition{"inspect.get_annotations", k310},
    StdlibAddition{"sys.orig_argv", k310},
    StdlibAddition{"sys.stdlib_module_names", k310},
    StdlibAddition{"os.eventfd", k310},
    StdlibAddition{"statistics.correlation", k310},
    StdlibAddition{"statistics.covariance", k310},
    StdlibAddition{"statistics.linear_regression", k310},
    // 3.11
    StdlibAddition{"tomllib", k311},
    StdlibAddition{"wsgiref.types", k311},
    StdlibAddition{"builtins.ExceptionGroup", k311},
    StdlibAddition{"builtins.BaseExceptionGroup", k311},
    StdlibAddition{"contextlib.chdir", k311},
    StdlibAddition{"datetime.UTC", k311},
    StdlibAddition{"typing.Self", k311},
    StdlibAddition{"typing.LiteralString", k311},
    StdlibAddition{"typing.Never", k311},
    StdlibAddition{"typing.assert_never", k311},
    StdlibAddition{"typing.assert_type", k311},
    StdlibAddition{"typing.reveal_type", k311},
    StdlibAddition{"typing.dataclass_transform", k311},
    StdlibAddition{"typing.Required", k311},
    StdlibAddition{"typing.NotRequired", k311},
    StdlibAddition{"typing.Unpack", k311},
    StdlibAddition{"typing.TypeVarTuple", k311},
    StdlibAddition{"enum.StrEnum", k311},
    StdlibAddition{"enum.ReprEnum", k311},
    StdlibAddition{"enum.verify", k311},
    StdlibAddition{"enum.member", k311},
    StdlibAddition{"enum.nonmember", k311},
    StdlibAddition{"enum.global_enum", k311},
    StdlibAddition{"asyncio.TaskGroup", k311},
    StdlibAddition{"asyncio.timeout", k311},
    StdlibAddition{"asyncio.timeout_at", k311},
    StdlibAddition{"asyncio.Runner", k311},
    StdlibAddition{"asyncio.Barrier", k311},
    StdlibAddition{"hashlib.file_digest", k311},
    StdlibAddition{"operator.call", k311},
    StdlibAddition{"math.exp2", k311},
    StdlibAddition{"math.cbrt", k311},
    StdlibAddition{"logging.getLevelNamesMapping", k311},
    StdlibAddition{"sys.exception", k311},
    // 3.12
    StdlibAddition{"itertools.batched", k312},
    StdlibAddition{"typing.override", k312},
    StdlibAddition{"typing.TypeAliasType", k312},
    StdlibAddition{"typing.get_original_bases", k312},
    StdlibAddition{"collections.abc.Buffer", k312},
    StdlibAddition{"os.path.splitroot", k312},
    StdlibAddition{"math.sumprod", k312},
    StdlibAddition{"sys.monitoring", k312},
    StdlibAddition{"calendar.Month", k312},
    StdlibAddition{"calendar.Day", k312},
    // 3.13
    StdlibAddition{"copy.replace", k313},
    StdlibAddition{"warnings.deprecated", k313},
    StdlibAddition{"typing.ReadOnly", k313},
    StdlibAddition{"typing.TypeIs", k313},
    StdlibAddition{"typing.NoDefault", k313},
    StdlibAddition{"typing.get_protocol_members", k313},
    StdlibAddition{"typing.is_protocol", k313},
    StdlibAddition{"math.fma", k313},
    StdlibAddition{"os.process_cpu_count", k313},
    StdlibAddition{"base64.z85encode", k313},
    StdlibAddition{"base64.z85decode", k313},
    StdlibAddition{"dbm.sqlite3", k313},
    StdlibAddition{"builtins.PythonFinalizationError", k313},
};

constexpr std::array kKeywords{
    KeywordAddition{"builtins.zip", "strict", k310},
    KeywordAddition{"dataclasses.dataclass", "slots", k310},
    KeywordAddition{"dataclasses.dataclass", "kw_only", k310},
    KeywordAddition{"dataclasses.dataclass", "match_args", k310},
    KeywordAddition{"dataclasses.dataclass", "weakref_slot", k311},
    KeywordAddition{"dataclasses.field", "kw_only", k310},
    KeywordAddition{"bisect.bisect", "key", k310},
    KeywordAddition{"bisect.bisect_left", "key", k310},
    KeywordAddition{"bisect.bisect_right", "key", k310},
    KeywordAddition{"bisect.insort", "key", k310},
    KeywordAddition{"bisect.insort_left", "key", k310},
    KeywordAddition{"bisect.insort_right", "key", k310},
    KeywordAddition{"random.sample", "counts", k39},
    KeywordAddition{"logging.basicConfig", "encoding", k39},
    KeywordAddition{"hashlib.md5", "usedforsecurity", k39},
    KeywordAddition{"hashlib.sha1", "usedforsecurity", k39},
    KeywordAddition{"hashlib.new", "usedforsecurity", k39},
    KeywordAddition{"itertools.batched", "strict", k313},
};

constexpr std::array kMethods{
    MethodAddition{"removeprefix", 1, "str.removeprefix", k39},
    MethodAddition{"removesuffix", 1, "str.removesuffix", k39},
    MethodAddition{"is_relative_to", 1, "pathlib.PurePath.is_relative_to", k39},
    MethodAddition{"with_stem", 1, "pathlib.PurePath.with_stem", k39},
    MethodAddition{"bit_count", 0, "int.bit_count", k310},
    MethodAddition{"add_note", 1, "BaseException.add_note", k311},
};

// The additions' last dotted components, repeats included.
constexpr auto kTails = [] {
  std::array<std::string_view, kAdditions.size()> tails{};
  for (std::size_t i = 0; i < tails.size(); ++i)
    tails[i] = kAdditions[i].name.substr(kAdditions[i].name.rfind('.') + 1);
  return tails;
}();

std::size_t tail_hash(std::string_view tail) {
  std::size_t key = tail.size();
  key = key * 131 + static_cast<unsigned char>(tail.front());
  key = key * 131 + static_cast<unsigned char>(tail.back());
  key = key * 131 + static_cast<unsigned char>(tail[tail.size() / 2]);
  return (key * 0x9E3779B97F4A7C15ull) >> 24;
}

// The slot holding `tail`, or the free slot where it would go.
std::size_t tail_slot(const std::vector<std::string_view>& table, std::string_view tail) {
  std::size_t slot = tail_hash(tail) & (table.size() - 1);
  while (!table[slot].empty() && table[slot] != tail)
    slot = (slot + 1) & (table.size() - 1);
  return slot;
}

void add_tail(std::vector<std::string_view>& table, std::string_view tail) {
  if (tail.empty()) return;  // no listed name ends with a dot
  if (table.empty()) table.assign(std::bit_ceil(kAdditions.size() * 2), std::string_view{});
  table[tail_slot(table, tail)] = tail;
}

bool has_tail(const std::vector<std::string_view>& table, std::string_view tail) {
  return !tail.empty() && !table.empty() && !table[tail_slot(table, tail)].empty();
}

struct AdditionIndex {
  std::unordered_map<std::string_view, const StdlibAddition*> by_name;
  // The distinct tails in an open-addressing table (a power of two in size, at most half full,
  // "" for a free slot): hashing three bytes costs less than std::hash over the whole name.
  std::vector<std::string_view> tails;
  std::unordered_set<std::string_view> roots;
};

const AdditionIndex& addition_index() {
  static const AdditionIndex index = [] {
    AdditionIndex built;
    for (const StdlibAddition& addition : kAdditions) {
      built.by_name.emplace(addition.name, &addition);  // keeps the first of a repeated name
      add_tail(built.tails, addition.name.substr(addition.name.rfind('.') + 1));
      if (!addition.name.starts_with("builtins."))
        built.roots.insert(addition.name.substr(0, addition.name.find('.')));
    }
    return built;
  }();
  return index;
}

}  // namespace

// Constant-initialised: asked before any other look-up, with no guard for a first use.
constinit const NameShapes detail::kStdlibAdditionTailShapes{kTails};
constinit const NameShapes detail::kKeywordAdditionShapes{[] {
  std::array<std::string_view, kKeywords.size()> keywords{};
  for (std::size_t i = 0; i < keywords.size(); ++i)
    keywords[i] = kKeywords[i].keyword;
  return keywords;
}()};
constinit const NameShapes detail::kMethodAdditionShapes{[] {
  std::array<std::string_view, kMethods.size()> methods{};
  for (std::size_t i = 0; i < methods.size(); ++i)
    methods[i] = kMethods[i].method;
  return methods;
}()};

const StdlibAddition* find_stdlib_addition(std::string_view qualified) {
  const AdditionIndex& index = addition_index();
  auto found = index.by_name.find(qualified);
  return found == index.by_name.end() ? nullptr : found->second;
}

bool stdlib_addition_tail_listed(std::string_view last) {
  return stdlib_addition_tail_may_be_listed(last) && has_tail(addition_index().tails, last);
}

bool stdlib_addition_root_listed(std::string_view root) {
  return addition_index().roots.contains(root);
}

std::span<const StdlibAddition> stdlib_additions() {
  return kAdditions;
}

std::span<const KeywordAddition> keyword_additions() {
  return kKeywords;
}

std::span<const MethodAddition> method_additions() {
  return kMethods;
}

}  // namespace pypyready::scan::rules
