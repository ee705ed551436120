// PPY019 hash-value-persistence: hash() values that leave the process or are expected to be stable.
#include <fmt/format.h>

#include <algorithm>

#include "scan/rules/code_context.h"
#include "scan/rules/rule_helpers.h"
#include "scan/rules/rules.h"

namespace pypyready::scan::rules {

const RuleInfo kHashValuePersistence{
    .code = "PPY019",
    .name = "hash-value-persistence",
    .severity = Severity::kWarning,
    .fix = FixAvailability::kNone,
    .doc = {
        .what =
            "Finds hash() results used for sharding (`hash(k) % n`, `hash(k) & mask`), hashes of strings "
            "or bytes compared with number literals (also in assertEqual), hash() written or serialised "
            "(write, json, pickle, marshal, struct, execute) or used as a random seed; and PYTHONHASHSEED "
            "set to a fixed value. hash() inside `__hash__`, of numbers, and reading or removing "
            "PYTHONHASHSEED are not reported.",
        .why = "String and bytes hashes are randomised on both interpreters, and even with a fixed "
               "PYTHONHASHSEED PyPy and CPython compute different values, so shards, caches, seeds and test "
               "expectations built on them change with the interpreter (PYTHONHASHSEED=0, `hash('abc')`: "
               "CPython -4594863902769663758, PyPy 7.3.11 4596069200710135518). Hashes of ints, floats, "
               "tuples and frozensets of numbers are the same on both.",
        .source = "https://doc.pypy.org/en/latest/cpython_differences.html#miscellaneous",
        .example = "shard = hash(user_id) % len(shards)",
        .use_instead = "shard = zlib.crc32(user_id.encode()) % len(shards)",
    }};

namespace {

constexpr std::string_view kSinks[] = {"json.dump",    "json.dumps",    "pickle.dump", "pickle.dumps",
                                       "marshal.dump", "marshal.dumps", "struct.pack", "struct.pack_into"};
constexpr std::string_view kSinkMethods[] = {"write", "writerow", "execute", "executemany"};
constexpr std::string_view kSeeds[] = {"random.seed", "random.Random", "numpy.random.seed",
                                       "numpy.random.RandomState", "numpy.random.default_rng"};
constexpr std::string_view kAssertEqual[] = {"assertEqual", "assertNotEqual", "assertEquals"};

bool listed(std::string_view name, std::span<const std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

bool is_number(const Node& node) {
  const Node* value = &node;
  if (value->kind == NodeKind::kUnaryOp)
    value = python::child_at(*value, field_slot(NodeKind::kUnaryOp, "operand"));
  if (value->kind != NodeKind::kConstant) return false;
  python::ConstantKind kind = value->slot(field_slot(NodeKind::kConstant, "value")).constant->kind;
  return kind == python::ConstantKind::kInt || kind == python::ConstantKind::kFloat;
}

// hash() of numbers gives the same value on both interpreters.
bool hashes_a_number(const Node& argument, const RuleContext& context) {
  if (is_number(argument)) return true;
  if (argument.kind != NodeKind::kCall) return false;
  std::string name = context.callee_name(argument);
  return name == "builtins.int" || name == "builtins.float";
}

bool inside_hash_method(const Node& node, const RuleContext& context) {
  for (const Node* function = enclosing_function(node, context); function != nullptr;
       function = enclosing_function(*function, context)) {
    if (function_name(*function) == "__hash__") return true;
  }
  return false;
}

// An argument whose hash is a str or bytes hash: literals, f-strings, str()/bytes()/encode()
// results. Hashes of other objects compared with numbers are usually custom `__hash__` results.
bool hashes_text(const Node& argument, const RuleContext& context) {
  if (argument.kind == NodeKind::kJoinedStr) return true;
  if (argument.kind == NodeKind::kConstant) {
    const python::ConstantValue* value = argument.slot(field_slot(NodeKind::kConstant, "value")).constant;
    return (value->kind == python::ConstantKind::kStr || value->kind == python::ConstantKind::kBytes) &&
           !value->text.empty();
  }
  if (argument.kind == NodeKind::kTuple) {
    for (const Node* element : python::children_at(argument, field_slot(NodeKind::kTuple, "elts"))) {
      if (hashes_text(*element, context)) return true;
    }
    return false;
  }
  if (argument.kind != NodeKind::kCall) return false;
  if (attribute_name(call_func(argument)) == "encode") return true;
  std::string name = context.callee_name(argument);
  return name == "builtins.str" || name == "builtins.bytes";
}

// How the hash value is relied on, or "" when it is not.
std::string use_of_hash(const Node& call, const RuleContext& context) {
  const Node* parent = context.parent(call);
  if (parent == nullptr) return {};
  if (parent->kind == NodeKind::kBinOp &&
      python::child_at(*parent, field_slot(NodeKind::kBinOp, "left")) == &call) {
    NodeKind op = python::child_at(*parent, field_slot(NodeKind::kBinOp, "op"))->kind;
    if (op == NodeKind::kMod || op == NodeKind::kBitAnd) return "to pick a shard or bucket";
  }
  bool text = hashes_text(*call_args(call).items[0], context);
  if (parent->kind == NodeKind::kCompare && text) {
    const Node* left = python::child_at(*parent, field_slot(NodeKind::kCompare, "left"));
    if (left != &call && is_number(*left)) return "compared with a number";
    for (const Node* comparator :
         python::children_at(*parent, field_slot(NodeKind::kCompare, "comparators"))) {
      if (comparator != &call && is_number(*comparator)) return "compared with a number";
    }
  }
  if (text && parent->kind == NodeKind::kCall && listed(attribute_name(call_func(*parent)), kAssertEqual)) {
    for (const Node* argument : call_args(*parent)) {
      if (argument != &call && is_number(*argument)) return "compared with a number";
    }
  }
  for (const Node* ancestor = parent; ancestor != nullptr && !is_statement(ancestor->kind);
       ancestor = context.parent(*ancestor)) {
    if (ancestor->kind != NodeKind::kCall) continue;
    std::string name = context.callee_name(*ancestor);
    if (listed(name, kSeeds)) return fmt::format("as a seed for `{}`", name);
    if (listed(name, kSinks)) return fmt::format("passed to `{}`", name);
    if (listed(attribute_name(call_func(*ancestor)), kSinkMethods))
      return fmt::format("passed to `.{}()`", attribute_name(call_func(*ancestor)));
  }
  return {};
}

// A seed value that fixes hashing: anything but "random" or "" (which leave it randomised).
bool fixes_seed(const Node* value) {
  if (value == nullptr) return false;
  std::optional<std::string_view> text = string_constant(value);
  return !text || (*text != "random" && !text->empty());
}

// "PYTHONHASHSEED" set to a fixed value: `env["PYTHONHASHSEED"] = "0"`, `{"PYTHONHASHSEED": "0"}`,
// `env.setdefault("PYTHONHASHSEED", "0")`, `os.putenv("PYTHONHASHSEED", "0")`. Reading or
// removing the variable is not reliance on it.
bool sets_hash_seed(const Node& constant, const RuleContext& context) {
  std::optional<std::string_view> text = string_constant(&constant);
  if (!text || *text != "PYTHONHASHSEED") return false;
  const Node* parent = context.parent(constant);
  if (parent == nullptr) return false;
  switch (parent->kind) {
    case NodeKind::kSubscript: {
      if (python::child_at(*parent, field_slot(NodeKind::kSubscript, "slice")) != &constant ||
          python::child_at(*parent, field_slot(NodeKind::kSubscript, "ctx"))->kind != NodeKind::kStore) {
        return false;
      }
      const Node* statement = context.parent(*parent);
      if (statement == nullptr || statement->kind != NodeKind::kAssign) return false;
      return fixes_seed(python::child_at(*statement, field_slot(NodeKind::kAssign, "value")));
    }
    case NodeKind::kDict: {
      python::NodeSpan keys = python::children_at(*parent, field_slot(NodeKind::kDict, "keys"));
      python::NodeSpan values = python::children_at(*parent, field_slot(NodeKind::kDict, "values"));
      for (std::uint32_t index = 0; index < keys.size && index < values.size; ++index) {
        if (keys.items[index] == &constant) return fixes_seed(values.items[index]);
      }
      return false;
    }
    case NodeKind::kCall: {
      std::string_view method = attribute_name(call_func(*parent));
      if (method != "setdefault" && method != "putenv" && method != "__setitem__") return false;
      python::NodeSpan args = call_args(*parent);
      return args.size == 2 && args.items[0] == &constant && fixes_seed(args.items[1]);
    }
    default:
      return false;
  }
}

class HashValuePersistence final : public Rule {
 public:
  static constexpr NodeKind kKinds[] = {NodeKind::kCall, NodeKind::kConstant};
  std::span<const NodeKind> kinds() const override { return kKinds; }
  // Every finding needs one of these: a string "PYTHONHASHSEED" that is a key, subscript or
  // argument (no docstring), a keyword argument of that name, or a call of a Name `hash`.
  static constexpr std::string_view kRequiredWords[] = {"PYTHONHASHSEED", "hash"};
  std::span<const std::string_view> required_words() const override { return kRequiredWords; }
  void check(const Node& node, RuleContext& context) const override {
    if (node.kind == NodeKind::kConstant) {
      if (!sets_hash_seed(node, context) || under_implementation_check(node, context)) return;
      context.report(node,
                     "relies on PYTHONHASHSEED for reproducible hashes: with the same seed PyPy and "
                     "CPython still compute different str/bytes hashes");
      return;
    }
    for (const Node* keyword : call_keywords(node)) {
      if (python::ident_at(*keyword, field_slot(NodeKind::kKeyword, "arg")) == "PYTHONHASHSEED" &&
          fixes_seed(python::child_at(*keyword, field_slot(NodeKind::kKeyword, "value"))) &&
          !under_implementation_check(node, context)) {
        context.report(*keyword,
                       "relies on PYTHONHASHSEED for reproducible hashes: with the same seed PyPy and "
                       "CPython still compute different str/bytes hashes");
      }
    }
    if (name_id(call_func(node)) != "hash" || call_args(node).size != 1) return;
    if (context.callee_name_view(node) != "builtins.hash") return;
    if (hashes_a_number(*call_args(node).items[0], context) || inside_hash_method(node, context)) return;
    std::string use = use_of_hash(node, context);
    if (use.empty() || under_implementation_check(node, context)) return;
    context.report(node, fmt::format("hash() value {}: str and bytes hashes differ between PyPy and CPython "
                                     "(and between runs); use hashlib or zlib.crc32 for stable values",
                                     use));
  }
};

}  // namespace

std::unique_ptr<Rule> make_hash_value_persistence() {
  return std::make_unique<HashValuePersistence>();
}

}  // namespace pypyready::scan::rules
