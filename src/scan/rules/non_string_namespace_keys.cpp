// PPY027 non-string-namespace-keys: non-str keys put into a class namespace, which PyPy's type
// objects cannot hold.
#include <fmt/format.h>

#include "scan/rules/rule_helpers.h"
#include "scan/rules/rules.h"

namespace pypyready::scan::rules {

const RuleInfo kNonStringNamespaceKeys{
    .code = "PPY027",
    .name = "non-string-namespace-keys",
    .severity = Severity::kError,
    .fix = FixAvailability::kNone,
    .doc = {
        .what =
            "Finds keys that are certainly not str (numbers, bytes, tuples, None, int()/tuple()/... calls) "
            "stored into a class namespace: `locals()[key] = ...` or `vars()[key] = ...` in a class body "
            "(also through .update()/.setdefault()), the namespace dict of a 3-argument `type(...)`, and a "
            "dict literal returned by a metaclass `__prepare__`. Module globals and instance dicts accept "
            "such keys on PyPy too and are not reported.",
        .why = "PyPy's type objects hold only str keys; creating the class raises TypeError (PyPy 7.3.11: "
               "`class K: locals()[42] = 3` raises `TypeError: expected str, got int object`, accepted by "
               "CPython).",
        .source = "https://doc.pypy.org/en/latest/cpython_differences.html#miscellaneous",
        .example = "class Registry:\n    for code in (1, 2):\n        locals()[code] = handler",
        .use_instead = "class Registry:\n    handlers = {1: handler, 2: handler}",
    }};

namespace {

constexpr NodeKind kKinds[] = {NodeKind::kSubscript, NodeKind::kCall, NodeKind::kReturn};
constexpr std::string_view kNonStrCalls[] = {"builtins.int",    "builtins.float",     "builtins.tuple",
                                             "builtins.bytes",  "builtins.frozenset", "builtins.object",
                                             "builtins.complex"};

// The type of a key that is certainly not a str, or "" when it may be one.
std::string_view non_str_type(const Node* key, RuleContext& context) {
  if (key == nullptr) return {};
  switch (key->kind) {
    case NodeKind::kConstant:
      switch (key->slot(field_slot(NodeKind::kConstant, "value")).constant->kind) {
        case python::ConstantKind::kStr:
          return {};
        case python::ConstantKind::kInt:
          return "int";
        case python::ConstantKind::kFloat:
          return "float";
        case python::ConstantKind::kComplex:
          return "complex";
        case python::ConstantKind::kBytes:
          return "bytes";
        case python::ConstantKind::kNone:
          return "None";
        case python::ConstantKind::kEllipsis:
          return "ellipsis";
        default:
          return "bool";
      }
    case NodeKind::kTuple:
      return "tuple";
    case NodeKind::kUnaryOp:
      return non_str_type(python::child_at(*key, field_slot(NodeKind::kUnaryOp, "operand")), context) == "int"
                 ? "int"
                 : "";
    case NodeKind::kCall: {
      std::string callee = context.callee_name(*key);
      for (std::string_view name : kNonStrCalls) {
        if (callee == name) return name.substr(name.find('.') + 1);
      }
      return {};
    }
    default:
      return {};
  }
}

// `locals()` or `vars()` evaluated in a class body: the namespace of the class being created.
bool is_class_namespace_call(const Node* node, RuleContext& context) {
  if (node == nullptr || node->kind != NodeKind::kCall || call_args(*node).size != 0) return false;
  if (context.scope().kind != python::ScopeKind::kClass) return false;
  std::string callee = context.callee_name(*node);
  return callee == "builtins.locals" || callee == "builtins.vars";
}

// Also `ns = locals()` earlier in the same class body.
bool is_class_namespace(const Node* node, RuleContext& context) {
  if (is_class_namespace_call(node, context)) return true;
  if (node == nullptr || node->kind != NodeKind::kName || context.scope().kind != python::ScopeKind::kClass) {
    return false;
  }
  const python::Binding* binding =
      context.model().lookup(name_id(*node), context.scope(), node->lineno, node->col_offset);
  return binding != nullptr && binding->scope == &context.scope() && binding->value != nullptr &&
         is_class_namespace_call(binding->value, context);
}

// The first key of a dict literal that is certainly not a str.
const Node* first_non_str_key(const Node* dict, RuleContext& context, std::string_view& type) {
  if (dict == nullptr || dict->kind != NodeKind::kDict) return nullptr;
  for (const Node* key : python::children_at(*dict, field_slot(NodeKind::kDict, "keys"))) {
    type = non_str_type(key, context);
    if (!type.empty()) return key;
  }
  return nullptr;
}

bool inside_prepare(const Node& node, RuleContext& context) {
  for (const Node* ancestor = context.parent(node); ancestor != nullptr;
       ancestor = context.parent(*ancestor)) {
    if (ancestor->kind == NodeKind::kFunctionDef || ancestor->kind == NodeKind::kAsyncFunctionDef) {
      return python::ident_at(*ancestor, field_slot(NodeKind::kFunctionDef, "name")) == "__prepare__";
    }
    if (ancestor->kind == NodeKind::kLambda || ancestor->kind == NodeKind::kClassDef) return false;
  }
  return false;
}

std::string message(std::string_view type, std::string_view where) {
  return fmt::format(
      "a {} key in {}: PyPy's classes accept only str keys (TypeError when the class is created)", type,
      where);
}

class NonStringNamespaceKeys final : public Rule {
 public:
  std::span<const NodeKind> kinds() const override { return kKinds; }
  void check(const Node& node, RuleContext& context) const override {
    if (node.kind == NodeKind::kSubscript) {
      const Node* ctx = python::child_at(node, field_slot(NodeKind::kSubscript, "ctx"));
      if (ctx == nullptr || ctx->kind != NodeKind::kStore) return;
      if (!is_class_namespace(python::child_at(node, field_slot(NodeKind::kSubscript, "value")), context))
        return;
      std::string_view type =
          non_str_type(python::child_at(node, field_slot(NodeKind::kSubscript, "slice")), context);
      if (type.empty() || context.is_guarded(node)) return;
      context.report(node, message(type, "the class namespace"));
      return;
    }
    if (node.kind == NodeKind::kReturn) {
      std::string_view type;
      const Node* key =
          first_non_str_key(python::child_at(node, field_slot(NodeKind::kReturn, "value")), context, type);
      if (key == nullptr || !inside_prepare(node, context) || context.is_guarded(node)) return;
      context.report(*key, message(type, "the namespace returned by `__prepare__`"));
      return;
    }
    check_call(node, context);
  }

 private:
  static void check_call(const Node& call, RuleContext& context) {
    const Node& callee = call_func(call);
    std::string_view method = attribute_name(callee);
    if (method == "update" || method == "setdefault") {
      if (!is_class_namespace(python::child_at(callee, field_slot(NodeKind::kAttribute, "value")), context))
        return;
      std::string_view type;
      const Node* key = nullptr;
      if (method == "setdefault") {
        key = argument(call, 0, "");
        type = non_str_type(key, context);
        if (type.empty()) key = nullptr;
      } else {
        key = first_non_str_key(argument(call, 0, ""), context, type);
      }
      if (key == nullptr || context.is_guarded(call)) return;
      context.report(*key, message(type, "the class namespace"));
      return;
    }
    std::string_view last = callee.kind == NodeKind::kName ? name_id(callee) : method;
    if (call_args(call).size != 3 || last != "type") return;
    if (context.callee_name_view(call) != "builtins.type") return;
    std::string_view type;
    const Node* key = first_non_str_key(call_args(call).items[2], context, type);
    if (key == nullptr || context.is_guarded(call)) return;
    context.report(*key, message(type, "the namespace of `type(name, bases, namespace)`"));
  }
};

}  // namespace

std::unique_ptr<Rule> make_non_string_namespace_keys() {
  return std::make_unique<NonStringNamespaceKeys>();
}

}  // namespace pypyready::scan::rules
