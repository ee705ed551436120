// PPY028 dict-subclass-as-namespace: dict subclasses with overridden lookups used as an
// object's __dict__, exec/eval globals, function globals or a class namespace.
#include <fmt/format.h>

#include <algorithm>

#include "scan/rules/rule_helpers.h"
#include "scan/rules/rules.h"

namespace pypyready::scan::rules {

const RuleInfo kDictSubclassAsNamespace{
    .code = "PPY028",
    .name = "dict-subclass-as-namespace",
    .severity = Severity::kWarning,
    .fix = FixAvailability::kNone,
    .doc = {
        .what = "Finds instances of dict subclasses that override `__getitem__` (and `__missing__` for a "
                "`__dict__` or a class namespace; overriding get/keys/__contains__/__iter__ changes nothing) "
                "used as `obj.__dict__`, as exec/eval globals, as `types.FunctionType` globals, or returned "
                "by a metaclass `__prepare__`. The subclass must be defined in the same file, or be "
                "collections.defaultdict/Counter for `__dict__`.",
        .why = "CPython reads these namespaces with C-level dict access that bypasses the overrides; PyPy "
               "calls them (PyPy 7.3.11: with `a.__dict__ = D()`, `a.foo` returns D.__getitem__'s value, "
               "and exec with D globals sees the override, where CPython returns the stored item).",
        .source = "https://doc.pypy.org/en/latest/cpython_differences.html#subclasses-of-built-in-types",
        .example = "class Tracking(dict):\n    def __getitem__(self, key):\n        ...\n\n"
                   "exec(code, Tracking())",
        .use_instead = "exec(code, namespace)  # a plain dict; track accesses in the code itself",
    }};

namespace {

// Only these change what a lookup through the namespace returns on PyPy 7.3.11; overriding
// get/keys/__contains__/__iter__ leaves attribute and global look-ups alike on both.
constexpr std::string_view kReadOverrides[] = {"__getitem__"};
constexpr NodeKind kKinds[] = {NodeKind::kAssign, NodeKind::kCall, NodeKind::kReturn};

/// What a dict subclass overrides, as far as the file shows.
struct Overrides {
  std::string type;       ///< the class name, for messages
  std::string_view read;  ///< an overridden lookup method ("" if none)
  bool missing = false;   ///< whether it defines __missing__
  bool any() const { return !read.empty() || missing; }
};

void collect(const Node& class_def, RuleContext& context, const python::Scope& scope, int depth,
             bool& is_dict, Overrides& overrides);

// Whether a base class expression is dict (or a dict subclass defined in the file), and what it adds.
void visit_base(const Node& base, RuleContext& context, const python::Scope& scope, int depth, bool& is_dict,
                Overrides& overrides) {
  std::string name = context.model().qualified_name(base, scope);
  if (name == "builtins.dict" || name == "collections.OrderedDict" || name == "typing.Dict") {
    is_dict = true;
    return;
  }
  if (name == "collections.defaultdict" || name == "collections.Counter") {
    is_dict = true;
    overrides.missing = true;
    return;
  }
  if (base.kind != NodeKind::kName || depth > 4) return;
  const python::Binding* binding = context.model().lookup(name_id(base), scope, base.lineno, base.col_offset);
  if (binding == nullptr || binding->kind != python::BindingKind::kClass) return;
  collect(*binding->node, context, *binding->scope, depth + 1, is_dict, overrides);
}

void collect(const Node& class_def, RuleContext& context, const python::Scope& scope, int depth,
             bool& is_dict, Overrides& overrides) {
  for (const Node* base : python::children_at(class_def, field_slot(NodeKind::kClassDef, "bases"))) {
    visit_base(*base, context, scope, depth, is_dict, overrides);
  }
  for (const Node* statement : python::children_at(class_def, field_slot(NodeKind::kClassDef, "body"))) {
    if (statement->kind != NodeKind::kFunctionDef) continue;
    std::string_view method = python::ident_at(*statement, field_slot(NodeKind::kFunctionDef, "name"));
    if (method == "__missing__") overrides.missing = true;
    auto read = std::find(std::begin(kReadOverrides), std::end(kReadOverrides), method);
    if (read != std::end(kReadOverrides) && overrides.read.empty()) overrides.read = *read;
  }
}

// What the dict subclass instance `value` overrides; nullopt when it is not known to be one.
std::optional<Overrides> dict_subclass_instance(const Node* value, RuleContext& context, int depth = 0) {
  if (value == nullptr || depth > 2) return std::nullopt;
  if (value->kind == NodeKind::kName) {
    // `ns = Tracking()` earlier in the same scope.
    const python::Binding* binding =
        context.model().lookup(name_id(*value), context.scope(), value->lineno, value->col_offset);
    if (binding == nullptr || binding->scope != &context.scope() ||
        binding->kind != python::BindingKind::kAssignment)
      return std::nullopt;
    return dict_subclass_instance(binding->value, context, depth + 1);
  }
  if (value->kind != NodeKind::kCall) return std::nullopt;
  const Node& callee = call_func(*value);
  std::string name = context.qualified_name(callee);
  if (name == "collections.defaultdict" || name == "collections.Counter") {
    return Overrides{name, {}, true};
  }
  if (callee.kind != NodeKind::kName) return std::nullopt;
  const python::Binding* binding =
      context.model().lookup(name_id(callee), context.scope(), callee.lineno, callee.col_offset);
  if (binding == nullptr || binding->kind != python::BindingKind::kClass) return std::nullopt;
  bool is_dict = false;
  Overrides overrides;
  overrides.type = std::string(name_id(callee));
  collect(*binding->node, context, *binding->scope, 0, is_dict, overrides);
  if (!is_dict || !overrides.any()) return std::nullopt;
  return overrides;
}

std::string_view overridden(const Overrides& overrides, bool count_missing) {
  if (!overrides.read.empty()) return overrides.read;
  return count_missing && overrides.missing ? std::string_view("__missing__") : std::string_view{};
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

class DictSubclassAsNamespace final : public Rule {
 public:
  std::span<const NodeKind> kinds() const override { return kKinds; }
  // Every finding needs one of these: an assignment to an attribute `__dict__`, a return in a
  // function `__prepare__`, or a call whose callee (a Name or an attribute) has one of the
  // other names.
  static constexpr std::string_view kRequiredWords[] = {"__dict__", "__prepare__",  "exec",
                                                        "eval",     "FunctionType", "setattr"};
  std::span<const std::string_view> required_words() const override { return kRequiredWords; }
  void check(const Node& node, RuleContext& context) const override {
    switch (node.kind) {
      case NodeKind::kAssign: {
        const Node* value = python::child_at(node, field_slot(NodeKind::kAssign, "value"));
        for (const Node* target : python::children_at(node, field_slot(NodeKind::kAssign, "targets"))) {
          if (attribute_name(*target) == "__dict__")
            report(*value, value, true, "as an object's `__dict__`", context);
        }
        break;
      }
      case NodeKind::kReturn: {
        const Node* value = python::child_at(node, field_slot(NodeKind::kReturn, "value"));
        if (value != nullptr && inside_prepare(node, context))
          report(*value, value, true, "as the class namespace from `__prepare__`", context);
        break;
      }
      default:
        check_call(node, context);
        break;
    }
  }

 private:
  static void check_call(const Node& call, RuleContext& context) {
    const Node& callee = call_func(call);
    std::string_view last = callee.kind == NodeKind::kName ? name_id(callee) : attribute_name(callee);
    if (last != "exec" && last != "eval" && last != "FunctionType" && last != "setattr") return;
    std::string name = context.callee_name(call);
    if (name == "builtins.exec" || name == "builtins.eval") {
      const Node* globals = argument(call, 1, "globals");
      if (globals != nullptr) report(*globals, globals, false, fmt::format("as `{}` globals", last), context);
    } else if (name == "types.FunctionType") {
      const Node* globals = argument(call, 1, "globals");
      if (globals != nullptr) report(*globals, globals, false, "as function globals", context);
    } else if (name == "builtins.setattr" && string_constant(argument(call, 1, "")) == "__dict__") {
      const Node* value = argument(call, 2, "");
      if (value != nullptr) report(*value, value, true, "as an object's `__dict__`", context);
    }
  }

  static void report(const Node& where, const Node* value, bool count_missing, std::string_view role,
                     RuleContext& context) {
    std::optional<Overrides> overrides = dict_subclass_instance(value, context);
    if (!overrides) return;
    std::string_view method = overridden(*overrides, count_missing);
    if (method.empty() || context.is_guarded(where)) return;
    context.report(where, fmt::format("`{}` (overrides `{}`) used {}: PyPy calls the override where CPython "
                                      "reads the dict directly",
                                      overrides->type, method, role));
  }
};

}  // namespace

std::unique_ptr<Rule> make_dict_subclass_as_namespace() {
  return std::make_unique<DictSubclassAsNamespace>();
}

}  // namespace pypyready::scan::rules
