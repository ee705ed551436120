#include "scan/rules/iteration_order.h"

#include <vector>

#include "scan/rules/code_context.h"
#include "scan/rules/name_shapes.h"
#include "scan/rules/rule_helpers.h"

namespace pypyready::scan::rules {
namespace {

constexpr int kMaxDepth = 4;

bool listed(std::string_view name, std::span<const std::string_view> names) {
  for (std::string_view entry : names) {
    if (entry == name) return true;
  }
  return false;
}

bool is_argument_of(const Node& node, const Node& call) {
  for (const Node* argument : call_args(call)) {
    if (argument == &node) return true;
  }
  return false;
}

// Names of the calls observed_at() knows to observe order (the builtins unless shadowed, json's
// dump/dumps also when imported from json, str.join, csv writers).
constexpr std::string_view kObservingCalls[] = {"list", "tuple",    "enumerate", "zip",  "print",
                                                "iter", "map",      "filter",    "dump", "dumps",
                                                "join", "writerow", "writelines"};
// Asked of the callee of every call that has a plain name among its arguments.
constexpr NameShapes kObservingCallShapes{kObservingCalls};

// Consumers whose result does not depend on the order they receive elements in.
constexpr std::string_view kOrderInsensitive[] = {
    "builtins.sorted",     "builtins.set",        "builtins.frozenset",  "builtins.len",
    "builtins.sum",        "builtins.min",        "builtins.max",        "builtins.any",
    "builtins.all",        "builtins.bool",       "random.shuffle",      "heapq.heapify",
    "collections.Counter", "builtins.isinstance", "builtins.issubclass", "random.choice"};

bool consumer_ignores_order(const Node& value, const RuleContext& context) {
  const Node* parent = context.parent(value);
  if (parent == nullptr) return false;
  if (parent->kind == NodeKind::kCall && is_argument_of(value, *parent)) {
    // `name.startswith(tuple(prefixes))`: any match will do.
    std::string_view method = attribute_name(call_func(*parent));
    if (method == "startswith" || method == "endswith") return true;
    return listed(context.callee_name_view(*parent), kOrderInsensitive);
  }
  if (parent->kind == NodeKind::kCompare) {
    // `x in list(s)`: membership only.
    python::NodeSpan ops = python::children_at(*parent, field_slot(NodeKind::kCompare, "ops"));
    python::NodeSpan comparators =
        python::children_at(*parent, field_slot(NodeKind::kCompare, "comparators"));
    for (std::uint32_t index = 0; index < comparators.size && index < ops.size; ++index) {
      if (comparators.items[index] == &value &&
          (ops.items[index]->kind == NodeKind::kIn || ops.items[index]->kind == NodeKind::kNotIn)) {
        return true;
      }
    }
  }
  return false;
}

// The statements that follow `statement` in the body holding it.
python::NodeSpan following_statements(const Node& statement, const RuleContext& context) {
  const Node* owner = context.parent(statement);
  if (owner == nullptr) return {nullptr, 0};
  const python::NodeInfo& info = python::node_info(owner->kind);
  for (int field = 0; field < info.field_count; ++field) {
    if (info.fields[field].shape != python::FieldShape::kList) continue;
    python::NodeSpan body = python::children_at(*owner, field);
    for (std::uint32_t index = 0; index < body.size; ++index) {
      if (body.items[index] == &statement) return {body.items + index + 1, body.size - index - 1};
    }
  }
  return {nullptr, 0};
}

// `items = list(s)` followed by `items.sort()` or `items = sorted(items)`.
bool sorted_after_assignment(const Node& value, const RuleContext& context) {
  const Node* statement = context.parent(value);
  if (statement == nullptr || statement->kind != NodeKind::kAssign) return false;
  python::NodeSpan targets = python::children_at(*statement, field_slot(NodeKind::kAssign, "targets"));
  if (targets.size != 1 || targets.items[0]->kind != NodeKind::kName) return false;
  std::string_view name = name_id(*targets.items[0]);
  python::NodeSpan next = following_statements(*statement, context);
  bool sorted = false;
  for (std::uint32_t index = 0; index < next.size && index < 8 && !sorted; ++index) {
    walk_subtree(*next.items[index], 256, [&](const Node& node) {
      if (sorted || opens_definition(node)) return false;
      if (node.kind == NodeKind::kCall) {
        const Node& callee = call_func(node);
        if (attribute_name(callee) == "sort" &&
            name_id(*python::child_at(callee, field_slot(NodeKind::kAttribute, "value"))) == name) {
          sorted = true;
        } else if (call_args(node).size >= 1 && name_id(*call_args(node).items[0]) == name &&
                   (name_id(callee) == "sorted" || attribute_name(callee) == "shuffle")) {
          sorted = true;
        }
      }
      return !sorted;
    });
  }
  return sorted;
}

// A list built from the iterable (list(), tuple(), a list comprehension, `[*x]`) keeps its order
// unless it goes straight into an order-insensitive consumer or is sorted right away.
std::optional<OrderObserver> observed_at(const Node& iterable, const RuleContext& context, int depth);

std::optional<OrderObserver> built_sequence(const Node& sequence, std::string_view how,
                                            const RuleContext& context, int depth) {
  // `for x in list(s):` and `[... for x in list(s)]` observe no more than iterating s would.
  if (const Node* consumer = context.parent(sequence);
      consumer != nullptr &&
      (((consumer->kind == NodeKind::kFor || consumer->kind == NodeKind::kAsyncFor) &&
        python::child_at(*consumer, field_slot(NodeKind::kFor, "iter")) == &sequence) ||
       (consumer->kind == NodeKind::kComprehension &&
        python::child_at(*consumer, field_slot(NodeKind::kComprehension, "iter")) == &sequence))) {
    return observed_at(sequence, context, depth + 1);
  }
  if (consumer_ignores_order(sequence, context) || sorted_after_assignment(sequence, context))
    return std::nullopt;
  const Node* parent = context.parent(sequence);
  if (parent != nullptr && parent->kind == NodeKind::kAttribute && attribute_name(*parent) == "sort") {
    return std::nullopt;
  }
  // `list(s)` as a statement of its own discards the list; `{*[...]}` is a set again.
  if (parent != nullptr && parent->kind == NodeKind::kExpr) return std::nullopt;
  if (parent != nullptr && parent->kind == NodeKind::kStarred) {
    const Node* owner = context.parent(*parent);
    if (owner != nullptr && owner->kind == NodeKind::kSet) return std::nullopt;
  }
  return OrderObserver{&sequence, how, false};
}

// Statements in a loop body that make the visiting order visible: building a sequence,
// producing output, yielding or returning values that depend on the element visited.
struct BodyEffect {
  bool observed = false;
  bool output = false;
  std::vector<std::string_view> built;  ///< names of the lists appended to (`out.append(x)`)
  bool only_built = true;               ///< nothing but appends to `built` was seen
};

constexpr std::string_view kSequenceMethods[] = {"append",     "extend", "insert",
                                                 "appendleft", "put",    "put_nowait"};
constexpr std::string_view kOutputMethods[] = {"write",     "writelines", "writerow",
                                               "writerows", "send",       "sendall"};

bool is_text_value(const Node& node) {
  if (node.kind == NodeKind::kJoinedStr || node.kind == NodeKind::kList) return true;
  if (string_constant(&node)) return true;
  if (node.kind == NodeKind::kBinOp) {
    return is_text_value(*python::child_at(node, field_slot(NodeKind::kBinOp, "left"))) ||
           is_text_value(*python::child_at(node, field_slot(NodeKind::kBinOp, "right")));
  }
  return false;
}

// Names that hold the element visited or values computed from it.
using Tainted = std::vector<std::string_view>;

bool mentions(const Node* node, const Tainted& tainted) {
  if (node == nullptr) return false;
  bool found = false;
  walk_subtree(*node, 256, [&](const Node& each) {
    if (each.kind == NodeKind::kName && listed(name_id(each), tainted)) found = true;
    return !found;
  });
  return found;
}

void add_targets(const Node& target, Tainted& tainted) {
  walk_subtree(target, 64, [&](const Node& each) {
    if (each.kind == NodeKind::kName) tainted.push_back(name_id(each));
    return each.kind == NodeKind::kTuple || each.kind == NodeKind::kList || each.kind == NodeKind::kStarred ||
           &each == &target;
  });
}

void record_call(const Node& call, const Tainted& tainted, BodyEffect& effect) {
  const Node& callee = call_func(call);
  std::string_view method = attribute_name(callee);
  bool output = name_id(callee) == "print" || listed(method, kOutputMethods);
  bool sequence = listed(method, kSequenceMethods);
  if (!output && !sequence) return;
  bool depends = false;
  for (const Node* argument : call_args(call))
    depends = depends || mentions(argument, tainted);
  if (!depends) return;
  effect.observed = true;
  if (output) {
    effect.output = true;
    effect.only_built = false;
    return;
  }
  const Node* receiver = python::child_at(callee, field_slot(NodeKind::kAttribute, "value"));
  if (receiver->kind == NodeKind::kName) {
    effect.built.push_back(name_id(*receiver));
  } else {
    effect.only_built = false;
  }
}

BodyEffect loop_body_effect(const Node& loop) {
  BodyEffect effect;
  Tainted tainted;
  add_targets(*python::child_at(loop, field_slot(NodeKind::kFor, "target")), tainted);
  auto observe = [&effect] {
    effect.observed = true;
    effect.only_built = false;
  };
  for (const Node* statement : python::children_at(loop, field_slot(NodeKind::kFor, "body"))) {
    walk_subtree(*statement, 1024, [&](const Node& node) {
      if (effect.output || opens_definition(node)) return false;
      switch (node.kind) {
        case NodeKind::kAssign:
          if (mentions(python::child_at(node, field_slot(NodeKind::kAssign, "value")), tainted)) {
            for (const Node* target : python::children_at(node, field_slot(NodeKind::kAssign, "targets")))
              add_targets(*target, tainted);
          }
          break;
        case NodeKind::kNamedExpr:
          if (mentions(python::child_at(node, field_slot(NodeKind::kNamedExpr, "value")), tainted))
            add_targets(*python::child_at(node, field_slot(NodeKind::kNamedExpr, "target")), tainted);
          break;
        case NodeKind::kFor:
          if (mentions(python::child_at(node, field_slot(NodeKind::kFor, "iter")), tainted))
            add_targets(*python::child_at(node, field_slot(NodeKind::kFor, "target")), tainted);
          break;
        case NodeKind::kYield:
          if (mentions(python::child_at(node, field_slot(NodeKind::kYield, "value")), tainted)) observe();
          break;
        case NodeKind::kYieldFrom:
          if (mentions(python::child_at(node, field_slot(NodeKind::kYieldFrom, "value")), tainted)) observe();
          break;
        case NodeKind::kReturn:
          if (mentions(python::child_at(node, field_slot(NodeKind::kReturn, "value")), tainted)) observe();
          break;
        case NodeKind::kAugAssign: {
          const Node* value = python::child_at(node, field_slot(NodeKind::kAugAssign, "value"));
          if (python::child_at(node, field_slot(NodeKind::kAugAssign, "op"))->kind == NodeKind::kAdd &&
              is_text_value(*value) && mentions(value, tainted)) {
            observe();
          }
          break;
        }
        case NodeKind::kCall:
          record_call(node, tainted, effect);
          break;
        default:
          break;
      }
      return true;
    });
    if (effect.output) break;
  }
  return effect;
}

// Whether every list in `built` is sorted somewhere in `scope_node` (`out.sort()`, `sorted(out)`).
bool all_sorted_later(const Node& scope_node, const std::vector<std::string_view>& built) {
  std::vector<std::string_view> sorted;
  walk_subtree(scope_node, 8192, [&](const Node& node) {
    if (node.kind != NodeKind::kCall) return true;
    const Node& callee = call_func(node);
    if (attribute_name(callee) == "sort") {
      sorted.push_back(name_id(*python::child_at(callee, field_slot(NodeKind::kAttribute, "value"))));
    } else if (name_id(callee) == "sorted" && call_args(node).size >= 1) {
      sorted.push_back(name_id(*call_args(node).items[0]));
    }
    return true;
  });
  for (std::string_view name : built) {
    if (!listed(name, sorted)) return false;
  }
  return true;
}

std::optional<OrderObserver> observed_at(const Node& iterable, const RuleContext& context, int depth) {
  const Node* parent = context.parent(iterable);
  if (parent == nullptr || depth > kMaxDepth) return std::nullopt;
  switch (parent->kind) {
    case NodeKind::kCall: {
      if (!is_argument_of(iterable, *parent)) return std::nullopt;
      const Node& callee = call_func(*parent);
      bool first = call_args(*parent).items[0] == &iterable;
      if (attribute_name(callee) == "join" &&
          string_constant(python::child_at(callee, field_slot(NodeKind::kAttribute, "value")))) {
        return OrderObserver{parent, "str.join()", false};
      }
      if (attribute_name(callee) == "writerow" || attribute_name(callee) == "writelines") {
        return OrderObserver{parent, "a writer", true};
      }
      std::string name = context.callee_name(*parent);
      if (first && (name == "builtins.list" || name == "builtins.tuple"))
        return built_sequence(*parent, name == "builtins.list" ? "list()" : "tuple()", context, depth);
      if (name == "builtins.enumerate" || name == "builtins.zip") {
        if (consumer_ignores_order(*parent, context)) return std::nullopt;
        return OrderObserver{parent, name == "builtins.zip" ? "zip()" : "enumerate()", false};
      }
      if (name == "builtins.print") return OrderObserver{parent, "print()", true};
      if (first && (name == "json.dump" || name == "json.dumps")) return OrderObserver{parent, "json", true};
      if (first && name == "builtins.iter") {
        const Node* next = context.parent(*parent);
        if (next != nullptr && next->kind == NodeKind::kCall &&
            context.callee_name_view(*next) == "builtins.next")
          return OrderObserver{next, "next(iter())", false};
        return std::nullopt;
      }
      if (name == "builtins.map" || name == "builtins.filter")
        return observed_at(*parent, context, depth + 1);
      return std::nullopt;
    }
    case NodeKind::kFor:
    case NodeKind::kAsyncFor: {
      if (python::child_at(*parent, field_slot(NodeKind::kFor, "iter")) != &iterable) return std::nullopt;
      BodyEffect effect = loop_body_effect(*parent);
      if (!effect.observed) return std::nullopt;
      if (effect.only_built) {
        const Node* scope_node = enclosing_function(*parent, context);
        if (scope_node == nullptr) scope_node = context.parent(*parent);
        if (scope_node != nullptr && all_sorted_later(*scope_node, effect.built)) return std::nullopt;
      }
      return OrderObserver{parent, "a for loop", effect.output};
    }
    case NodeKind::kComprehension: {
      if (python::child_at(*parent, field_slot(NodeKind::kComprehension, "iter")) != &iterable)
        return std::nullopt;
      const Node* owner = context.parent(*parent);
      if (owner == nullptr) return std::nullopt;
      if (owner->kind == NodeKind::kListComp)
        return built_sequence(*owner, "a list comprehension", context, depth);
      if (owner->kind == NodeKind::kGeneratorExp) return observed_at(*owner, context, depth + 1);
      return std::nullopt;
    }
    case NodeKind::kStarred: {
      const Node* owner = context.parent(*parent);
      if (owner == nullptr) return std::nullopt;
      if (owner->kind == NodeKind::kList || owner->kind == NodeKind::kTuple)
        return built_sequence(*owner, "unpacking", context, depth);
      if (owner->kind == NodeKind::kCall && context.callee_name_view(*owner) == "builtins.print")
        return OrderObserver{owner, "print()", true};
      return std::nullopt;
    }
    default:
      return std::nullopt;
  }
}

}  // namespace

bool call_may_observe_order(const Node& iterable, const Node& call) {
  // By name first: most calls take names as arguments, and resolving each would be wasted.
  const Node& callee = call_func(call);
  if (&callee == &iterable) return false;
  std::string_view name = callee.kind == NodeKind::kName ? name_id(callee) : attribute_name(callee);
  return kObservingCallShapes.may_contain(name) && listed(name, kObservingCalls);
}

std::optional<OrderObserver> observed_order(const Node& iterable, const RuleContext& context) {
  return observed_at(iterable, context, 0);
}

}  // namespace pypyready::scan::rules
