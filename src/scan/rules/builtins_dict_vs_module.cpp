// PPY025 builtins-dict-vs-module: code that treats `__builtins__` as a dict, assigns it, or
// restricts builtins through exec/eval globals.
#include <fmt/format.h>

#include <algorithm>

#include "python/ast_walk.h"
#include "python/parser.h"
#include "python/semantic_model.h"
#include "scan/rules/code_context.h"
#include "scan/rules/rule_helpers.h"
#include "scan/rules/rules.h"

namespace pypyready::scan::rules {

const RuleInfo kBuiltinsDictVsModule{
    .code = "PPY025",
    .name = "builtins-dict-vs-module",
    .severity = Severity::kError,
    .fix = FixAvailability::kSometimes,
    .doc = {
        .what =
            "Finds `__builtins__` used as a dict (`__builtins__[name]`, `.get()`, `.keys()`, `in`, len(), "
            "iteration: error), `isinstance(__builtins__, dict)` (info), assignments to `__builtins__` and "
            "exec/eval globals whose `\"__builtins__\"` entry restricts the builtins (warning), and imports "
            "of RestrictedPython. Uses under a test of `__builtins__`'s type are not reported.",
        .why = "On PyPy `__builtins__` is always the builtins module, while CPython gives a dict outside "
               "`__main__` and in exec'd code; assigning it or passing a restricted `\"__builtins__\"` dict "
               "to exec has no effect on PyPy (PyPy 7.3.11: `__builtins__['len']` raises TypeError; "
               "`exec(\"print(open)\", {\"__builtins__\": {\"print\": print}})` still finds open).",
        .source = "https://doc.pypy.org/en/latest/cpython_differences.html#miscellaneous",
        .example = "original_open = __builtins__[\"open\"]",
        .use_instead = "import builtins\noriginal_open = vars(builtins)[\"open\"]",
    }};

namespace {

constexpr std::string_view kBuiltins = "__builtins__";
constexpr std::string_view kDictMethods[] = {
    "get",     "keys",  "items",    "values",      "copy",        "update",      "setdefault",  "pop",
    "popitem", "clear", "fromkeys", "__getitem__", "__setitem__", "__delitem__", "__contains__"};
constexpr std::string_view kDictConsumers[] = {"builtins.dict",   "builtins.list", "builtins.len",
                                               "builtins.sorted", "builtins.set",  "builtins.tuple",
                                               "builtins.iter"};
constexpr std::string_view kSandboxPackages[] = {"RestrictedPython"};
constexpr NodeKind kKinds[] = {NodeKind::kName, NodeKind::kDict,   NodeKind::kSubscript,
                               NodeKind::kCall, NodeKind::kImport, NodeKind::kImportFrom};

bool listed(std::string_view value, std::span<const std::string_view> names) {
  return std::find(names.begin(), names.end(), value) != names.end();
}

bool is_builtins_name(const Node* node, RuleContext& context) {
  if (node == nullptr || name_id(*node) != kBuiltins) return false;
  // A module that binds `__builtins__` itself talks about its own object.
  return context.model().lookup(kBuiltins, context.scope(), node->lineno, node->col_offset) == nullptr;
}

bool mentions_builtins(const Node& test) {
  bool found = false;
  walk_subtree(test, 128, [&](const Node& node) {
    found = found || name_id(node) == kBuiltins;
    return !found;
  });
  return found;
}

// Under an if/ternary/`and` that inspects `__builtins__` (its type, hasattr), either branch.
bool under_builtins_test(const Node& node, RuleContext& context) {
  const Node* child = &node;
  for (const Node* ancestor = context.parent(node); ancestor != nullptr;
       child = ancestor, ancestor = context.parent(*ancestor)) {
    const Node* test = nullptr;
    if (ancestor->kind == NodeKind::kIf)
      test = python::child_at(*ancestor, field_slot(NodeKind::kIf, "test"));
    if (ancestor->kind == NodeKind::kIfExp)
      test = python::child_at(*ancestor, field_slot(NodeKind::kIfExp, "test"));
    if (ancestor->kind == NodeKind::kBoolOp) {
      for (const Node* value : python::children_at(*ancestor, field_slot(NodeKind::kBoolOp, "values"))) {
        if (value == child) break;
        if (mentions_builtins(*value)) return true;
      }
    }
    if (test != nullptr && test != child && mentions_builtins(*test)) return true;
  }
  return false;
}

// Whether a `"__builtins__"` entry of exec globals hands over all builtins (fine everywhere)
// rather than a restricted set.
bool passes_all_builtins(const Node& value, RuleContext& context) {
  if (name_id(value) == kBuiltins) return true;
  std::string name = context.qualified_name(value);
  if (name == "builtins" || name == "builtins.__dict__") return true;
  if (value.kind == NodeKind::kCall) {
    std::string callee = context.callee_name(value);
    if (callee == "builtins.vars" || callee == "builtins.__import__") return true;
  }
  return false;
}

// `import builtins` before the first statement after the docstring and `from __future__`.
std::optional<Edit> import_builtins_edit(const Node& node, RuleContext& context) {
  for (const python::Binding& binding : context.model().module_scope().bindings) {
    if (binding.kind == python::BindingKind::kImport && binding.origin == "builtins" &&
        binding.name == "builtins") {
      return Edit{};  // already imported under its own name: nothing to insert
    }
  }
  return module_import_edit(node, context, "import builtins\n");
}

// Replaces `__builtins__` by `vars(builtins)`, which is the same dict on both interpreters.
std::optional<Fix> vars_fix(const Node& name, RuleContext& context) {
  // `builtins` must not mean something else where the fix puts it.
  const python::Binding* shadow =
      context.model().lookup("builtins", context.scope(), name.lineno, name.col_offset);
  if (shadow != nullptr && shadow->origin != "builtins") return std::nullopt;
  std::optional<Edit> import = import_builtins_edit(name, context);
  if (!import) return std::nullopt;
  Fix fix;
  fix.description = "use `vars(builtins)`, the builtins dict on every interpreter";
  if (!import->content.empty()) fix.edits.push_back(*import);
  fix.edits.push_back(Edit{context.begin_of(name), context.end_of(name), "vars(builtins)"});
  return fix;
}

class BuiltinsDictVsModule final : public Rule {
 public:
  std::span<const NodeKind> kinds() const override { return kKinds; }
  // Each check looks for `__builtins__` (a name, keyword or string), or imports the sandbox.
  static constexpr std::string_view kRequiredWords[] = {"__builtins__", "RestrictedPython"};
  std::span<const std::string_view> required_words() const override { return kRequiredWords; }
  void check(const Node& node, RuleContext& context) const override {
    switch (node.kind) {
      case NodeKind::kName:
        check_name(node, context);
        break;
      case NodeKind::kDict:
        check_dict(node, context);
        break;
      case NodeKind::kCall:
        check_call(node, context);
        break;
      case NodeKind::kSubscript:
        check_store(node, context);
        break;
      default:
        for_each_imported_module(node, kSandboxPackages, [&](const Node& where, std::string_view package) {
          context.report(where,
                         fmt::format("`{}` restricts builtins through `__builtins__`, which PyPy ignores in "
                                     "exec'd code: the sandbox is open there",
                                     package),
                         std::nullopt, Severity::kWarning);
        });
        break;
    }
  }

 private:
  static void check_name(const Node& node, RuleContext& context) {
    if (name_id(node) != kBuiltins) return;
    const Node* ctx = python::child_at(node, field_slot(NodeKind::kName, "ctx"));
    if (ctx != nullptr && ctx->kind == NodeKind::kStore) {
      context.report(node, "assigning `__builtins__` has no effect on PyPy, where it is always the module",
                     std::nullopt, Severity::kWarning);
      return;
    }
    if (ctx != nullptr && ctx->kind != NodeKind::kLoad) return;
    if (!is_builtins_name(&node, context)) return;
    const Node* parent = context.parent(node);
    if (parent == nullptr) return;
    const Node* use = nullptr;
    std::string what;
    if (parent->kind == NodeKind::kSubscript &&
        python::child_at(*parent, field_slot(NodeKind::kSubscript, "value")) == &node) {
      use = parent;
      what = "`__builtins__[...]`";
    } else if (parent->kind == NodeKind::kAttribute && listed(attribute_name(*parent), kDictMethods)) {
      use = parent;
      what = fmt::format("`__builtins__.{}`", attribute_name(*parent));
    } else if (parent->kind == NodeKind::kCompare) {
      python::NodeSpan comparators =
          python::children_at(*parent, field_slot(NodeKind::kCompare, "comparators"));
      python::NodeSpan ops = python::children_at(*parent, field_slot(NodeKind::kCompare, "ops"));
      for (std::uint32_t index = 0; index < comparators.size; ++index) {
        NodeKind op = ops.items[index]->kind;
        if (comparators.items[index] == &node && (op == NodeKind::kIn || op == NodeKind::kNotIn)) {
          use = parent;
          what = "`in __builtins__`";
        }
      }
    } else if ((parent->kind == NodeKind::kFor || parent->kind == NodeKind::kComprehension) &&
               python::child_at(*parent, parent->kind == NodeKind::kFor
                                             ? field_slot(NodeKind::kFor, "iter")
                                             : field_slot(NodeKind::kComprehension, "iter")) == &node) {
      use = &node;
      what = "iterating `__builtins__`";
    } else if (parent->kind == NodeKind::kCall && call_args(*parent).size == 1 &&
               call_args(*parent).items[0] == &node &&
               listed(context.callee_name_view(*parent), kDictConsumers)) {
      use = parent;
      what = fmt::format("`{}(__builtins__)`", context.text_of(call_func(*parent)));
    }
    if (use == nullptr || context.is_guarded(node) || under_builtins_test(node, context)) return;
    context.report(*use,
                   fmt::format("{} treats `__builtins__` as a dict; on PyPy it is the builtins module "
                               "(TypeError or AttributeError)",
                               what),
                   vars_fix(node, context));
  }

  static void check_call(const Node& call, RuleContext& context) {
    std::string callee = context.callee_name(call);
    if (callee == "builtins.isinstance") {
      if (!is_builtins_name(argument(call, 0, ""), context)) return;
      context.report(
          call,
          "`isinstance(__builtins__, ...)`: on PyPy `__builtins__` is always the module, so only the "
          "module branch runs there",
          std::nullopt, Severity::kInfo);
      return;
    }
    if (callee == "builtins.dict") {
      const Node* value = keyword_value(call, kBuiltins);
      if (value != nullptr && !passes_all_builtins(*value, context)) report_sandbox(call, context);
    }
  }

  static void check_dict(const Node& dict, RuleContext& context) {
    python::NodeSpan keys = python::children_at(dict, field_slot(NodeKind::kDict, "keys"));
    python::NodeSpan values = python::children_at(dict, field_slot(NodeKind::kDict, "values"));
    for (std::uint32_t index = 0; index < keys.size && index < values.size; ++index) {
      if (string_constant(keys.items[index]) != kBuiltins) continue;
      if (passes_all_builtins(*values.items[index], context) || runs_code_without_builtins(dict, context))
        continue;
      report_sandbox(*keys.items[index], context);
    }
  }

  // `exec("x = foo()", {"foo": foo, "__builtins__": {}})`: when the code run is a literal that
  // names no builtin, PyPy ignoring the restriction changes nothing.
  static bool runs_code_without_builtins(const Node& globals, RuleContext& context) {
    const Node* parent = context.parent(globals);
    if (parent == nullptr) return false;
    if (parent->kind == NodeKind::kCall) return literal_code_without_builtins(*parent, &globals, {}, context);
    // `g = {..., "__builtins__": {...}}` then `exec("...", g)`: every exec of `g` in the function.
    if (parent->kind != NodeKind::kAssign) return false;
    python::NodeSpan targets = python::children_at(*parent, field_slot(NodeKind::kAssign, "targets"));
    if (targets.size != 1 || targets.items[0]->kind != NodeKind::kName) return false;
    std::string_view name = name_id(*targets.items[0]);
    const Node* scope = parent;
    while (scope->kind != NodeKind::kFunctionDef && scope->kind != NodeKind::kAsyncFunctionDef &&
           scope->kind != NodeKind::kModule) {
      scope = context.parent(*scope);
      if (scope == nullptr) return false;
    }
    int execs = 0;
    bool all_without = true;
    python::walk_preorder(*scope, [&](const Node& node) {
      if (!all_without) return false;
      if (node.kind == NodeKind::kCall) {
        const Node* second = argument(node, 1, "globals");
        if (second != nullptr && name_id(*second) == name) {
          std::string callee = context.callee_name(node);
          if (callee == "builtins.exec" || callee == "builtins.eval") {
            ++execs;
            all_without = literal_code_without_builtins(node, nullptr, name, context);
          }
        }
      }
      return true;
    });
    return execs > 0 && all_without;
  }

  // Whether `call` is exec/eval of a literal naming no builtin, with `globals` (or a Name
  // `globals_name`) as its globals.
  static bool literal_code_without_builtins(const Node& call, const Node* globals,
                                            std::string_view globals_name, RuleContext& context) {
    std::string callee = context.callee_name(call);
    if (callee != "builtins.exec" && callee != "builtins.eval") return false;
    const Node* second = argument(call, 1, "globals");
    if (second == nullptr || (globals != nullptr ? second != globals : name_id(*second) != globals_name))
      return false;
    std::optional<std::string_view> code = string_constant(argument(call, 0, "source"));
    if (!code) return false;
    python::ParsedFile parsed = python::parse_text(*code);
    if (parsed.module == nullptr) return false;
    bool names_builtin = false;
    python::walk_preorder(*parsed.module, [&](const Node& node) {
      if (node.kind == NodeKind::kName && python::is_builtin_name(name_id(node))) names_builtin = true;
      return !names_builtin;
    });
    return !names_builtin;
  }

  // `namespace["__builtins__"] = {...}`
  static void check_store(const Node& subscript, RuleContext& context) {
    const Node* ctx = python::child_at(subscript, field_slot(NodeKind::kSubscript, "ctx"));
    if (ctx == nullptr || ctx->kind != NodeKind::kStore) return;
    if (string_constant(python::child_at(subscript, field_slot(NodeKind::kSubscript, "slice"))) != kBuiltins)
      return;
    const Node* assign = context.parent(subscript);
    if (assign == nullptr || assign->kind != NodeKind::kAssign) return;
    const Node& value = *python::child_at(*assign, field_slot(NodeKind::kAssign, "value"));
    if (!passes_all_builtins(value, context)) report_sandbox(subscript, context);
  }

  static void report_sandbox(const Node& where, RuleContext& context) {
    context.report(
        where,
        "a restricted `__builtins__` entry for exec/eval globals is ignored by PyPy: the code still "
        "sees every builtin",
        std::nullopt, Severity::kWarning);
  }
};

}  // namespace

std::unique_ptr<Rule> make_builtins_dict_vs_module() {
  return std::make_unique<BuiltinsDictVsModule>();
}

}  // namespace pypyready::scan::rules
