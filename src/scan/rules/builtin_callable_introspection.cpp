// PPY029 builtin-callable-introspection: code that tells built-in methods from Python functions
// by their type, which PyPy does not distinguish.
#include <fmt/format.h>

#include <algorithm>

#include "scan/rules/code_context.h"
#include "scan/rules/rule_helpers.h"
#include "scan/rules/rules.h"

namespace pypyready::scan::rules {

const RuleInfo kBuiltinCallableIntrospection{
    .code = "PPY029",
    .name = "builtin-callable-introspection",
    .severity = Severity::kWarning,
    .fix = FixAvailability::kNone,
    .doc = {
        .what =
            "Finds inspect.isfunction/ismethod/isbuiltin/ismethoddescriptor/ismethodwrapper and "
            "type() applied to attributes of built-in types or literals (`list.append`, `[].__add__`), the "
            "types BuiltinFunctionType, BuiltinMethodType, MethodWrapperType, WrapperDescriptorType, "
            "MethodDescriptorType and ClassMethodDescriptorType, comparisons with type names such as "
            "\"method-wrapper\", and built-in dunders called on built-in values inside a try that expects "
            "TypeError. Introspection of user-defined functions is not reported.",
        .why = "On PyPy built-in methods are ordinary functions and methods, so these types and predicates "
               "answer differently, and some dunders return NotImplemented instead of raising (PyPy 7.3.11: "
               "`inspect.isfunction(list.extend)` is True, `type([].__add__).__name__` is 'method', "
               "`[].__add__(None)` returns NotImplemented; CPython: False, 'method-wrapper', TypeError).",
        .source = "https://doc.pypy.org/en/latest/cpython_differences.html#miscellaneous",
        .example = "if isinstance(handler, types.BuiltinFunctionType):\n    ...",
        .use_instead = "if callable(handler):\n    ...  # or compare with the objects themselves",
    }};

namespace {

// inspect.isroutine is left out: it answers the same on both (measured on PyPy 7.3.11).
constexpr std::string_view kPredicates[] = {"inspect.isfunction", "inspect.ismethod", "inspect.isbuiltin",
                                            "inspect.ismethoddescriptor", "inspect.ismethodwrapper"};
const ApiNames kTypes{"types.BuiltinFunctionType",  "types.BuiltinMethodType",
                      "types.MethodWrapperType",    "types.WrapperDescriptorType",
                      "types.MethodDescriptorType", "types.ClassMethodDescriptorType"};
constexpr std::string_view kTypeNames[] = {"method-wrapper", "builtin_function_or_method",
                                           "wrapper_descriptor", "method_descriptor",
                                           "classmethod_descriptor"};
constexpr std::string_view kBuiltinTypes[] = {
    "builtins.object",    "builtins.type",        "builtins.int",         "builtins.float",
    "builtins.complex",   "builtins.str",         "builtins.bytes",       "builtins.bytearray",
    "builtins.list",      "builtins.tuple",       "builtins.dict",        "builtins.set",
    "builtins.frozenset", "builtins.bool",        "builtins.memoryview",  "builtins.range",
    "builtins.slice",     "builtins.property",    "builtins.super",       "builtins.BaseException",
    "builtins.Exception", "builtins.classmethod", "builtins.staticmethod"};
constexpr std::string_view kBinaryDunders[] = {
    "__add__",      "__radd__",   "__sub__",  "__rsub__",     "__mul__",    "__rmul__", "__truediv__",
    "__floordiv__", "__mod__",    "__rmod__", "__pow__",      "__and__",    "__or__",   "__xor__",
    "__lshift__",   "__rshift__", "__eq__",   "__ne__",       "__lt__",     "__le__",   "__gt__",
    "__ge__",       "__iadd__",   "__imul__", "__contains__", "__getitem__"};
constexpr NodeKind kKinds[] = {NodeKind::kName, NodeKind::kAttribute, NodeKind::kCall, NodeKind::kCompare};

bool listed(std::string_view value, std::span<const std::string_view> names) {
  return std::find(names.begin(), names.end(), value) != names.end();
}

// A built-in type (`list`), a literal (`[]`, `""`) or an instance made by calling a built-in type.
bool is_builtin_value(const Node& node, RuleContext& context) {
  switch (node.kind) {
    case NodeKind::kList:
    case NodeKind::kTuple:
    case NodeKind::kDict:
    case NodeKind::kSet:
    case NodeKind::kJoinedStr:
      return true;
    case NodeKind::kConstant: {
      python::ConstantKind kind = node.slot(field_slot(NodeKind::kConstant, "value")).constant->kind;
      return kind != python::ConstantKind::kNone && kind != python::ConstantKind::kEllipsis;
    }
    case NodeKind::kName:
      return listed(context.qualified_name_view(node), kBuiltinTypes);
    case NodeKind::kCall:
      return listed(context.callee_name_view(node), kBuiltinTypes);
    default:
      return false;
  }
}

// `list.append`, `[].__add__`, `object().__str__`.
bool is_builtin_attribute(const Node* node, RuleContext& context) {
  return node != nullptr && node->kind == NodeKind::kAttribute &&
         is_builtin_value(*python::child_at(*node, field_slot(NodeKind::kAttribute, "value")), context);
}

// Annotations are not evaluated for logic.
bool in_annotation(const Node& node, RuleContext& context) {
  const Node* child = &node;
  for (const Node* ancestor = context.parent(node); ancestor != nullptr;
       child = ancestor, ancestor = context.parent(*ancestor)) {
    if (ancestor->kind == NodeKind::kArg)
      return python::child_at(*ancestor, field_slot(NodeKind::kArg, "annotation")) == child;
    if (ancestor->kind == NodeKind::kAnnAssign)
      return python::child_at(*ancestor, field_slot(NodeKind::kAnnAssign, "annotation")) == child;
    if (ancestor->kind == NodeKind::kFunctionDef || ancestor->kind == NodeKind::kAsyncFunctionDef) {
      return python::child_at(*ancestor, field_slot(NodeKind::kFunctionDef, "returns")) == child;
    }
    if (is_statement(ancestor->kind)) return false;
  }
  return false;
}

bool catches_type_error(const Node& try_node) {
  for (const Node* handler : python::children_at(try_node, field_slot(NodeKind::kTry, "handlers"))) {
    const Node* type = python::child_at(*handler, field_slot(NodeKind::kExceptHandler, "type"));
    if (type == nullptr) continue;
    bool found = false;
    walk_subtree(*type, 32, [&](const Node& node) {
      found = found || name_id(node) == "TypeError";
      return !found;
    });
    if (found) return true;
  }
  return false;
}

// Inside the body of a try whose handlers catch TypeError (in the same function).
bool expects_type_error(const Node& node, RuleContext& context) {
  const Node* child = &node;
  for (const Node* ancestor = context.parent(node); ancestor != nullptr;
       child = ancestor, ancestor = context.parent(*ancestor)) {
    if (opens_definition(*ancestor)) return false;
    if (ancestor->kind != NodeKind::kTry) continue;
    python::NodeSpan body = python::children_at(*ancestor, field_slot(NodeKind::kTry, "body"));
    if (std::find(body.begin(), body.end(), child) != body.end() && catches_type_error(*ancestor))
      return true;
  }
  return false;
}

class BuiltinCallableIntrospection final : public Rule {
 public:
  std::span<const NodeKind> kinds() const override { return kKinds; }
  // Group 0: the last components of kTypes. Without them no Name or Attribute of the file is one
  // of those types, and the name resolution that api_use() does for every Name is spared.
  static constexpr std::string_view kTypeWords[] = {"BuiltinFunctionType",  "BuiltinMethodType",
                                                    "MethodWrapperType",    "WrapperDescriptorType",
                                                    "MethodDescriptorType", "ClassMethodDescriptorType"};
  static constexpr std::span<const std::string_view> kGroups[] = {kTypeWords};
  std::span<const std::span<const std::string_view>> word_groups() const override { return kGroups; }
  void check(const Node& node, RuleContext& context) const override {
    // Names and attributes, most of the nodes this rule sees, matter only in files with the
    // words of kTypes; the rest of the rule stays out of line so that this path sets up no more
    // than it needs.
    if (node.kind == NodeKind::kName || node.kind == NodeKind::kAttribute) {
      if (context.words_present(0)) check_type_use(node, context);
      return;
    }
    if (node.kind == NodeKind::kCompare) {
      check_compare(node, context);
      return;
    }
    if (!check_call(node, context) && context.words_present(0)) check_type_use(node, context);
  }

 private:
  // A use of one of kTypes (a Name, an Attribute or a getattr call).
  [[gnu::noinline]] static void check_type_use(const Node& node, RuleContext& context) {
    std::optional<std::string> use = api_use(node, context, kTypes);
    if (!use || in_annotation(node, context) || under_implementation_check(node, context)) return;
    context.report(node,
                   fmt::format("`{}` is another type on PyPy, where built-in methods are plain functions "
                               "and methods: type checks against it answer differently",
                               *use));
  }

  // Returns whether the call was one of this rule's call shapes.
  [[gnu::noinline]] static bool check_call(const Node& call, RuleContext& context) {
    const Node& callee = call_func(call);
    std::string_view method = attribute_name(callee);
    // Asked of every call: every listed method is a dunder, which few methods called are.
    if (method.starts_with("__") && listed(method, kBinaryDunders)) {
      const Node& receiver = *python::child_at(callee, field_slot(NodeKind::kAttribute, "value"));
      if (is_builtin_value(receiver, context) && expects_type_error(call, context) &&
          !under_implementation_check(call, context)) {
        context.report(call,
                       fmt::format("built-in `{}` may return NotImplemented on PyPy where CPython raises "
                                   "the TypeError this code expects",
                                   method));
      }
      return true;
    }
    std::string_view last = callee.kind == NodeKind::kName ? name_id(callee) : method;
    if (last != "type" && !last.starts_with("is")) return false;
    std::string_view resolved = context.callee_name_view(call);
    bool predicate = listed(resolved, kPredicates);
    if (!predicate && resolved != "builtins.type") return false;
    std::string name(resolved);  // kept across the look-ups below
    if (call_args(call).size != 1 || !is_builtin_attribute(call_args(call).items[0], context)) return true;
    if (under_implementation_check(call, context)) return true;
    if (predicate) {
      context.report(call,
                     fmt::format("`{}` on a built-in method answers differently on PyPy, where built-in "
                                 "methods are plain functions",
                                 name));
    } else {
      context.report(call,
                     "the type of a built-in method is `function`/`method` on PyPy, not a C wrapper type");
    }
    return true;
  }

  [[gnu::noinline]] static void check_compare(const Node& compare, RuleContext& context) {
    // Returns whether `value` settled the comparison (reported, or under an implementation check).
    auto settles = [&](const Node* value) {
      std::optional<std::string_view> text = string_constant(value);
      if (!text || !listed(*text, kTypeNames)) return false;
      if (under_implementation_check(compare, context)) return true;
      context.report(compare, fmt::format("PyPy has no `{}` type: built-in methods are plain functions "
                                          "and methods there",
                                          *text));
      return true;
    };
    // An operand, or each element of a tuple, list or set operand.
    auto operand_settles = [&](const Node* operand) {
      if (operand->kind != NodeKind::kTuple && operand->kind != NodeKind::kList &&
          operand->kind != NodeKind::kSet)
        return settles(operand);
      for (const Node* element : python::children_at(*operand, field_slot(NodeKind::kTuple, "elts"))) {
        if (settles(element)) return true;
      }
      return false;
    };
    if (operand_settles(python::child_at(compare, field_slot(NodeKind::kCompare, "left")))) return;
    for (const Node* comparator :
         python::children_at(compare, field_slot(NodeKind::kCompare, "comparators"))) {
      if (operand_settles(comparator)) return;
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_builtin_callable_introspection() {
  return std::make_unique<BuiltinCallableIntrospection>();
}

}  // namespace pypyready::scan::rules
