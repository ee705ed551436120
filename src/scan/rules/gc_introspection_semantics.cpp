// PPY013 gc-introspection-semantics: gc functions that exist on PyPy but see a different heap.
#include <fmt/format.h>

#include "scan/rules/code_context.h"
#include "scan/rules/rule_helpers.h"
#include "scan/rules/rules.h"

namespace pypyready::scan::rules {

const RuleInfo kGcIntrospectionSemantics{
    .code = "PPY013",
    .name = "gc-introspection-semantics",
    .severity = Severity::kWarning,
    .fix = FixAvailability::kNone,
    .doc = {
        .what = "Finds gc.get_referrers, gc.get_referents, gc.get_objects, reads of gc.garbage, and uses of "
                "the number gc.collect() returns. Info inside functions named like debugging helpers "
                "(debug, dump, leak, trace).",
        .why =
            "These functions exist on PyPy but look at a different heap: internal objects show up as extra "
            "referrers, objects CPython would already have freed are still there, gc.garbage stays empty "
            "because PyPy runs `__del__` even in dead cycles, and collect() counts differently (PyPy "
            "7.3.11: `len(gc.get_referrers(b))` for a two-object cycle is 4, CPython 2).",
        .source = "https://doc.pypy.org/en/latest/cpython_differences.html#differences-related-to-garbage-"
                  "collection-strategies",
        .example = "assert len(gc.get_referrers(node)) == 1",
        .use_instead = "ref = weakref.ref(node)\ndel node\ngc.collect()\nassert ref() is None",
    }};

namespace {

const ApiNames kNames{"gc.get_referrers", "gc.get_referents", "gc.get_objects", "gc.garbage", "gc.collect"};

bool in_debugging_helper(const Node& node, const RuleContext& context) {
  for (const Node* function = enclosing_function(node, context); function != nullptr;
       function = enclosing_function(*function, context)) {
    std::string_view name = function_name(*function);
    for (std::string_view word : {"debug", "dump", "leak", "trace"}) {
      if (name.find(word) != std::string_view::npos) return true;
    }
  }
  return false;
}

// `gc.garbage.clear()`, `del gc.garbage[:]`, `gc.garbage[:] = []`: resetting it reads nothing.
bool only_resets(const Node& use, const RuleContext& context) {
  const Node* parent = context.parent(use);
  if (parent == nullptr) return false;
  if (parent->kind == NodeKind::kAttribute && attribute_name(*parent) == "clear") return true;
  if (parent->kind == NodeKind::kSubscript) {
    const Node* ctx = python::child_at(*parent, field_slot(NodeKind::kSubscript, "ctx"));
    return ctx->kind == NodeKind::kStore || ctx->kind == NodeKind::kDel;
  }
  return false;
}

// `[]`, `()` or `0`: what an emptiness check compares with.
bool is_empty_value(const Node* value, const RuleContext& context) {
  if (value == nullptr) return false;
  if (value->kind == NodeKind::kList)
    return python::children_at(*value, field_slot(NodeKind::kList, "elts")).size == 0;
  if (value->kind == NodeKind::kTuple)
    return python::children_at(*value, field_slot(NodeKind::kTuple, "elts")).size == 0;
  return value->kind == NodeKind::kConstant && context.text_of(*value) == "0";
}

// `saved = gc.garbage[:]` (kept to restore later), `assert not gc.garbage`, `gc.garbage == []`,
// `len(gc.garbage) == 0`, `assertEqual(gc.garbage, [])`: expecting it empty holds on PyPy too.
bool saves_or_expects_empty(const Node& use, const RuleContext& context) {
  const Node* parent = context.parent(use);
  if (parent == nullptr) return false;
  if (parent->kind == NodeKind::kSubscript &&
      python::child_at(*parent, field_slot(NodeKind::kSubscript, "slice"))->kind == NodeKind::kSlice) {
    const Node* holder = context.parent(*parent);
    return holder != nullptr && holder->kind == NodeKind::kAssign;
  }
  const Node* subject = &use;
  if (parent->kind == NodeKind::kCall && name_id(call_func(*parent)) == "len") {
    subject = parent;
    parent = context.parent(*parent);
    if (parent == nullptr) return false;
  }
  if (parent->kind == NodeKind::kUnaryOp &&
      python::child_at(*parent, field_slot(NodeKind::kUnaryOp, "op"))->kind == NodeKind::kNot)
    return true;
  if (parent->kind == NodeKind::kCompare) {
    python::NodeSpan ops = python::children_at(*parent, field_slot(NodeKind::kCompare, "ops"));
    python::NodeSpan comparators =
        python::children_at(*parent, field_slot(NodeKind::kCompare, "comparators"));
    const Node* left = python::child_at(*parent, field_slot(NodeKind::kCompare, "left"));
    if (ops.size != 1 || comparators.size != 1) return false;
    if (ops.items[0]->kind != NodeKind::kEq && ops.items[0]->kind != NodeKind::kNotEq) return false;
    return is_empty_value(left == subject ? comparators.items[0] : left, context);
  }
  if (parent->kind == NodeKind::kCall) {
    std::string_view method = attribute_name(call_func(*parent));
    if (method == "assertFalse") return true;
    if (method == "assertEqual" || method == "assertListEqual") {
      for (const Node* argument : call_args(*parent)) {
        if (argument != subject && is_empty_value(argument, context)) return true;
      }
    }
  }
  return false;
}

// The value of gc.collect() matters unless the call is a statement of its own.
bool collect_result_used(const Node& use, const RuleContext& context) {
  const Node* call = context.parent(use);
  if (call == nullptr || call->kind != NodeKind::kCall || &call_func(*call) != &use) return false;
  const Node* parent = context.parent(*call);
  return parent != nullptr && parent->kind != NodeKind::kExpr && parent->kind != NodeKind::kLambda;
}

// `walk = gc.get_referrers` is reported where the function is taken, not at every use of `walk`.
bool through_local_alias(const Node& use, const RuleContext& context) {
  if (use.kind != NodeKind::kName) return false;
  const python::Binding* binding =
      context.model().lookup(name_id(use), context.scope(), use.lineno, use.col_offset);
  return binding != nullptr && binding->kind == python::BindingKind::kAssignment;
}

// `gc.get_referrers(x)` as a statement of its own: nothing depends on what it returns.
bool result_discarded(const Node& use, const RuleContext& context) {
  const Node* call = context.parent(use);
  if (call == nullptr || call->kind != NodeKind::kCall || &call_func(*call) != &use) return false;
  const Node* parent = context.parent(*call);
  return parent != nullptr && parent->kind == NodeKind::kExpr;
}

class GcIntrospectionSemantics final : public Rule {
 public:
  static constexpr NodeKind kKinds[] = {NodeKind::kName, NodeKind::kAttribute};
  std::span<const NodeKind> kinds() const override { return kKinds; }
  // Findings are uses of kNames, all in the gc module: "gc" is the import they need.
  static constexpr std::string_view kRequiredWords[] = {"gc"};
  std::span<const std::string_view> required_words() const override { return kRequiredWords; }
  void check(const Node& node, RuleContext& context) const override {
    std::optional<std::string> use = api_use(node, context, kNames);
    if (!use || through_local_alias(node, context)) return;
    std::string message;
    if (*use == "gc.collect") {
      if (!collect_result_used(node, context)) return;
      message = "the number returned by `gc.collect()` counts different objects on PyPy";
    } else if (*use == "gc.garbage") {
      if (only_resets(node, context) || saves_or_expects_empty(node, context)) return;
      message = "`gc.garbage` stays empty on PyPy, which runs `__del__` even in unreachable cycles";
    } else {
      if (result_discarded(node, context)) return;
      message = fmt::format(
          "`{}` sees a different heap on PyPy (extra internal objects, objects not yet freed)", *use);
    }
    if (under_implementation_check(node, context)) return;
    context.report(node, std::move(message), std::nullopt,
                   in_debugging_helper(node, context) ? std::optional(Severity::kInfo) : std::nullopt);
  }
};

}  // namespace

std::unique_ptr<Rule> make_gc_introspection_semantics() {
  return std::make_unique<GcIntrospectionSemantics>();
}

}  // namespace pypyready::scan::rules
