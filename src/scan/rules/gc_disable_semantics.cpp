// PPY009 gc-disable-semantics: gc.disable() also stops finalizers on PyPy.
#include <fmt/format.h>

#include <algorithm>

#include "python/ast_walk.h"
#include "scan/rules/code_context.h"
#include "scan/rules/rule_helpers.h"
#include "scan/rules/rules.h"

namespace pypyready::scan::rules {

const RuleInfo kGcDisableSemantics{
    .code = "PPY009",
    .name = "gc-disable-semantics",
    .severity = Severity::kWarning,
    .fix = FixAvailability::kNone,
    .doc = {
        .what =
            "Finds `gc.disable()` (however imported). A call that its function re-enables (`gc.enable()`, "
            "in a `finally` or not, or `addCleanup(gc.enable)`), or that the `__exit__`/`tearDown`/`stop` of "
            "the same class re-enables, or that sits in a tear-down itself, is reported as info; one left "
            "disabled is a warning. A disable in a `finally` (restoring the caller's state) is not reported.",
        .why =
            "On CPython gc.disable() only pauses the cycle collector: reference counting still frees "
            "objects and closes files. On PyPy it stops major collections and the finalizers with them, so "
            "memory grows and dropped files and sockets stay open until collection is enabled again "
            "(PyPy 7.3.11: 100 files dropped while disabled stay open, CPython closes all of them).",
        .source = "https://doc.pypy.org/en/latest/gc_info.html",
        .example = "gc.disable()\nrun_batch()",
        .use_instead = "gc.disable()\ntry:\n    run_batch()\nfinally:\n    gc.enable()",
    }};

namespace {

bool calls_gc_enable(const Node& root, const RuleContext& context) {
  bool found = false;
  python::walk_preorder(root, [&](const Node& node) {
    if (found) return false;
    if (node.kind == NodeKind::kCall && attribute_name(call_func(node)) == "enable") {
      found = context.callee_name_view(node) == "gc.enable";
    } else if (node.kind == NodeKind::kCall && name_id(call_func(node)) == "enable") {
      found = context.callee_name_view(node) == "gc.enable";
    }
    return !found;
  });
  return found;
}

// Anywhere in the function: a gc.enable() call, or gc.enable handed to addCleanup/atexit/ExitStack.
bool enabled_in_function(const RuleContext& context) {
  const Node* function = context.scope().node;
  if (function == nullptr || function->kind == NodeKind::kModule) return false;
  bool found = false;
  python::walk_preorder(*function, [&](const Node& node) {
    if (found) return false;
    if (&node != function &&
        (node.kind == NodeKind::kFunctionDef || node.kind == NodeKind::kAsyncFunctionDef ||
         node.kind == NodeKind::kClassDef || node.kind == NodeKind::kLambda)) {
      return false;
    }
    found = node.kind == NodeKind::kAttribute && attribute_name(node) == "enable" &&
            context.qualified_name_view(node) == "gc.enable";
    return !found;
  });
  return found;
}

// A disable in a finally restores a caller's disabled state rather than starting a section.
bool in_finally(const Node& call, const RuleContext& context) {
  const Node* child = &call;
  for (const Node* ancestor = context.parent(call); ancestor != nullptr;
       child = ancestor, ancestor = context.parent(*ancestor)) {
    if (ancestor->kind == NodeKind::kFunctionDef || ancestor->kind == NodeKind::kAsyncFunctionDef)
      return false;
    if (ancestor->kind == NodeKind::kTry || ancestor->kind == NodeKind::kTryStar) {
      python::NodeSpan finalbody = python::children_at(*ancestor, field_slot(NodeKind::kTry, "finalbody"));
      if (std::find(finalbody.begin(), finalbody.end(), child) != finalbody.end()) return true;
    }
  }
  return false;
}

// tearDown and __exit__ put back the state a test or block started with.
bool in_teardown(const RuleContext& context) {
  const Node* function = context.scope().node;
  if (function == nullptr ||
      (function->kind != NodeKind::kFunctionDef && function->kind != NodeKind::kAsyncFunctionDef)) {
    return false;
  }
  std::string_view name = python::ident_at(*function, field_slot(NodeKind::kFunctionDef, "name"));
  return name == "tearDown" || name == "tearDownClass" || name == "__exit__" || name == "__aexit__" ||
         name == "teardown_method" || name == "teardown_class";
}

bool any_calls_gc_enable(python::NodeSpan statements, const RuleContext& context) {
  for (const Node* statement : statements) {
    if (calls_gc_enable(*statement, context)) return true;
  }
  return false;
}

// gc.enable() in the finally of a try that contains the call or follows it in the same block.
bool enabled_in_finally(const Node& call, const RuleContext& context) {
  const Node* statement = context.enclosing_statement(call);
  for (const Node* ancestor = context.parent(*statement); ancestor != nullptr;
       ancestor = context.parent(*ancestor)) {
    if (ancestor->kind == NodeKind::kFunctionDef || ancestor->kind == NodeKind::kAsyncFunctionDef ||
        ancestor->kind == NodeKind::kClassDef) {
      break;
    }
    if ((ancestor->kind == NodeKind::kTry || ancestor->kind == NodeKind::kTryStar) &&
        any_calls_gc_enable(python::children_at(*ancestor, field_slot(NodeKind::kTry, "finalbody")),
                            context)) {
      return true;
    }
  }
  const Node* owner = context.parent(*statement);
  if (owner == nullptr) return false;
  const python::NodeInfo& info = python::node_info(owner->kind);
  for (int field = 0; field < info.field_count; ++field) {
    if (info.fields[field].shape != python::FieldShape::kList) continue;
    python::NodeSpan block = python::children_at(*owner, field);
    bool after = false;
    for (const Node* sibling : block) {
      if (after && (sibling->kind == NodeKind::kTry || sibling->kind == NodeKind::kTryStar) &&
          any_calls_gc_enable(python::children_at(*sibling, field_slot(NodeKind::kTry, "finalbody")),
                              context)) {
        return true;
      }
      after = after || sibling == statement;
    }
  }
  return false;
}

// Disabled in a set-up method and enabled again in the matching tear-down of the same class.
bool enabled_by_teardown(const RuleContext& context) {
  const python::Scope& scope = context.scope();
  if (scope.kind != python::ScopeKind::kFunction) return false;
  const Node* owner = context.parent(*scope.node);
  if (owner == nullptr || owner->kind != NodeKind::kClassDef) return false;
  for (const Node* statement : python::children_at(*owner, field_slot(NodeKind::kClassDef, "body"))) {
    if (statement->kind != NodeKind::kFunctionDef && statement->kind != NodeKind::kAsyncFunctionDef) continue;
    std::string_view name = python::ident_at(*statement, field_slot(NodeKind::kFunctionDef, "name"));
    if (name != "__exit__" && name != "__aexit__" && name != "tearDown" && name != "tearDownClass" &&
        name != "stop" && name != "close" && name != "teardown_method" && name != "teardown_class") {
      continue;
    }
    // The tear-down's own scope resolves `gc` the same way for module-level imports.
    if (calls_gc_enable(*statement, context)) return true;
  }
  return false;
}

class GcDisableSemantics final : public Rule {
 public:
  static constexpr NodeKind kKinds[] = {NodeKind::kCall};
  std::span<const NodeKind> kinds() const override { return kKinds; }
  void check(const Node& call, RuleContext& context) const override {
    const Node& callee = call_func(call);
    if (attribute_name(callee) != "disable" && callee.kind != NodeKind::kName) return;
    if (context.callee_name_view(call) != "gc.disable" || under_implementation_check(call, context)) return;
    if (in_finally(call, context)) return;
    if (enabled_in_finally(call, context) || enabled_in_function(context) || enabled_by_teardown(context) ||
        in_teardown(context)) {
      context.report(
          call,
          "gc.disable() also stops finalizers on PyPy: files and sockets dropped before gc.enable() "
          "stay open until then",
          std::nullopt, Severity::kInfo);
      return;
    }
    context.report(call,
                   "gc.disable() without gc.enable() in a finally: on PyPy it stops major collections and "
                   "finalizers, so memory grows and dropped files and sockets stay open");
  }
};

}  // namespace

std::unique_ptr<Rule> make_gc_disable_semantics() {
  return std::make_unique<GcDisableSemantics>();
}

}  // namespace pypyready::scan::rules
