// PPY040 newer-than-target-python: syntax and standard-library names that the target PyPy's
// Python version does not have yet. Each construct is reported once per file, where it first
// occurs; the engine keeps the first finding per LanguageNeed::feature.
#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "scan/rules/fstring_syntax.h"
#include "scan/rules/rule_helpers.h"
#include "scan/rules/rules.h"
#include "scan/rules/stdlib_additions.h"

namespace pypyready::scan::rules {

const RuleInfo kNewerThanTargetPython{
    .code = "PPY040",
    .name = "newer-than-target-python",
    .severity = Severity::kError,
    .fix = FixAvailability::kNone,
    .doc = {
        .what = "Finds the first use in each file of syntax and standard-library names newer than the "
                "Python version of the target PyPy (--target-pypy / `target-pypy`; else the pypy3 on this "
                "machine; else 3.10). Syntax: := and positional-only parameters (3.8), decorator "
                "expressions and parenthesised context managers (3.9), match and unparenthesised := in "
                "subscripts and sets (3.10), except* and star "
                "expressions in subscripts (3.11), type parameters, `type` aliases and PEP 701 f-strings "
                "(3.12), type parameter defaults (3.13), f\"{x=}\" (3.8). Library: new modules (zoneinfo, "
                "graphlib, tomllib, ...), functions (itertools.pairwise, math.lcm, typing.Self, "
                "asyncio.TaskGroup, ...), keyword arguments (zip(strict=), dataclass(slots=, kw_only=)) "
                "and methods (str.removeprefix, int.bit_count). Library uses under a guard (try/except "
                "ImportError or AttributeError, hasattr, a sys.version_info test) are not reported; "
                "syntax is, because the whole file fails to compile on the older version.",
        .why = "PyPy implements an older Python language version than the newest CPython (PyPy 7.3.11: "
               "3.9 and 3.10). Code written for a newer CPython fails on it with SyntaxError at import, "
               "or with ImportError/AttributeError/TypeError when the new name is reached.",
        .source = "https://doc.pypy.org/en/latest/release-v7.3.11.html",
        .example = "match command:\n    case \"go\":\n        go()",
        .use_instead = "if command == \"go\":\n    go()",
    }};

namespace {

using python::child_at;
using python::children_at;

// `a`, `a.b.c`, or a call of one: the only decorators Python 3.8 accepts.
bool is_dotted_name(const Node* node) {
  while (node != nullptr && node->kind == NodeKind::kAttribute)
    node = child_at(*node, field_slot(NodeKind::kAttribute, "value"));
  return node != nullptr && node->kind == NodeKind::kName;
}

bool is_pre_39_decorator(const Node& decorator) {
  if (decorator.kind == NodeKind::kCall) return is_dotted_name(&call_func(decorator));
  return is_dotted_name(&decorator);
}

bool has_starred(const Node& slice) {
  if (slice.kind == NodeKind::kStarred) return true;
  if (slice.kind != NodeKind::kTuple) return false;
  for (const Node* element : children_at(slice, field_slot(NodeKind::kTuple, "elts"))) {
    if (element->kind == NodeKind::kStarred) return true;
  }
  return false;
}

// Whether `node` lies in an annotation that `from __future__ import annotations` keeps from
// being evaluated (a parameter or return annotation, or an annotated assignment's annotation).
bool in_deferred_annotation(const Node& node, RuleContext& context) {
  const Node* child = &node;
  for (const Node* up = context.parent(node); up != nullptr; child = up, up = context.parent(*up)) {
    bool annotation =
        (up->kind == NodeKind::kArg && child_at(*up, field_slot(NodeKind::kArg, "annotation")) == child) ||
        (up->kind == NodeKind::kAnnAssign &&
         child_at(*up, field_slot(NodeKind::kAnnAssign, "annotation")) == child) ||
        (up->kind == NodeKind::kFunctionDef &&
         child_at(*up, field_slot(NodeKind::kFunctionDef, "returns")) == child) ||
        (up->kind == NodeKind::kAsyncFunctionDef &&
         child_at(*up, field_slot(NodeKind::kAsyncFunctionDef, "returns")) == child);
    if (annotation)
      return context.source().find("from __future__ import annotations") != std::string_view::npos;
    if (is_statement(up->kind)) return false;
  }
  return false;
}

class NewerThanTargetPython final : public Rule {
 public:
  static constexpr NodeKind kKinds[] = {NodeKind::kNamedExpr,
                                        NodeKind::kArguments,
                                        NodeKind::kMatch,
                                        NodeKind::kTryStar,
                                        NodeKind::kTypeAlias,
                                        NodeKind::kTypeVar,
                                        NodeKind::kParamSpec,
                                        NodeKind::kTypeVarTuple,
                                        NodeKind::kJoinedStr,
                                        NodeKind::kFunctionDef,
                                        NodeKind::kAsyncFunctionDef,
                                        NodeKind::kClassDef,
                                        NodeKind::kWith,
                                        NodeKind::kAsyncWith,
                                        NodeKind::kSubscript,
                                        NodeKind::kImport,
                                        NodeKind::kImportFrom,
                                        NodeKind::kAttribute,
                                        NodeKind::kName,
                                        NodeKind::kCall};
  std::span<const NodeKind> kinds() const override { return kKinds; }
  // Group 0: the last components of the additions. name_use() looks only at Names and
  // Attributes whose identifier is one of them, so a file without any skips it.
  std::span<const std::span<const std::string_view>> word_groups() const override {
    static const std::vector<std::string_view> tails = [] {
      std::vector<std::string_view> found;
      for (const StdlibAddition& addition : stdlib_additions()) {
        std::string_view tail = addition.name.substr(addition.name.rfind('.') + 1);
        if (!tail.empty()) found.push_back(tail);
      }
      return found;
    }();
    static const std::span<const std::string_view> groups[] = {tails};
    return groups;
  }

  void check(const Node& node, RuleContext& context) const override {
    // Names and attributes are most of the nodes this rule sees, and their identifier alone
    // dismisses nearly all of them; the rest of the rule stays out of line so that this path
    // sets up no more than it needs.
    if (node.kind == NodeKind::kName || node.kind == NodeKind::kAttribute) {
      if (!context.words_present(0)) return;
      std::string_view last = node.kind == NodeKind::kName
                                  ? python::ident_at(node, field_slot(NodeKind::kName, "id"))
                                  : python::ident_at(node, field_slot(NodeKind::kAttribute, "attr"));
      if (stdlib_addition_tail_may_be_listed(last)) name_use(node, last, context);
      return;
    }
    check_other(node, context);
  }

 private:
  [[gnu::noinline]] static void check_other(const Node& node, RuleContext& context) {
    switch (node.kind) {
      case NodeKind::kNamedExpr:
        syntax(node, context, "assignment expression (:=)", {3, 8});
        return unparenthesised_walrus(node, context);
      case NodeKind::kArguments: {
        python::NodeSpan posonly = children_at(node, field_slot(NodeKind::kArguments, "posonlyargs"));
        if (posonly.size > 0) syntax(*posonly.items[0], context, "positional-only parameters (/)", {3, 8});
        const Node* vararg = child_at(node, field_slot(NodeKind::kArguments, "vararg"));
        const Node* annotation =
            vararg ? child_at(*vararg, field_slot(NodeKind::kArg, "annotation")) : nullptr;
        if (annotation != nullptr && annotation->kind == NodeKind::kStarred)
          syntax(*annotation, context, "star expression in *args annotation (PEP 646)", {3, 11});
        return;
      }
      case NodeKind::kMatch:
        return syntax(node, context, "match statement", {3, 10});
      case NodeKind::kTryStar: {
        python::NodeSpan handlers = children_at(node, field_slot(NodeKind::kTryStar, "handlers"));
        return syntax(handlers.size > 0 ? *handlers.items[0] : node, context, "except* (exception groups)",
                      {3, 11});
      }
      case NodeKind::kTypeAlias:
        return syntax(node, context, "type statement (PEP 695)", {3, 12});
      case NodeKind::kTypeVar:
      case NodeKind::kParamSpec:
      case NodeKind::kTypeVarTuple:
        return type_parameter(node, context);
      case NodeKind::kJoinedStr:
        return fstring(node, context);
      case NodeKind::kFunctionDef:
      case NodeKind::kAsyncFunctionDef:
      case NodeKind::kClassDef:
        return decorators(node, context);
      case NodeKind::kWith:
      case NodeKind::kAsyncWith:
        return with_statement(node, context);
      case NodeKind::kSubscript: {
        const Node& slice = *child_at(node, field_slot(NodeKind::kSubscript, "slice"));
        if (has_starred(slice)) syntax(slice, context, "star expression in a subscript (PEP 646)", {3, 11});
        return;
      }
      case NodeKind::kImport:
      case NodeKind::kImportFrom:
        return imports(node, context);
      case NodeKind::kCall:
        return call(node, context);
      default:
        return;
    }
  }

  static void need(const Node& where, RuleContext& context, std::string feature, PythonVersion version,
                   std::string consequence) {
    const PythonVersion target = context.settings().target_python;
    if (version <= target) return;
    Finding& finding =
        context.report(where, fmt::format("{} needs Python {}; the target PyPy implements Python {}: {}",
                                          feature, version.to_string(), target.to_string(), consequence));
    finding.needs = LanguageNeed{std::move(feature), version};
  }

  // Syntax cannot be guarded: the file does not compile on an older version at all.
  static void syntax(const Node& where, RuleContext& context, std::string_view feature,
                     PythonVersion version) {
    need(where, context, std::string(feature), version, "SyntaxError when the module is imported");
  }

  static bool guarded(const Node& node, RuleContext& context) {
    return context.is_guarded(node) || context.is_version_guarded(node);
  }

  static void library(const Node& where, RuleContext& context, std::string_view name, PythonVersion version,
                      std::string_view consequence) {
    if (version <= context.settings().target_python || guarded(where, context)) return;
    std::string shown(name.starts_with("builtins.") ? name.substr(9) : name);
    need(where, context, "`" + shown + "`", version, std::string(consequence));
  }

  // `a[i := 0]`, `{x := 1}`, `{y := f(x) for x in xs}`: allowed without parentheses from 3.10.
  static void unparenthesised_walrus(const Node& node, RuleContext& context) {
    const Node* parent = context.parent(node);
    if (parent == nullptr) return;
    bool place = (parent->kind == NodeKind::kSubscript &&
                  child_at(*parent, field_slot(NodeKind::kSubscript, "slice")) == &node) ||
                 parent->kind == NodeKind::kSet ||
                 (parent->kind == NodeKind::kSetComp &&
                  child_at(*parent, field_slot(NodeKind::kSetComp, "elt")) == &node);
    if (!place) return;
    std::string_view before = context.source().substr(0, context.begin_of(node).offset);
    std::size_t last = before.find_last_not_of(" \t\r\n\\");
    if (last != std::string_view::npos && before[last] == '(') return;
    syntax(node, context, "unparenthesised assignment expression in a subscript or set", {3, 10});
  }

  static void type_parameter(const Node& node, RuleContext& context) {
    const Node* default_value = nullptr;
    if (node.kind == NodeKind::kTypeVar)
      default_value = child_at(node, field_slot(NodeKind::kTypeVar, "default_value"));
    if (node.kind == NodeKind::kParamSpec)
      default_value = child_at(node, field_slot(NodeKind::kParamSpec, "default_value"));
    if (node.kind == NodeKind::kTypeVarTuple)
      default_value = child_at(node, field_slot(NodeKind::kTypeVarTuple, "default_value"));
    syntax(node, context, "type parameter list (PEP 695)", {3, 12});
    if (default_value != nullptr) syntax(node, context, "type parameter default (PEP 696)", {3, 13});
  }

  static void fstring(const Node& node, RuleContext& context) {
    // Scan each literal once: from the outermost JoinedStr of an expression.
    for (const Node* up = context.parent(node); up != nullptr && !is_statement(up->kind);
         up = context.parent(*up)) {
      if (up->kind == NodeKind::kJoinedStr) return;
    }
    FStringSyntax found = scan_fstring_syntax(context.text_of(node));
    if (found.reuses_quote)
      syntax(node, context, "f-string reusing its quote inside a replacement field (PEP 701)", {3, 12});
    if (found.backslash)
      syntax(node, context, "backslash inside an f-string replacement field (PEP 701)", {3, 12});
    if (found.comment)
      syntax(node, context, "comment inside an f-string replacement field (PEP 701)", {3, 12});
    if (found.line_break)
      syntax(node, context, "line break inside a single-quoted f-string replacement field (PEP 701)",
             {3, 12});
    if (found.self_documenting) syntax(node, context, "self-documenting f-string `{x=}`", {3, 8});
  }

  static void decorators(const Node& node, RuleContext& context) {
    const int slot = node.kind == NodeKind::kClassDef ? field_slot(NodeKind::kClassDef, "decorator_list")
                     : node.kind == NodeKind::kAsyncFunctionDef
                         ? field_slot(NodeKind::kAsyncFunctionDef, "decorator_list")
                         : field_slot(NodeKind::kFunctionDef, "decorator_list");
    for (const Node* decorator : children_at(node, slot)) {
      if (!is_pre_39_decorator(*decorator)) {
        syntax(*decorator, context, "decorator expression (PEP 614)", {3, 9});
        return;
      }
    }
  }

  // `with (a as x, b as y):` -- the closing parenthesis follows the last item.
  static void with_statement(const Node& node, RuleContext& context) {
    const int items_slot = node.kind == NodeKind::kWith ? field_slot(NodeKind::kWith, "items")
                                                        : field_slot(NodeKind::kAsyncWith, "items");
    const int body_slot = node.kind == NodeKind::kWith ? field_slot(NodeKind::kWith, "body")
                                                       : field_slot(NodeKind::kAsyncWith, "body");
    python::NodeSpan items = children_at(node, items_slot);
    python::NodeSpan body = children_at(node, body_slot);
    if (items.size == 0 || body.size == 0) return;
    const Node& last = *items.items[items.size - 1];
    const Node* target = child_at(last, field_slot(NodeKind::kWithitem, "optional_vars"));
    const Node& end =
        target != nullptr ? *target : *child_at(last, field_slot(NodeKind::kWithitem, "context_expr"));
    if (items.size == 1 && target == nullptr) return;  // `with (x):` is a parenthesised expression
    Location after = context.end_of(end);
    Location body_start = context.begin_of(*body.items[0]);
    if (body_start.offset <= after.offset) return;
    std::string_view between = context.source().substr(after.offset, body_start.offset - after.offset);
    std::size_t colon = between.find(':');
    if (between.substr(0, colon).find(')') == std::string_view::npos) return;
    syntax(node, context, "parenthesised context managers", {3, 9});
  }

  // Whether any module `node` imports shares its first dotted component with an addition; most
  // imports do not, and are dismissed without trying each addition in turn.
  static bool may_import_addition(const Node& node) {
    auto root_listed = [](std::string_view module) {
      return module.empty() || stdlib_addition_root_listed(module.substr(0, module.find('.')));
    };
    if (node.kind == NodeKind::kImportFrom)
      return root_listed(python::ident_at(node, field_slot(NodeKind::kImportFrom, "module")));
    for (const Node* alias : children_at(node, field_slot(NodeKind::kImport, "names"))) {
      if (root_listed(python::ident_at(*alias, field_slot(NodeKind::kAlias, "name")))) return true;
    }
    return false;
  }

  // The first dotted components of the modules `node` imports: an addition can be imported only
  // under one of them, and for_each_imported_module() builds a string per imported name to tell.
  static std::vector<std::string_view> imported_roots(const Node& node) {
    auto root = [](std::string_view module) { return module.substr(0, module.find('.')); };
    if (node.kind == NodeKind::kImportFrom)
      return {root(python::ident_at(node, field_slot(NodeKind::kImportFrom, "module")))};
    std::vector<std::string_view> roots;
    for (const Node* alias : children_at(node, field_slot(NodeKind::kImport, "names")))
      roots.push_back(root(python::ident_at(*alias, field_slot(NodeKind::kAlias, "name"))));
    return roots;
  }

  static void imports(const Node& node, RuleContext& context) {
    if (!may_import_addition(node)) return;
    const std::vector<std::string_view> roots = imported_roots(node);
    // Asked of every addition: the first bytes tell most apart before any comparison.
    auto under_a_root = [&roots](std::string_view name) {
      return std::any_of(roots.begin(), roots.end(), [name](std::string_view root) {
        return !root.empty() && name.front() == root.front() && name.starts_with(root) &&
               (name.size() == root.size() || name[root.size()] == '.');
      });
    };
    for (const StdlibAddition& addition : stdlib_additions()) {
      if (!under_a_root(addition.name) || addition.name.starts_with("builtins.")) continue;
      std::string_view names[] = {addition.name};
      for_each_imported_module(node, names, [&](const Node& where, std::string_view module) {
        library(where, context, module, addition.version, "ImportError");
      });
    }
  }

  // `itertools.pairwise` (an attribute of an imported module) or a builtin name. Names bound by
  // `from itertools import pairwise` are reported at the import, which is where they fail.
  // `last` is the Name's id or the Attribute's attr.
  [[gnu::noinline]] static void name_use(const Node& node, std::string_view last, RuleContext& context) {
    if (!stdlib_addition_tail_listed(last)) return;
    std::string qualified = context.qualified_name(node);
    if (qualified.empty()) return;
    if (node.kind == NodeKind::kName && !qualified.starts_with("builtins.")) return;
    const StdlibAddition* addition = find_stdlib_addition(qualified);
    if (addition == nullptr || in_deferred_annotation(node, context)) return;
    library(node, context, addition->name, addition->version, "AttributeError or NameError");
  }

  static void call(const Node& node, RuleContext& context) {
    python::NodeSpan keywords = call_keywords(node);
    if (keywords.size > 0) {
      std::string callee;
      for (const Node* keyword : keywords) {
        std::string_view argument = python::ident_at(*keyword, field_slot(NodeKind::kKeyword, "arg"));
        if (!keyword_addition_may_be_named(argument)) continue;
        for (const KeywordAddition& addition : keyword_additions()) {
          if (addition.keyword != argument) continue;
          if (callee.empty()) callee = context.callee_name(node);
          if (callee != addition.callee) continue;
          std::string shown = callee.starts_with("builtins.") ? callee.substr(9) : callee;
          library(*keyword, context, shown + "(" + std::string(argument) + "=)", addition.version,
                  "TypeError");
        }
      }
    }
    const Node& func = call_func(node);
    if (func.kind != NodeKind::kAttribute) return;
    std::string_view method = python::ident_at(func, field_slot(NodeKind::kAttribute, "attr"));
    if (!method_addition_may_be_named(method)) return;
    for (const MethodAddition& addition : method_additions()) {
      if (addition.method != method || call_args(node).size != addition.arguments || keywords.size != 0)
        continue;
      // A module's function of the same name is not the method (and is resolved elsewhere).
      const Node& receiver = *child_at(func, field_slot(NodeKind::kAttribute, "value"));
      if (!context.qualified_name(receiver).empty() && receiver.kind != NodeKind::kConstant) continue;
      library(func, context, addition.owner, addition.version, "AttributeError");
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_newer_than_target_python() {
  return std::make_unique<NewerThanTargetPython>();
}

}  // namespace pypyready::scan::rules
