// PPY021 instance-dict-order: iterating an instance dict whose attributes are set in varying orders.
#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "scan/rules/code_context.h"
#include "scan/rules/iteration_order.h"
#include "scan/rules/rule_helpers.h"
#include "scan/rules/rules.h"

namespace pypyready::scan::rules {

const RuleInfo kInstanceDictOrder{
    .code = "PPY021",
    .name = "instance-dict-order",
    .severity = Severity::kInfo,
    .fix = FixAvailability::kNone,
    .doc = {
        .what = "Finds iteration over `vars(obj)` or `obj.__dict__` (for loops, items/keys/values, list(), "
                "join, print, json) where obj is `self` or an instance of a class of the same file whose "
                "`__init__` assigns its attributes in different orders on different paths.",
        .why = "PyPy stores instance attributes in maps (hidden classes); when instances of one class get "
               "their attributes in different orders, PyPy may list them in the first-seen order where "
               "CPython lists each instance's own insertion order (PyPy 7.3.11: `vars(A(reorder=True))` "
               "gives ['a', 'b'], CPython ['b', 'a']).",
        .source = "https://doc.pypy.org/en/latest/cpython_differences.html#miscellaneous",
        .example = "class A:\n    def __init__(self, reorder):\n        if reorder:\n            self.b = 2\n"
                   "        self.a = 1\n        self.b = 2\n\nprint(list(vars(A(True))))",
        .use_instead = "print(sorted(vars(A(True))))  # or assign attributes in one fixed order",
    }};

namespace {

using Path = std::vector<std::string_view>;
constexpr std::size_t kMaxPaths = 32;

const Node* first_parameter(const Node& function) {
  const Node* arguments = python::child_at(function, field_slot(NodeKind::kFunctionDef, "args"));
  python::NodeSpan positional =
      python::children_at(*arguments, field_slot(NodeKind::kArguments, "posonlyargs"));
  if (positional.size == 0)
    positional = python::children_at(*arguments, field_slot(NodeKind::kArguments, "args"));
  return positional.size == 0 ? nullptr : positional.items[0];
}

// The attribute names a statement assigns on `self`, in order (not inside nested definitions).
void collect_assignments(const Node& statement, std::string_view self, Path& out) {
  walk_subtree(statement, 512, [&](const Node& node) {
    if (opens_definition(node)) return false;
    if (node.kind == NodeKind::kAttribute &&
        python::child_at(node, field_slot(NodeKind::kAttribute, "ctx"))->kind == NodeKind::kStore &&
        name_id(*python::child_at(node, field_slot(NodeKind::kAttribute, "value"))) == self) {
      out.push_back(attribute_name(node));
    } else if (node.kind == NodeKind::kCall && name_id(call_func(node)) == "setattr" &&
               call_args(node).size == 3 && name_id(*call_args(node).items[0]) == self) {
      if (std::optional<std::string_view> name = string_constant(call_args(node).items[1]))
        out.push_back(*name);
    }
    return true;
  });
}

bool assigns_self(const Node& statement, std::string_view self) {
  Path found;
  collect_assignments(statement, self, found);
  return !found.empty();
}

// Every path through `body` as its sequence of attribute assignments; if/else branch, all else
// runs straight through.
std::vector<Path> paths_through(python::NodeSpan body, std::string_view self) {
  std::vector<Path> paths{Path{}};
  for (const Node* statement : body) {
    if (statement->kind == NodeKind::kIf && assigns_self(*statement, self)) {
      std::vector<Path> branches =
          paths_through(python::children_at(*statement, field_slot(NodeKind::kIf, "body")), self);
      std::vector<Path> others =
          paths_through(python::children_at(*statement, field_slot(NodeKind::kIf, "orelse")), self);
      branches.insert(branches.end(), others.begin(), others.end());
      std::vector<Path> next;
      for (const Path& path : paths) {
        for (const Path& branch : branches) {
          if (next.size() >= kMaxPaths) break;
          Path joined = path;
          joined.insert(joined.end(), branch.begin(), branch.end());
          next.push_back(std::move(joined));
        }
      }
      paths = std::move(next);
    } else {
      Path straight;
      collect_assignments(*statement, self, straight);
      for (Path& path : paths)
        path.insert(path.end(), straight.begin(), straight.end());
    }
  }
  return paths;
}

// Position of each attribute's first assignment on a path.
std::vector<std::string_view> first_order(const Path& path) {
  std::vector<std::string_view> order;
  for (std::string_view name : path) {
    if (std::find(order.begin(), order.end(), name) == order.end()) order.push_back(name);
  }
  return order;
}

// Whether two paths insert some pair of attributes in opposite orders.
bool orders_conflict(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b) {
  std::vector<std::string_view> common_in_a;
  std::vector<std::string_view> common_in_b;
  for (std::string_view name : a) {
    if (std::find(b.begin(), b.end(), name) != b.end()) common_in_a.push_back(name);
  }
  for (std::string_view name : b) {
    if (std::find(a.begin(), a.end(), name) != a.end()) common_in_b.push_back(name);
  }
  return common_in_a != common_in_b;
}

bool init_order_varies(const Node& class_def) {
  for (const Node* statement : python::children_at(class_def, field_slot(NodeKind::kClassDef, "body"))) {
    if (statement->kind != NodeKind::kFunctionDef || function_name(*statement) != "__init__") continue;
    const Node* self = first_parameter(*statement);
    if (self == nullptr) return false;
    std::string_view self_name = python::ident_at(*self, field_slot(NodeKind::kArg, "arg"));
    std::vector<Path> paths =
        paths_through(python::children_at(*statement, field_slot(NodeKind::kFunctionDef, "body")), self_name);
    std::vector<std::vector<std::string_view>> orders;
    for (const Path& path : paths)
      orders.push_back(first_order(path));
    for (std::size_t i = 0; i < orders.size(); ++i) {
      for (std::size_t j = i + 1; j < orders.size(); ++j) {
        if (orders_conflict(orders[i], orders[j])) return true;
      }
    }
    return false;
  }
  return false;
}

// The class defined in this file that `object` is an instance of: `self` in a method, `Cls(...)`,
// or a name bound once to `Cls(...)`.
const Node* class_of(const Node& object, const RuleContext& context, int depth = 0) {
  if (depth > 2) return nullptr;
  if (object.kind == NodeKind::kCall) {
    const Node& callee = call_func(object);
    if (callee.kind != NodeKind::kName) return nullptr;
    const python::Binding* binding =
        context.model().lookup(name_id(callee), context.scope(), callee.lineno, callee.col_offset);
    return binding != nullptr && binding->kind == python::BindingKind::kClass ? binding->node : nullptr;
  }
  if (object.kind != NodeKind::kName) return nullptr;
  const python::Binding* binding =
      context.model().lookup(name_id(object), context.scope(), object.lineno, object.col_offset);
  if (binding == nullptr) return nullptr;
  if (binding->kind == python::BindingKind::kParameter) {
    const Node* function = binding->scope->node;
    if (function == nullptr || function->kind != NodeKind::kFunctionDef ||
        first_parameter(*function) != binding->node) {
      return nullptr;
    }
    const Node* owner = context.parent(*function);
    return owner != nullptr && owner->kind == NodeKind::kClassDef ? owner : nullptr;
  }
  if (binding->kind == python::BindingKind::kAssignment && binding->value != nullptr &&
      binding->scope->bindings_of(binding->name).size() == 1) {
    return class_of(*binding->value, context, depth + 1);
  }
  return nullptr;
}

class InstanceDictOrder final : public Rule {
 public:
  static constexpr NodeKind kKinds[] = {NodeKind::kCall, NodeKind::kAttribute};
  std::span<const NodeKind> kinds() const override { return kKinds; }
  // Every finding is at an attribute named `__dict__` or a call of a Name `vars`.
  static constexpr std::string_view kRequiredWords[] = {"__dict__", "vars"};
  std::span<const std::string_view> required_words() const override { return kRequiredWords; }
  void check(const Node& node, RuleContext& context) const override {
    const Node* object = nullptr;
    if (node.kind == NodeKind::kAttribute) {
      if (attribute_name(node) != "__dict__") return;
      object = python::child_at(node, field_slot(NodeKind::kAttribute, "value"));
    } else {
      if (name_id(call_func(node)) != "vars" || call_args(node).size != 1) return;
      if (context.callee_name_view(node) != "builtins.vars") return;
      object = call_args(node).items[0];
    }
    const Node* iterable = &node;
    const Node* parent = context.parent(node);
    if (parent != nullptr && parent->kind == NodeKind::kAttribute) {
      std::string_view view = attribute_name(*parent);
      const Node* call = context.parent(*parent);
      if ((view != "items" && view != "keys" && view != "values") || call == nullptr ||
          call->kind != NodeKind::kCall || &call_func(*call) != parent) {
        return;
      }
      iterable = call;
    }
    if (!may_observe_order(*iterable, context)) return;
    const Node* class_def = class_of(*object, context);
    if (class_def == nullptr || !init_order_varies(*class_def)) return;
    std::optional<OrderObserver> observer = observed_order(*iterable, context);
    if (!observer || under_implementation_check(node, context)) return;
    context.report(
        node,
        fmt::format("instance attributes listed in an observable order ({}) while `{}.__init__` "
                    "assigns them in different orders: PyPy may keep the first-seen order",
                    observer->how, python::ident_at(*class_def, field_slot(NodeKind::kClassDef, "name"))));
  }
};

}  // namespace

std::unique_ptr<Rule> make_instance_dict_order() {
  return std::make_unique<InstanceDictOrder>();
}

}  // namespace pypyready::scan::rules
