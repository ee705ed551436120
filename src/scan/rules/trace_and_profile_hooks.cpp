// PPY023 trace-and-profile-hooks: tracing and profiling hooks, whose events and cost differ on PyPy.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <vector>

#include "scan/rules/code_context.h"
#include "scan/rules/rule_helpers.h"
#include "scan/rules/rules.h"

namespace pypyready::scan::rules {

const RuleInfo kTraceAndProfileHooks{
    .code = "PPY023",
    .name = "trace-and-profile-hooks",
    .severity = Severity::kInfo,
    .fix = FixAvailability::kNone,
    .doc = {
        .what = "Finds sys.settrace/setprofile, threading.settrace/setprofile (and the *_all_threads forms), "
                "assignments to frame.f_trace and frame.f_lineno, pdb.set_trace() outside debug flags, and "
                "imports of coverage, bdb, trace, cProfile and profile outside test code. Warning when the "
                "hook is a function of this file that branches on the event name; removing or restoring a "
                "hook (`settrace(None)`, `settrace(sys.gettrace())`) is not reported.",
        .why = "Tracing hooks are documented to slow PyPy's JIT, and the events differ: PyPy reports an "
               "extra `line` event per iteration of a `for` loop (PyPy 7.3.11: 2,999,603 events against "
               "CPython's 2,000,004 for a 1M-iteration loop), so tools that count lines or events, coverage "
               "thresholds and tests on trace output get other numbers.",
        .source = "https://doc.pypy.org/en/latest/cpython_differences.html#miscellaneous",
        .example =
            "def tracer(frame, event, arg):\n    if event == \"line\":\n        hits[frame.f_lineno] += 1\n"
            "    return tracer\n\nsys.settrace(tracer)",
        .use_instead =
            "# count with a tool that knows both interpreters (coverage.py) and compare results per "
            "interpreter, not against fixed numbers",
    }};

namespace {

constexpr std::string_view kHooks[] = {"sys.settrace",
                                       "sys.setprofile",
                                       "threading.settrace",
                                       "threading.setprofile",
                                       "threading.settrace_all_threads",
                                       "threading.setprofile_all_threads"};
constexpr std::string_view kDebuggerCalls[] = {"pdb.set_trace", "bdb.set_trace"};
constexpr std::string_view kToolModules[] = {"coverage", "bdb", "trace", "cProfile", "profile"};
constexpr NodeKind kKinds[] = {NodeKind::kCall, NodeKind::kAttribute, NodeKind::kImport,
                               NodeKind::kImportFrom};

bool contains_ci(std::string_view haystack, std::string_view needle) {
  return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
         }) != haystack.end();
}

// `if debug:` / `if args.pdb:` around a debugger entry point.
bool behind_debug_flag(const Node& node, const RuleContext& context) {
  for (const Node* ancestor = context.parent(node); ancestor != nullptr;
       ancestor = context.parent(*ancestor)) {
    if (ancestor->kind != NodeKind::kIf) continue;
    std::string_view test = context.text_of(*python::child_at(*ancestor, field_slot(NodeKind::kIf, "test")));
    if (contains_ci(test, "debug") || contains_ci(test, "pdb") || contains_ci(test, "break")) return true;
  }
  for (const Node* function = enclosing_function(node, context); function != nullptr;
       function = enclosing_function(*function, context)) {
    std::string_view name = function_name(*function);
    if (contains_ci(name, "debug") || contains_ci(name, "break") || contains_ci(name, "pdb")) return true;
  }
  return false;
}

// `settrace(None)`, `settrace(sys.gettrace())`, `settrace(old)` with `old = sys.gettrace()`.
bool removes_or_restores(const Node& hook, const RuleContext& context) {
  if (hook.kind == NodeKind::kConstant) return true;
  const Node* value = &hook;
  if (hook.kind == NodeKind::kName) {
    const python::Binding* binding =
        context.model().lookup(name_id(hook), context.scope(), hook.lineno, hook.col_offset);
    if (binding != nullptr && binding->value != nullptr) value = binding->value;
  }
  if (value->kind == NodeKind::kCall) {
    std::string_view name = attribute_name(call_func(*value));
    if (name.empty()) name = name_id(call_func(*value));
    return name == "gettrace" || name == "getprofile";
  }
  std::string_view text = context.text_of(hook);
  return contains_ci(text, "old") || contains_ci(text, "orig") || contains_ci(text, "prev") ||
         contains_ci(text, "saved");
}

// The function installed as hook when it is defined in this file: a def bound to the name, or
// a method `self.name` of the enclosing class.
const Node* hook_function(const Node& hook, const RuleContext& context) {
  if (hook.kind == NodeKind::kName) {
    const python::Binding* binding =
        context.model().lookup(name_id(hook), context.scope(), hook.lineno, hook.col_offset);
    return binding != nullptr && binding->kind == python::BindingKind::kFunction ? binding->node : nullptr;
  }
  if (hook.kind != NodeKind::kAttribute) return nullptr;
  std::string_view method = attribute_name(hook);
  for (const Node* ancestor = context.parent(hook); ancestor != nullptr;
       ancestor = context.parent(*ancestor)) {
    if (ancestor->kind != NodeKind::kClassDef) continue;
    for (const Node* statement : python::children_at(*ancestor, field_slot(NodeKind::kClassDef, "body"))) {
      if (statement->kind == NodeKind::kFunctionDef && function_name(*statement) == method) return statement;
    }
    return nullptr;
  }
  return nullptr;
}

// A hook that compares its `event` parameter with event names consumes the events for logic.
bool branches_on_events(const Node& function) {
  const Node* arguments = python::child_at(function, field_slot(NodeKind::kFunctionDef, "args"));
  python::NodeSpan parameters = python::children_at(*arguments, field_slot(NodeKind::kArguments, "args"));
  // The event is the parameter after the frame: (frame, event, arg) or (self, frame, event, arg).
  std::vector<std::string_view> names;
  for (const Node* parameter : parameters) {
    std::string_view name = python::ident_at(*parameter, field_slot(NodeKind::kArg, "arg"));
    if (names.empty() && (name == "self" || name == "cls")) continue;
    names.push_back(name);
  }
  if (names.size() < 2) return false;
  std::string_view event = names[1];
  auto compares_event = [&](const Node& compare) {
    bool names_event = false;
    bool names_kind = false;
    walk_subtree(compare, 64, [&](const Node& part) {
      if (name_id(part) == event) names_event = true;
      if (string_constant(&part)) names_kind = true;
      return true;
    });
    return names_event && names_kind;
  };
  // `if event == "exception": assert ...` only checks what it receives: no path depends on it.
  auto only_asserts = [](python::NodeSpan body) {
    return std::all_of(body.begin(), body.end(), [](const Node* statement) {
      if (statement->kind == NodeKind::kAssert || statement->kind == NodeKind::kPass) return true;
      // `kind, value, tb = arg` unpacks what the hook received.
      if (statement->kind == NodeKind::kAssign)
        return python::child_at(*statement, field_slot(NodeKind::kAssign, "value"))->kind == NodeKind::kName;
      // `self.assertIsInstance(...)`
      if (statement->kind != NodeKind::kExpr) return false;
      const Node* value = python::child_at(*statement, field_slot(NodeKind::kExpr, "value"));
      return value->kind == NodeKind::kCall && attribute_name(call_func(*value)).starts_with("assert");
    });
  };
  std::vector<const Node*> checked_tests;
  bool found = false;
  for (const Node* statement : python::children_at(function, field_slot(NodeKind::kFunctionDef, "body"))) {
    walk_subtree(*statement, 1024, [&](const Node& node) {
      if (found || opens_definition(node)) return false;
      if (node.kind == NodeKind::kIf) {
        const Node* test = python::child_at(node, field_slot(NodeKind::kIf, "test"));
        if (test->kind == NodeKind::kCompare && compares_event(*test) &&
            only_asserts(python::children_at(node, field_slot(NodeKind::kIf, "body"))) &&
            python::children_at(node, field_slot(NodeKind::kIf, "orelse")).size == 0)
          checked_tests.push_back(test);
      }
      if (node.kind == NodeKind::kCompare &&
          std::find(checked_tests.begin(), checked_tests.end(), &node) == checked_tests.end())
        found = compares_event(node);
      return !found;
    });
    if (found) break;
  }
  return found;
}

// bdb is also imported just to catch bdb.BdbQuit; only a debugger built on bdb.Bdb traces.
bool builds_a_debugger(const Node& import, const RuleContext& context) {
  if (import.kind == NodeKind::kImportFrom) {
    for (const Node* alias : python::children_at(import, field_slot(NodeKind::kImportFrom, "names"))) {
      if (python::ident_at(*alias, field_slot(NodeKind::kAlias, "name")) == "Bdb") return true;
    }
    return false;
  }
  // `bdb.Bdb` itself, not `bdb.BdbQuit`.
  std::string_view source = context.source();
  for (std::size_t at = source.find("bdb.Bdb"); at != std::string_view::npos;
       at = source.find("bdb.Bdb", at + 1)) {
    std::size_t next = at + 7;
    if (next >= source.size() ||
        !(std::isalnum(static_cast<unsigned char>(source[next])) || source[next] == '_'))
      return true;
  }
  return false;
}

class TraceAndProfileHooks final : public Rule {
 public:
  std::span<const NodeKind> kinds() const override { return kKinds; }
  // The tool modules, frame attributes, and the last components of the hooks.
  static constexpr std::string_view kRequiredWords[] = {"coverage",
                                                        "bdb",
                                                        "trace",
                                                        "cProfile",
                                                        "profile",
                                                        "f_trace",
                                                        "f_lineno",
                                                        "set_trace",
                                                        "settrace",
                                                        "setprofile",
                                                        "settrace_all_threads",
                                                        "setprofile_all_threads"};
  std::span<const std::string_view> required_words() const override { return kRequiredWords; }
  void check(const Node& node, RuleContext& context) const override {
    switch (node.kind) {
      case NodeKind::kImport:
      case NodeKind::kImportFrom:
        check_import(node, context);
        return;
      case NodeKind::kAttribute:
        check_frame_store(node, context);
        return;
      default:
        check_call(node, context);
        return;
    }
  }

 private:
  static void check_import(const Node& node, RuleContext& context) {
    if (is_test_path(context.path())) return;
    for_each_imported_module(node, kToolModules, [&](const Node& where, std::string_view module) {
      if (context.is_guarded(node)) return;
      if (module == "bdb" && !builds_a_debugger(node, context)) return;
      context.report(where,
                     fmt::format("`{}` works through trace or profile hooks, which slow PyPy's JIT and "
                                 "report different events",
                                 module));
    });
  }

  static void check_frame_store(const Node& node, RuleContext& context) {
    std::string_view name = attribute_name(node);
    if (name != "f_trace" && name != "f_lineno") return;
    if (python::child_at(node, field_slot(NodeKind::kAttribute, "ctx"))->kind != NodeKind::kStore) return;
    const Node* statement = context.parent(node);
    if (statement != nullptr && statement->kind == NodeKind::kAssign) {
      const Node* value = python::child_at(*statement, field_slot(NodeKind::kAssign, "value"));
      if (value->kind == NodeKind::kConstant && name == "f_trace") return;  // `frame.f_trace = None`
    }
    if (under_implementation_check(node, context)) return;
    context.report(node,
                   name == "f_trace"
                       ? "per-frame trace function: PyPy reports a different set of trace events"
                       : "jump by assigning f_lineno: depends on the trace events, which differ on PyPy");
  }

  static void check_call(const Node& node, RuleContext& context) {
    // Attribute calls are filtered by name before any look-up; plain names may be aliases.
    std::string_view last = attribute_name(call_func(node));
    if (call_func(node).kind == NodeKind::kAttribute && last != "set_trace" &&
        last.find("settrace") == std::string_view::npos &&
        last.find("setprofile") == std::string_view::npos) {
      return;
    }
    if (call_func(node).kind != NodeKind::kAttribute && !is_imported_name(call_func(node), context)) return;
    std::string name = context.callee_name(node);
    if (std::find(std::begin(kDebuggerCalls), std::end(kDebuggerCalls), name) != std::end(kDebuggerCalls)) {
      if (behind_debug_flag(node, context) || under_implementation_check(node, context)) return;
      context.report(node, fmt::format("`{}()` installs a trace hook: slow under PyPy's JIT", name));
      return;
    }
    if (std::find(std::begin(kHooks), std::end(kHooks), name) == std::end(kHooks)) return;
    const Node* hook = argument(node, 0, "function");
    if (hook == nullptr || removes_or_restores(*hook, context) || under_implementation_check(node, context))
      return;
    const Node* function = hook_function(*hook, context);
    bool logic =
        function != nullptr && function->kind == NodeKind::kFunctionDef && branches_on_events(*function);
    context.report(
        node,
        logic ? fmt::format("`{}` hook that branches on event names: PyPy emits a different set of "
                            "events (an extra `line` per for-loop iteration)",
                            name)
              : fmt::format("`{}` hook: slows PyPy's JIT and sees different events than on CPython", name),
        std::nullopt, logic ? std::optional(Severity::kWarning) : std::nullopt);
  }
};

}  // namespace

std::unique_ptr<Rule> make_trace_and_profile_hooks() {
  return std::make_unique<TraceAndProfileHooks>();
}

}  // namespace pypyready::scan::rules
