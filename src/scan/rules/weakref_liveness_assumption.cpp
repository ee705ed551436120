// PPY008 weakref-liveness-assumption: code that expects a weakly referenced object to die, or its
// callback to run, as soon as the last strong reference goes.
#include <fmt/format.h>

#include <algorithm>

#include "python/ast_walk.h"
#include "scan/rules/code_context.h"
#include "scan/rules/rule_helpers.h"
#include "scan/rules/rules.h"

namespace pypyready::scan::rules {

const RuleInfo kWeakrefLivenessAssumption{
    .code = "PPY008",
    .name = "weakref-liveness-assumption",
    .severity = Severity::kWarning,
    .fix = FixAvailability::kNone,
    .doc = {
        .what =
            "Finds assertions that a weakly referenced object is gone right after `del` (`del x` then "
            "`assert r() is None`, `assertNotIn(key, weak_dict)`, `len(weak_set) == 0`, or any assertion "
            "in a function whose weakref callback or weakref.finalize is expected to have run) with no "
            "`gc.collect()` in between (warning). Weakref callbacks (`weakref.ref(x, callback)`, "
            "`WeakMethod(m, callback)`), `weakref.finalize`, `weakref.proxy` and the WeakValueDictionary, "
            "WeakKeyDictionary and WeakSet containers are reported as info: entries and referents linger "
            "until the garbage collector runs.",
        .why = "A weak reference dies when its referent is collected: at once on CPython, at the next "
               "collection on PyPy, where a callback may even not fire when the referent and the weakref die "
               "together (PyPy 7.3.11 after `del`: callback not fired, `ref()` alive, WeakValueDictionary "
               "entry present, proxy usable; on CPython all four are gone).",
        .source = "https://doc.pypy.org/en/latest/"
                  "cpython_differences.html#differences-related-to-garbage-collection-strategies",
        .example = "r = weakref.ref(obj)\ndel obj\nassert r() is None",
        .use_instead = "r = weakref.ref(obj)\ndel obj\ngc.collect()\nassert r() is None",
    }};

namespace {

constexpr std::string_view kCreators[] = {"weakref.ref",
                                          "weakref.proxy",
                                          "weakref.finalize",
                                          "weakref.WeakMethod",
                                          "weakref.WeakValueDictionary",
                                          "weakref.WeakKeyDictionary",
                                          "weakref.WeakSet",
                                          "_weakref.ref",
                                          "_weakref.proxy",
                                          "_weakrefset.WeakSet"};
constexpr int kStatementsAfterDel = 8;

bool listed(std::string_view name, std::span<const std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

std::string_view last_part(const Node& call) {
  const Node& callee = call_func(call);
  return callee.kind == NodeKind::kName ? name_id(callee) : attribute_name(callee);
}

// The weakref API a call creates ("" when none).
std::string weakref_creator(const Node& call, const RuleContext& context) {
  std::string_view last = last_part(call);
  bool candidate = std::ranges::any_of(
      kCreators, [last](std::string_view creator) { return last_component_is(creator, last); });
  // A bare name may be an alias (`from weakref import WeakValueDictionary as Cache`).
  if (!candidate && call_func(call).kind != NodeKind::kName) return {};
  std::string_view name = context.callee_name_view(call);
  return listed(name, kCreators) ? std::string(name) : std::string{};
}

bool has_callback(const Node& call, std::string_view creator) {
  if (creator.ends_with(".ref") || creator.ends_with("WeakMethod")) {
    return argument(call, 1, "callback") != nullptr;
  }
  return creator.ends_with(".finalize");
}

// Weak objects named in the function, and whether it registers a callback.
struct WeakNames {
  std::vector<std::string_view> names;
  bool callback = false;
};

WeakNames weak_names(const Node& body_owner, const RuleContext& context) {
  WeakNames found;
  python::walk_preorder(body_owner, [&](const Node& node) {
    if (&node != &body_owner &&
        (node.kind == NodeKind::kFunctionDef || node.kind == NodeKind::kAsyncFunctionDef ||
         node.kind == NodeKind::kClassDef)) {
      return false;
    }
    if (node.kind != NodeKind::kCall) return true;
    std::string creator = weakref_creator(node, context);
    if (creator.empty()) return true;
    found.callback = found.callback || has_callback(node, creator);
    const Node* parent = context.parent(node);
    if (parent != nullptr && parent->kind == NodeKind::kAssign) {
      for (const Node* target : python::children_at(*parent, field_slot(NodeKind::kAssign, "targets"))) {
        std::string_view id = name_id(*target);
        if (id.empty() && target->kind == NodeKind::kAttribute) id = attribute_name(*target);
        if (!id.empty()) found.names.push_back(id);
      }
    }
    return true;
  });
  return found;
}

bool collects(const Node& statement) {
  bool found = false;
  python::walk_preorder(statement, [&](const Node& node) {
    if (found) return false;
    if (node.kind == NodeKind::kCall) {
      std::string_view last = last_part(node);
      found = last.find("collect") != std::string_view::npos;
    }
    return !found;
  });
  return found;
}

// `finalizer.detach()` kills the finalizer deterministically: later checks do not depend on the GC.
bool detaches(const Node& statement) {
  bool found = false;
  python::walk_preorder(statement, [&](const Node& node) {
    if (found) return false;
    found = node.kind == NodeKind::kCall && attribute_name(call_func(node)) == "detach";
    return !found;
  });
  return found;
}

// An `assert` statement or a unittest-style `self.assertX(...)` / `self.fail...` call.
bool is_assertion(const Node& statement) {
  if (statement.kind == NodeKind::kAssert) return true;
  if (statement.kind != NodeKind::kExpr) return false;
  const Node* value = python::child_at(statement, field_slot(NodeKind::kExpr, "value"));
  if (value->kind != NodeKind::kCall) return false;
  std::string_view last = last_part(*value);
  return last.starts_with("assert") || last.starts_with("fail");
}

bool mentions(const Node& statement, const WeakNames& weak) {
  bool found = false;
  python::walk_preorder(statement, [&](const Node& node) {
    if (found) return false;
    std::string_view id = name_id(node);
    if (id.empty()) id = attribute_name(node);
    found = !id.empty() && listed(id, weak.names);
    return !found;
  });
  return found;
}

bool contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

// Whether an assertion checks that something is gone rather than alive: `is None`, `not in`, a zero
// length, ReferenceError, assertFalse.
bool asserts_death(std::string_view text) {
  bool none = contains(text, "None") && !contains(text, "is not None") && !contains(text, "IsNot");
  bool absent = contains(text, "NotIn") || contains(text, " not in ");
  bool empty = contains(text, "len(") && (contains(text, ", 0)") || contains(text, "== 0"));
  return none || absent || empty || contains(text, "ReferenceError") || contains(text, "assertFalse") ||
         text.starts_with("assert not ");
}

// Whether an assertion checks that a callback has run (`assertTrue(called)`, `assertEqual(log, ["gone"])`)
// rather than that it has not (`assertEqual(log, [])`, `assertFalse(called)`), which holds on PyPy too.
bool asserts_callback_ran(std::string_view text) {
  for (std::string_view negative : {"[]", "set()", "{}", ", 0)", "== 0", "assertFalse", "assert not ", "None",
                                    "NotIn", " not in ", "IsNot"}) {
    if (contains(text, negative)) return false;
  }
  return true;
}

class WeakrefLivenessAssumption final : public Rule {
 public:
  static constexpr NodeKind kKinds[] = {NodeKind::kCall, NodeKind::kDelete};
  std::span<const NodeKind> kinds() const override { return kKinds; }
  // Both checks need a weakref creator: kCreators are in these modules.
  static constexpr std::string_view kRequiredWords[] = {"weakref", "_weakref", "_weakrefset"};
  std::span<const std::string_view> required_words() const override { return kRequiredWords; }
  void check(const Node& node, RuleContext& context) const override {
    if (node.kind == NodeKind::kCall) {
      check_creation(node, context);
    } else {
      check_deletion(node, context);
    }
  }

 private:
  static void check_creation(const Node& call, RuleContext& context) {
    std::string creator = weakref_creator(call, context);
    if (creator.empty() || under_implementation_check(call, context)) return;
    std::string_view shown = std::string_view(creator).substr(creator.find('.') + 1);
    std::string message;
    if (has_callback(call, creator)) {
      message = fmt::format(
          "the `{}` callback runs when the garbage collector frees the object: at once on "
          "CPython, later (or, for a referent dying with its weakref, never) on PyPy",
          shown);
    } else if (shown == "proxy") {
      message =
          "a weakref.proxy stays usable after the last strong reference goes until PyPy's garbage "
          "collector runs";
    } else if (shown.starts_with("Weak") && shown != "WeakMethod") {
      message = fmt::format(
          "`{}` entries outlive their last strong reference until PyPy's garbage collector "
          "runs: code must not expect them to vanish at once",
          shown);
    } else {
      return;
    }
    context.report(call, std::move(message), std::nullopt, Severity::kInfo);
  }

  static void check_deletion(const Node& del, RuleContext& context) {
    const Node* owner = context.parent(del);
    if (owner == nullptr) return;
    // The statements after `del` in its block.
    python::NodeSpan block{nullptr, 0};
    const python::NodeInfo& info = python::node_info(owner->kind);
    std::uint32_t index = 0;
    for (int field = 0; field < info.field_count && block.items == nullptr; ++field) {
      if (info.fields[field].shape != python::FieldShape::kList) continue;
      python::NodeSpan candidate = python::children_at(*owner, field);
      for (index = 0; index < candidate.size; ++index) {
        if (candidate.items[index] == &del) {
          block = candidate;
          break;
        }
      }
    }
    if (block.items == nullptr) return;
    const Node* scope_node = context.scope().node;
    if (scope_node == nullptr || scope_node->kind == NodeKind::kModule) return;
    std::optional<WeakNames> weak;
    for (std::uint32_t next = index + 1; next < block.size && next <= index + kStatementsAfterDel; ++next) {
      const Node& statement = *block.items[next];
      if (collects(statement) || detaches(statement)) return;
      if (!is_assertion(statement)) continue;
      if (!weak) weak = weak_names(*scope_node, context);
      if (weak->names.empty() && !weak->callback) return;
      std::string_view text = context.text_of(statement);
      bool assumed =
          mentions(statement, *weak) ? asserts_death(text) : weak->callback && asserts_callback_ran(text);
      if (!assumed) continue;
      if (under_implementation_check(statement, context)) return;
      context.report(
          statement,
          "asserts that a weakly referenced object is gone (or its callback ran) right after `del`: "
          "on PyPy it dies only when the garbage collector runs; call gc.collect() first");
      return;
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_weakref_liveness_assumption() {
  return std::make_unique<WeakrefLivenessAssumption>();
}

}  // namespace pypyready::scan::rules
