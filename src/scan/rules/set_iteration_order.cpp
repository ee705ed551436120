// PPY020 set-iteration-order: output or results that depend on the order a set is iterated in.
#include <fmt/format.h>

#include "scan/rules/code_context.h"
#include "scan/rules/iteration_order.h"
#include "scan/rules/rule_helpers.h"
#include "scan/rules/rules.h"

namespace pypyready::scan::rules {

const RuleInfo kSetIterationOrder{
    .code = "PPY020",
    .name = "set-iteration-order",
    .severity = Severity::kInfo,
    .fix = FixAvailability::kNone,
    .doc = {
        .what = "Finds places where the iteration order of a value known to be a set (a set literal or "
                "comprehension, set()/frozenset(), set operators, or a local name bound only to those) "
                "becomes visible: list()/tuple()/enumerate()/zip(), str.join, print, json, next(iter(s)), "
                "s.pop(), list comprehensions, and for loops that append, yield, return, break, print or "
                "write. sorted(), len(), membership and other order-free uses are not reported. Warning in "
                "test code and when the order reaches output, info elsewhere.",
        .why = "PyPy's sets iterate in insertion order, CPython's in hash-table order, so output and "
               "golden-file tests differ between the two (PyPy 7.3.11: `list({10, 3, 7, 100, 5})` is "
               "[10, 3, 7, 100, 5], CPython gives [3, 100, 5, 7, 10]).",
        .source = "https://doc.pypy.org/en/latest/cpython_differences.html#miscellaneous",
        .example = "names = {user.name for user in users}\nprint(\", \".join(names))",
        .use_instead = "names = {user.name for user in users}\nprint(\", \".join(sorted(names)))",
    }};

namespace {

constexpr int kMaxDepth = 3;
constexpr std::string_view kSetMethods[] = {"union", "intersection", "difference", "symmetric_difference",
                                            "copy"};

bool is_set_operator(NodeKind op) {
  return op == NodeKind::kBitOr || op == NodeKind::kBitAnd || op == NodeKind::kSub || op == NodeKind::kBitXor;
}

bool is_known_set(const Node& node, const RuleContext& context, int depth);

// A name all of whose bindings in its scope give it a set.
bool name_bound_to_sets(const Node& name, const RuleContext& context, int depth) {
  const python::Binding* binding =
      context.model().lookup(name_id(name), context.scope(), name.lineno, name.col_offset);
  if (binding == nullptr || binding->kind != python::BindingKind::kAssignment) return false;
  const python::Scope& scope = *binding->scope;
  for (std::uint32_t index : scope.bindings_of(binding->name)) {
    const python::Binding& each = scope.bindings[index];
    if (each.kind != python::BindingKind::kAssignment) return false;
    if (each.value != nullptr) {
      if (!is_known_set(*each.value, context, depth + 1)) return false;
      continue;
    }
    const Node* statement = context.parent(*each.node);
    if (statement == nullptr || statement->kind != NodeKind::kAugAssign ||
        !is_set_operator(python::child_at(*statement, field_slot(NodeKind::kAugAssign, "op"))->kind)) {
      return false;
    }
  }
  return true;
}

bool is_known_set(const Node& node, const RuleContext& context, int depth) {
  if (depth > kMaxDepth) return false;
  switch (node.kind) {
    case NodeKind::kSet:
    case NodeKind::kSetComp:
      return true;
    case NodeKind::kCall: {
      const Node& callee = call_func(node);
      std::string_view method = attribute_name(callee);
      for (std::string_view set_method : kSetMethods) {
        if (method == set_method)
          return is_known_set(*python::child_at(callee, field_slot(NodeKind::kAttribute, "value")), context,
                              depth + 1);
      }
      if (callee.kind != NodeKind::kName) return false;
      std::string_view name = context.callee_name_view(node);
      return name == "builtins.set" || name == "builtins.frozenset";
    }
    case NodeKind::kBinOp:
      if (!is_set_operator(python::child_at(node, field_slot(NodeKind::kBinOp, "op"))->kind)) return false;
      return is_known_set(*python::child_at(node, field_slot(NodeKind::kBinOp, "left")), context,
                          depth + 1) ||
             is_known_set(*python::child_at(node, field_slot(NodeKind::kBinOp, "right")), context, depth + 1);
    case NodeKind::kName:
      return name_bound_to_sets(node, context, depth);
    default:
      return false;
  }
}

bool is_load_name(const Node& node) {
  return node.kind != NodeKind::kName ||
         python::child_at(node, field_slot(NodeKind::kName, "ctx"))->kind == NodeKind::kLoad;
}

// `s.pop()` on a set: which element comes out depends on the iteration order.
const Node* set_pop(const Node& call, const RuleContext& context) {
  const Node& callee = call_func(call);
  if (attribute_name(callee) != "pop" || call_args(call).size != 0 || call_keywords(call).size != 0)
    return nullptr;
  const Node& receiver = *python::child_at(callee, field_slot(NodeKind::kAttribute, "value"));
  return is_known_set(receiver, context, 0) ? &receiver : nullptr;
}

class SetIterationOrder final : public Rule {
 public:
  static constexpr NodeKind kKinds[] = {NodeKind::kSet, NodeKind::kSetComp, NodeKind::kCall, NodeKind::kBinOp,
                                        NodeKind::kName};
  std::span<const NodeKind> kinds() const override { return kKinds; }

  void check(const Node& node, RuleContext& context) const override {
    if (node.kind == NodeKind::kCall && check_pop(node, context)) return;
    // Every Name of every file comes here; the rest of the rule stays out of line so that this
    // path sets up no more than it needs.
    if (!is_load_name(node) || !may_observe_order(node, context)) return;
    check_iterated(node, context);
  }

 private:
  // Asked only when reporting.
  static bool in_tests(const RuleContext& context) { return is_test_path(context.path()); }

  // Returns whether `call` is a set's pop().
  [[gnu::noinline]] static bool check_pop(const Node& call, RuleContext& context) {
    if (set_pop(call, context) == nullptr) return false;
    if (under_implementation_check(call, context)) return true;
    context.report(call,
                   "`pop()` on a set returns whichever element comes first in iteration order, "
                   "which differs between PyPy (insertion order) and CPython (hash order)",
                   std::nullopt, in_tests(context) ? std::optional(Severity::kWarning) : std::nullopt);
    return true;
  }

  // `node` (a loaded Name, a set, a call or an operation) feeds something that may observe
  // the order of its elements.
  [[gnu::noinline]] static void check_iterated(const Node& node, RuleContext& context) {
    if (!is_known_set(node, context, 0)) return;
    std::optional<OrderObserver> observer = observed_order(node, context);
    if (!observer || under_implementation_check(node, context)) return;
    context.report(
        node,
        fmt::format("set iterated in an observable order ({}): PyPy iterates sets in insertion order, "
                    "CPython in hash order; sort it if the order matters",
                    observer->how),
        std::nullopt,
        in_tests(context) || observer->output ? std::optional(Severity::kWarning) : std::nullopt);
  }
};

}  // namespace

std::unique_ptr<Rule> make_set_iteration_order() {
  return std::make_unique<SetIterationOrder>();
}

}  // namespace pypyready::scan::rules
