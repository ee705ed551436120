// PPY005 generator-with-cleanup-abandoned: a generator whose finally/with cleanup only runs when it is
// exhausted or closed, consumed by code that can stop early.
#include <fmt/format.h>

#include <array>

#include "python/ast_walk.h"
#include "scan/rules/code_context.h"
#include "scan/rules/name_shapes.h"
#include "scan/rules/resource_ownership.h"
#include "scan/rules/rule_helpers.h"
#include "scan/rules/rules.h"

namespace pypyready::scan::rules {

const RuleInfo kGeneratorWithCleanupAbandoned{
    .code = "PPY005",
    .name = "generator-with-cleanup-abandoned",
    .severity = Severity::kWarning,
    .fix = FixAvailability::kNone,
    .doc = {
        .what = "Finds calls of a generator function of the same module whose `yield` sits inside a "
                "`try` with `finally` or inside a `with` block, when the generator is consumed by a `for` "
                "loop that can leave early (`break`, `return`, `raise`), by `next()`, `itertools.islice`, "
                "`takewhile`, `any` or `all`, and is never closed (`gen.close()`, `contextlib.closing`). "
                "Generators decorated with `contextlib.contextmanager` or as pytest fixtures are not "
                "generators abandoned by their caller and are skipped.",
        .why = "An abandoned generator runs its `finally` (or `__exit__`) when it is finalized: at once on "
               "CPython, when the garbage collector runs on PyPy, so locks stay held, files open and "
               "transactions pending (PyPy 7.3.11: after `break`, the generator's finally had not run; on "
               "CPython it had).",
        .source = "https://github.com/pypy/pypy/issues/736",
        .example = "def rows(path):\n    with open(path) as f:\n        yield from f\n\nfor row in rows(p):\n"
                   "    if row.startswith(\"#\"):\n        break",
        .use_instead = "with contextlib.closing(rows(p)) as it:\n    for row in it:\n"
                       "        if row.startswith(\"#\"):\n            break",
    }};

namespace {

// throw() raises inside the generator, which then finishes its cleanup.
constexpr std::string_view kCloseMethods[] = {"close", "aclose", "throw", "athrow"};
constexpr ReleaseSpec kGeneratorSpec{kCloseMethods, false};

// Consumers that may stop before the generator is exhausted.
constexpr std::string_view kEarlyStoppers[] = {"builtins.next",       "builtins.anext", "itertools.islice",
                                               "itertools.takewhile", "builtins.any",   "builtins.all"};
// Consumers that always exhaust their argument.
constexpr std::string_view kExhausters[] = {"builtins.list", "builtins.tuple", "builtins.sorted",
                                            "builtins.set",  "builtins.dict",  "builtins.frozenset",
                                            "builtins.sum",  "builtins.min",   "builtins.max"};
// Lazy wrappers the generator is iterated through.
constexpr std::string_view kLazyWrappers[] = {"builtins.enumerate", "builtins.zip", "builtins.map",
                                              "builtins.filter", "builtins.iter"};

bool listed(std::string_view name, std::span<const std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// The last components of the three lists, and getattr, which callee_name() resolves through.
constexpr auto kListedLastComponents = [] {
  std::array<std::string_view,
             std::size(kEarlyStoppers) + std::size(kExhausters) + std::size(kLazyWrappers) + 1>
      lasts{};
  std::size_t count = 0;
  for (std::span<const std::string_view> list :
       {std::span<const std::string_view>(kEarlyStoppers), std::span<const std::string_view>(kExhausters),
        std::span<const std::string_view>(kLazyWrappers)}) {
    for (std::string_view name : list)
      lasts[count++] = name.substr(name.rfind('.') + 1);
  }
  lasts[count] = "getattr";
  return lasts;
}();
constexpr NameShapes kListedLastShapes{kListedLastComponents};

// Whether the callee name of `call` may be in one of the lists, told without resolving it: the
// callee name of a call of an attribute ends with that attribute (getattr aside), and the
// arguments of most calls are passed to methods named like none of the listed functions.
bool may_call_listed(const Node& call) {
  const Node& callee = call_func(call);
  return callee.kind != NodeKind::kAttribute || kListedLastShapes.may_contain(attribute_name(callee));
}

bool opens_scope(NodeKind kind) {
  return kind == NodeKind::kFunctionDef || kind == NodeKind::kAsyncFunctionDef ||
         kind == NodeKind::kClassDef || kind == NodeKind::kLambda;
}

bool is_function(const Node* node) {
  return node != nullptr &&
         (node->kind == NodeKind::kFunctionDef || node->kind == NodeKind::kAsyncFunctionDef);
}

// `@contextmanager` and pytest fixtures drive the generator to its end themselves.
bool driven_by_decorator(const Node& function) {
  for (const Node* decorator :
       python::children_at(function, field_slot(NodeKind::kFunctionDef, "decorator_list"))) {
    const Node* callee = decorator;
    if (callee->kind == NodeKind::kCall) callee = &call_func(*callee);
    std::string_view last = callee->kind == NodeKind::kName ? name_id(*callee) : attribute_name(*callee);
    if (last == "contextmanager" || last == "asynccontextmanager" || last == "fixture" ||
        last == "yield_fixture") {
      return true;
    }
  }
  return false;
}

// A `yield` of `function` guarded by a finally or a with block; nullptr when there is none.
const Node* yield_with_cleanup(const Node& function, const RuleContext& context) {
  if (driven_by_decorator(function)) return nullptr;
  const Node* found = nullptr;
  std::vector<const Node*> pending;
  for (const Node* statement : python::children_at(function, field_slot(NodeKind::kFunctionDef, "body")))
    pending.push_back(statement);
  while (!pending.empty() && found == nullptr) {
    const Node* node = pending.back();
    pending.pop_back();
    if (opens_scope(node->kind)) continue;
    if (node->kind == NodeKind::kYield || node->kind == NodeKind::kYieldFrom) {
      const Node* child = node;
      for (const Node* ancestor = context.parent(*node); ancestor != nullptr && ancestor != &function;
           child = ancestor, ancestor = context.parent(*ancestor)) {
        bool in_try = ancestor->kind == NodeKind::kTry || ancestor->kind == NodeKind::kTryStar;
        if (in_try) {
          python::NodeSpan finalbody =
              python::children_at(*ancestor, field_slot(NodeKind::kTry, "finalbody"));
          if (finalbody.size > 0 && std::find(finalbody.begin(), finalbody.end(), child) == finalbody.end()) {
            found = node;
            break;
          }
        }
        if (ancestor->kind == NodeKind::kWith || ancestor->kind == NodeKind::kAsyncWith) {
          python::NodeSpan body = python::children_at(*ancestor, field_slot(NodeKind::kWith, "body"));
          if (std::find(body.begin(), body.end(), child) != body.end()) {
            found = node;
            break;
          }
        }
      }
    }
    python::for_each_child(*node, [&pending](const Node& child) {
      if (!(child.kind >= NodeKind::kLoad && child.kind <= NodeKind::kNotIn)) pending.push_back(&child);
    });
  }
  return found;
}

// The generator function a call invokes: a function of an enclosing scope, or `self.method()`.
const Node* called_function(const Node& call, const RuleContext& context) {
  const Node& callee = call_func(call);
  if (callee.kind == NodeKind::kName) {
    const python::Binding* binding =
        context.model().lookup(name_id(callee), context.scope(), callee.lineno, callee.col_offset);
    if (binding == nullptr || binding->kind != python::BindingKind::kFunction) return nullptr;
    return is_function(binding->node) ? binding->node : nullptr;
  }
  const Node* receiver = callee.kind == NodeKind::kAttribute
                             ? python::child_at(callee, field_slot(NodeKind::kAttribute, "value"))
                             : nullptr;
  if (receiver == nullptr || name_id(*receiver) != "self") return nullptr;
  const python::Scope& scope = context.scope();
  if (scope.kind != python::ScopeKind::kFunction) return nullptr;
  const Node* owner = context.parent(*scope.node);
  if (owner == nullptr || owner->kind != NodeKind::kClassDef) return nullptr;
  for (const Node* statement : python::children_at(*owner, field_slot(NodeKind::kClassDef, "body"))) {
    if (is_function(statement) &&
        python::ident_at(*statement, field_slot(NodeKind::kFunctionDef, "name")) == attribute_name(callee)) {
      return statement;
    }
  }
  return nullptr;
}

// Whether a loop body can leave the loop before the iterator is exhausted.
bool exits_early(const Node& loop) {
  bool exits = false;
  std::vector<std::pair<const Node*, int>> pending;  // node, depth of nested loops
  for (const Node* statement : python::children_at(loop, field_slot(NodeKind::kFor, "body")))
    pending.emplace_back(statement, 0);
  while (!pending.empty() && !exits) {
    auto [node, depth] = pending.back();
    pending.pop_back();
    if (opens_scope(node->kind)) continue;
    if (node->kind == NodeKind::kReturn || node->kind == NodeKind::kRaise ||
        (node->kind == NodeKind::kBreak && depth == 0)) {
      exits = true;
      break;
    }
    bool loop_inside =
        node->kind == NodeKind::kFor || node->kind == NodeKind::kAsyncFor || node->kind == NodeKind::kWhile;
    python::for_each_child(*node, [&pending, depth, loop_inside](const Node& child) {
      if (is_statement(child.kind) || child.kind == NodeKind::kExceptHandler ||
          child.kind == NodeKind::kMatchCase) {
        pending.emplace_back(&child, depth + (loop_inside ? 1 : 0));
      }
    });
  }
  return exits;
}

enum class Consumption { kNone, kExhausted, kMayStop };

// How the iterator value at `value` is consumed by its immediate context.
Consumption consumption_of(const Node& value_node, const RuleContext& context) {
  const Node* value = &value_node;
  const Node* parent = context.parent(*value);
  while (parent != nullptr && parent->kind == NodeKind::kCall && &call_func(*parent) != value &&
         may_call_listed(*parent) && listed(context.callee_name_view(*parent), kLazyWrappers)) {
    value = parent;
    parent = context.parent(*parent);
  }
  if (parent == nullptr) return Consumption::kNone;
  if ((parent->kind == NodeKind::kFor || parent->kind == NodeKind::kAsyncFor) &&
      python::child_at(*parent, field_slot(NodeKind::kFor, "iter")) == value) {
    return exits_early(*parent) ? Consumption::kMayStop : Consumption::kExhausted;
  }
  if (parent->kind == NodeKind::kCall && &call_func(*parent) != value && may_call_listed(*parent)) {
    std::string_view name = context.callee_name_view(*parent);
    if (listed(name, kEarlyStoppers)) return Consumption::kMayStop;
    if (listed(name, kExhausters)) return Consumption::kExhausted;
  }
  return Consumption::kNone;
}

// A generator bound to a name: abandoned when some use may stop early, none exhausts it, and it is
// neither closed nor handed on.
bool bound_generator_abandoned(std::string_view name, const RuleContext& context) {
  const python::Scope& scope = context.scope();
  if (scope.kind == python::ScopeKind::kClass || scope.kind == python::ScopeKind::kComprehension)
    return false;
  bool captured = false;
  std::vector<const Node*> loads = name_loads(*scope.node, name, captured);
  if (captured) return false;
  bool may_stop = false;
  for (const Node* load : loads) {
    if (classify_use(*load, kGeneratorSpec, context) != Use::kNeutral) return false;
    switch (consumption_of(*load, context)) {
      case Consumption::kExhausted:
        return false;
      case Consumption::kMayStop:
        may_stop = true;
        break;
      case Consumption::kNone:
        break;
    }
  }
  return may_stop;
}

class GeneratorWithCleanupAbandoned final : public Rule {
 public:
  static constexpr NodeKind kKinds[] = {NodeKind::kCall};
  std::span<const NodeKind> kinds() const override { return kKinds; }
  void check(const Node& call, RuleContext& context) const override {
    const Node* parent = context.parent(call);
    if (parent == nullptr) return;
    bool abandoned = consumption_of(call, context) == Consumption::kMayStop;
    if (!abandoned) {
      const Node* target = nullptr;
      if (parent->kind == NodeKind::kAssign &&
          python::children_at(*parent, field_slot(NodeKind::kAssign, "targets")).size == 1) {
        target = python::children_at(*parent, field_slot(NodeKind::kAssign, "targets")).items[0];
      }
      if (parent->kind == NodeKind::kNamedExpr)
        target = python::child_at(*parent, field_slot(NodeKind::kNamedExpr, "target"));
      if (target == nullptr || target->kind != NodeKind::kName) return;
      // The generator check walks the callee; do it only for calls of local functions. Following
      // the bound name walks its whole scope, so it comes last, for generators with cleanup.
      const Node* function = called_function(call, context);
      if (function == nullptr || yield_with_cleanup(*function, context) == nullptr) return;
      abandoned = bound_generator_abandoned(name_id(*target), context);
    }
    if (!abandoned) return;
    const Node* function = called_function(call, context);
    if (function == nullptr) return;
    const Node* yield = yield_with_cleanup(*function, context);
    if (yield == nullptr || under_implementation_check(call, context)) return;
    context.report(
        call,
        fmt::format("generator `{}` has cleanup around its yield (line {}) that runs only when "
                    "it is exhausted or closed; it may be abandoned here, and PyPy then runs the "
                    "cleanup only when the garbage collector does: use contextlib.closing()",
                    python::ident_at(*function, field_slot(NodeKind::kFunctionDef, "name")), yield->lineno));
  }
};

}  // namespace

std::unique_ptr<Rule> make_generator_with_cleanup_abandoned() {
  return std::make_unique<GeneratorWithCleanupAbandoned>();
}

}  // namespace pypyready::scan::rules
