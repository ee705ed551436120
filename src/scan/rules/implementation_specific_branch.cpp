// PPY037 implementation-specific-branch: code whose path depends on which Python implementation
// runs it, so both branches need testing.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "scan/rules/rule_helpers.h"
#include "scan/rules/rules.h"

namespace pypyready::scan::rules {

const RuleInfo kImplementationSpecificBranch{
    .code = "PPY037",
    .name = "implementation-specific-branch",
    .severity = Severity::kInfo,
    .fix = FixAvailability::kNone,
    .doc = {
        .what =
            "Finds tests of the running implementation: comparisons with \"PyPy\"/\"CPython\"/\"__pypy__\" "
            "(`platform.python_implementation() == \"PyPy\"`, `sys.implementation.name == \"cpython\"`, "
            "`\"__pypy__\" in sys.builtin_module_names`), platform.python_implementation() and "
            "sys.implementation.name used as a condition, sys.pypy_version_info, "
            "`hasattr(sys, \"pypy_version_info\")`, `import __pypy__`, IS_PYPY-style flags used as a "
            "condition or skip marker, and test.support.cpython_only/check_impl_detail. Printing the "
            "implementation's name is not reported.",
        .why = "Such code takes another path on PyPy; the report lists these places so that the tests run on "
               "both interpreters and cover both branches (sys.implementation.name is 'cpython' on CPython "
               "and 'pypy' on PyPy; sys.pypy_version_info exists only on PyPy).",
        .source = "https://doc.pypy.org/en/latest/cpython_differences.html",
        .example = "if platform.python_implementation() == \"PyPy\":\n    use_pure_python()",
        .use_instead = "# keep the branch, and run the test suite on both CPython and PyPy",
    }};

namespace {

const ApiNames kConditionApis{"platform.python_implementation", "sys.implementation.name"};
const ApiNames kPypyOnlyApis{"sys.pypy_version_info",          "sys.pypy_translation_info",
                             "sys.pypy_objspaceclass",         "test.support.cpython_only",
                             "test.support.check_impl_detail", "test.support.impl_detail"};
constexpr std::string_view kImplementationModules[] = {"__pypy__"};
constexpr std::string_view kSkipMarkers[] = {"skipif", "skipIf",  "skipUnless",
                                             "xfail",  "skip_if", "skip_unless"};
constexpr NodeKind kKinds[] = {NodeKind::kCompare, NodeKind::kCall,   NodeKind::kAttribute,
                               NodeKind::kName,    NodeKind::kImport, NodeKind::kImportFrom};

std::string lower(std::string_view text) {
  std::string result(text);
  for (char& c : result)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return result;
}

// What a compared name tells apart: PyPy from CPython, or only some other implementation (a
// Jython or IronPython branch is taken on neither, so it is no difference between the two).
enum class Named { kNothing, kOtherImplementation, kPypyOrCpython };

Named names_implementation(std::string_view text) {
  std::string value = lower(text);
  if (value.find("pypy") != std::string::npos || value == "cpython") return Named::kPypyOrCpython;
  if (value == "ironpython" || value == "jython" || value == "graalpy" || value == "graalpython")
    return Named::kOtherImplementation;
  return Named::kNothing;
}

// IS_PYPY, PYPY, _is_pypy, on_cpython, isPyPy ...
bool ends_with_lowercase(std::string_view text, std::string_view lowercase_suffix) {
  if (text.size() < lowercase_suffix.size()) return false;
  std::string_view tail = text.substr(text.size() - lowercase_suffix.size());
  // ASCII folding inline: a libc call per character showed in profiles.
  return std::equal(tail.begin(), tail.end(), lowercase_suffix.begin(), [](char a, char b) {
    return (a >= 'A' && a <= 'Z' ? static_cast<char>(a - 'A' + 'a') : a) == b;
  });
}

// Every Name and Attribute comes here: most are dismissed by their last character alone
// (inline: a call cost more than the test).
[[gnu::always_inline]] inline bool may_be_flag_name(std::string_view name) {
  const char last = name.empty() ? '\0' : name.back();
  return last == 'y' || last == 'Y' || last == '3' || last == 'n' || last == 'N';
}

bool is_flag_name(std::string_view name) {
  if (!may_be_flag_name(name)) return false;
  if (!ends_with_lowercase(name, "pypy") && !ends_with_lowercase(name, "pypy3") &&
      !ends_with_lowercase(name, "cpython"))
    return false;
  std::string value = lower(name);
  value.erase(0, value.find_first_not_of('_'));
  for (std::string_view prefix : {"running_on_", "running_", "using_", "is_", "on_", "is"}) {
    if (value.starts_with(prefix)) {
      value.erase(0, prefix.size());
      break;
    }
  }
  return value == "pypy" || value == "pypy3" || value == "cpython";
}

Named compared_implementation(const Node& compare) {
  Named named = Named::kNothing;
  auto note = [&](const Node* value) {
    if (std::optional<std::string_view> text = string_constant(value))
      named = std::max(named, names_implementation(*text));
  };
  auto note_operand = [&](const Node* operand) {
    note(operand);
    if (operand->kind == NodeKind::kTuple || operand->kind == NodeKind::kList ||
        operand->kind == NodeKind::kSet) {
      for (const Node* element : python::children_at(*operand, field_slot(NodeKind::kTuple, "elts")))
        note(element);
    }
  };
  note_operand(python::child_at(compare, field_slot(NodeKind::kCompare, "left")));
  for (const Node* comparator : python::children_at(compare, field_slot(NodeKind::kCompare, "comparators")))
    note_operand(comparator);
  return named;
}

// Climbs from an expression through `.lower()`-style calls, `not`, `and`/`or` and calls of the
// expression itself; returns the first other ancestor and the child it was reached from.
std::pair<const Node*, const Node*> consumer(const Node& node, RuleContext& context) {
  const Node* child = &node;
  const Node* parent = context.parent(node);
  while (parent != nullptr) {
    bool transparent =
        (parent->kind == NodeKind::kAttribute &&
         python::child_at(*parent, field_slot(NodeKind::kAttribute, "value")) == child) ||
        (parent->kind == NodeKind::kCall && &call_func(*parent) == child) ||
        parent->kind == NodeKind::kBoolOp ||
        (parent->kind == NodeKind::kUnaryOp &&
         python::child_at(*parent, field_slot(NodeKind::kUnaryOp, "op"))->kind == NodeKind::kNot);
    if (!transparent) break;
    child = parent;
    parent = context.parent(*parent);
  }
  return {parent, child};
}

// Whether `child` is the condition of `parent`: if/while/ternary/assert tests, comprehension filters.
bool is_condition(const Node* parent, const Node* child) {
  if (parent == nullptr) return false;
  switch (parent->kind) {
    case NodeKind::kIf:
      return python::child_at(*parent, field_slot(NodeKind::kIf, "test")) == child;
    case NodeKind::kWhile:
      return python::child_at(*parent, field_slot(NodeKind::kWhile, "test")) == child;
    case NodeKind::kIfExp:
      return python::child_at(*parent, field_slot(NodeKind::kIfExp, "test")) == child;
    case NodeKind::kAssert:
      return python::child_at(*parent, field_slot(NodeKind::kAssert, "test")) == child;
    case NodeKind::kComprehension: {
      python::NodeSpan ifs = python::children_at(*parent, field_slot(NodeKind::kComprehension, "ifs"));
      return std::find(ifs.begin(), ifs.end(), child) != ifs.end();
    }
    default:
      return false;
  }
}

bool is_skip_marker_argument(const Node* parent, const Node* child) {
  if (parent == nullptr || parent->kind != NodeKind::kCall || &call_func(*parent) == child) return false;
  const Node& callee = call_func(*parent);
  std::string_view last = callee.kind == NodeKind::kName ? name_id(callee) : attribute_name(callee);
  return std::find(std::begin(kSkipMarkers), std::end(kSkipMarkers), last) != std::end(kSkipMarkers);
}

class ImplementationSpecificBranch final : public Rule {
 public:
  std::span<const NodeKind> kinds() const override { return kKinds; }
  // Groups 0 and 1: the words of kPypyOnlyApis and kConditionApis (the last components, and
  // "implementation" of sys.implementation.name), so that files without them skip api_use().
  static constexpr std::string_view kPypyOnlyWords[] = {"pypy_version_info",  "pypy_translation_info",
                                                        "pypy_objspaceclass", "cpython_only",
                                                        "check_impl_detail",  "impl_detail"};
  static constexpr std::string_view kConditionWords[] = {"python_implementation", "implementation"};
  static constexpr std::span<const std::string_view> kGroups[] = {kPypyOnlyWords, kConditionWords};
  std::span<const std::span<const std::string_view>> word_groups() const override { return kGroups; }
  void check(const Node& node, RuleContext& context) const override {
    // Names and attributes are most of the nodes this rule sees. In a file without the words of
    // either API list only a flag name can concern them, which the last byte nearly always rules
    // out; the rest of the rule stays out of line so that this path sets up no more than it needs.
    if (node.kind == NodeKind::kName || node.kind == NodeKind::kAttribute) {
      if ((context.words_present(0) || context.words_present(1)) && api_use_settled(node, context)) return;
      std::string_view name = identifier(node);
      if (may_be_flag_name(name)) flag_use(node, name, context);
      return;
    }
    check_other(node, context);
  }

 private:
  // The id of a Name, the attr of an Attribute.
  static std::string_view identifier(const Node& node) {
    return node.kind == NodeKind::kName ? python::ident_at(node, field_slot(NodeKind::kName, "id"))
                                        : python::ident_at(node, field_slot(NodeKind::kAttribute, "attr"));
  }

  [[gnu::noinline]] static void check_other(const Node& node, RuleContext& context) {
    switch (node.kind) {
      case NodeKind::kImport:
      case NodeKind::kImportFrom:
        for_each_imported_module(node, kImplementationModules, [&](const Node& where, std::string_view) {
          context.report(where, "`__pypy__` exists only on PyPy: this code path runs on one interpreter");
        });
        return;
      case NodeKind::kCompare:
        if (compared_implementation(node) == Named::kPypyOrCpython) {
          context.report(node,
                         "a comparison with an implementation's name branches on the Python "
                         "implementation: test both paths");
        }
        return;
      case NodeKind::kCall:
        check_call(node, context);
        return;
      default:
        return;
    }
  }

  // Whether a Name or Attribute is a use of one of the APIs (reported or not).
  [[gnu::noinline]] static bool api_use_settled(const Node& node, RuleContext& context) {
    if (std::optional<std::string> use =
            context.words_present(0) ? api_use(node, context, kPypyOnlyApis) : std::nullopt) {
      context.report(
          node, fmt::format("`{}` marks code that depends on the implementation: test both paths", *use));
      return true;
    }
    if (std::optional<std::string> use =
            context.words_present(1) ? api_use(node, context, kConditionApis) : std::nullopt) {
      auto [parent, child] = consumer(node, context);
      bool reported_by_compare = parent != nullptr && parent->kind == NodeKind::kCompare;
      if (reported_by_compare && compared_implementation(*parent) != Named::kNothing) return true;
      if (!reported_by_compare && !is_condition(parent, child)) return true;
      context.report(node, fmt::format("a branch on `{}`: test both implementations' paths", *use));
      return true;
    }
    return false;
  }

  // A Name or Attribute named `name`: reported when a flag such as IS_PYPY is a condition.
  [[gnu::noinline]] static void flag_use(const Node& node, std::string_view name, RuleContext& context) {
    if (!is_flag_name(name)) return;
    const Node* ctx =
        python::child_at(node, node.kind == NodeKind::kName ? field_slot(NodeKind::kName, "ctx")
                                                            : field_slot(NodeKind::kAttribute, "ctx"));
    if (ctx != nullptr && ctx->kind != NodeKind::kLoad) return;
    auto [parent, child] = consumer(node, context);
    if (!is_condition(parent, child) && !is_skip_marker_argument(parent, child)) return;
    context.report(node, fmt::format("a branch on `{}`: test both implementations' paths", name));
  }

  // `hasattr(sys, "pypy_version_info")`, `getattr(sys, "pypy_version_info", None)`.
  static void check_call(const Node& call, RuleContext& context) {
    const Node& callee = call_func(call);
    std::string_view id = name_id(callee);
    if (id != "hasattr" && id != "getattr") return;
    python::NodeSpan args = call_args(call);
    if (args.size < 2) return;
    std::optional<std::string_view> attribute = string_constant(args.items[1]);
    if (!attribute || lower(*attribute).find("pypy") == std::string::npos) return;
    if (context.qualified_name_view(*args.items[0]) != "sys") return;
    context.report(call, fmt::format("`{}` tells PyPy from CPython: test both paths", context.text_of(call)));
  }
};

}  // namespace

std::unique_ptr<Rule> make_implementation_specific_branch() {
  return std::make_unique<ImplementationSpecificBranch>();
}

}  // namespace pypyready::scan::rules
