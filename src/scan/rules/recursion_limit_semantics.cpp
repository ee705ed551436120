// PPY026 recursion-limit-semantics: recursion limits and stack sizes, which PyPy maps to stack bytes.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <string>

#include "scan/rules/code_context.h"
#include "scan/rules/rule_helpers.h"
#include "scan/rules/rules.h"

namespace pypyready::scan::rules {

const RuleInfo kRecursionLimitSemantics{
    .code = "PPY026",
    .name = "recursion-limit-semantics",
    .severity = Severity::kWarning,
    .fix = FixAvailability::kNone,
    .doc = {
        .what = "Finds sys.setrecursionlimit(n) (info when n is a constant of at least 1000 or "
                "getrecursionlimit() + k, that is a raised limit), threading.stack_size(n), and "
                "sys.getrecursionlimit() used in arithmetic, "
                "comparisons or range() to size recursion. Restoring a saved limit is not reported.",
        .why = "PyPy turns the recursion limit into a budget of stack bytes, so the depth actually reachable "
               "is only loosely related to n; code or tests that expect RecursionError at a given depth, or "
               "size their recursion by the limit, behave differently (PyPy 7.3.11 reaches depth 1688 at the "
               "default limit of 1000, CPython 998; after setrecursionlimit(5000): 8474 against 4998).",
        .source = "https://doc.pypy.org/en/latest/cpython_differences.html#miscellaneous",
        .example = "sys.setrecursionlimit(50)\nwith pytest.raises(RecursionError):\n    walk(depth=60)",
        .use_instead = "def walk(node, depth=0, max_depth=50):\n    if depth > max_depth:\n"
                       "        raise TooDeep(depth)  # an explicit depth check behaves the same everywhere",
    }};

namespace {

bool contains_ci(std::string_view haystack, std::string_view needle) {
  return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
         }) != haystack.end();
}

bool is_getrecursionlimit(const Node& node, const RuleContext& context) {
  return node.kind == NodeKind::kCall && context.callee_name_view(node) == "sys.getrecursionlimit";
}

// `setrecursionlimit(old)`: a name bound to getrecursionlimit(), or named like a saved value.
bool restores_saved_limit(const Node& limit, const RuleContext& context) {
  if (is_getrecursionlimit(limit, context)) return true;
  if (limit.kind == NodeKind::kName) {
    const python::Binding* binding =
        context.model().lookup(name_id(limit), context.scope(), limit.lineno, limit.col_offset);
    if (binding != nullptr && binding->value != nullptr && is_getrecursionlimit(*binding->value, context))
      return true;
  }
  if (limit.kind != NodeKind::kName && limit.kind != NodeKind::kAttribute) return false;
  std::string_view text = context.text_of(limit);
  for (std::string_view word : {"old", "orig", "prev", "saved", "initial", "default"}) {
    if (contains_ci(text, word)) return true;
  }
  return false;
}

// The value of a limit made of number literals (`5000`, `10**6`, `1 << 30`, `int(1e9)`), capped
// so that nothing overflows; nullopt when a name or call is involved.
std::optional<double> constant_limit(const Node& node, const RuleContext& context, int depth = 0) {
  constexpr double kCap = 1e18;
  if (depth > 8) return std::nullopt;
  switch (node.kind) {
    case NodeKind::kConstant: {
      const python::ConstantValue* value = node.slot(field_slot(NodeKind::kConstant, "value")).constant;
      if (value->kind == python::ConstantKind::kFloat) return std::min(value->real, kCap);
      if (value->kind != python::ConstantKind::kInt) return std::nullopt;
      return value->text.size() > 18 ? kCap : std::stod(std::string(value->text));
    }
    case NodeKind::kCall: {
      if (context.callee_name_view(node) != "builtins.int" || call_args(node).size != 1) return std::nullopt;
      return constant_limit(*call_args(node).items[0], context, depth + 1);
    }
    case NodeKind::kBinOp: {
      std::optional<double> left =
          constant_limit(*python::child_at(node, field_slot(NodeKind::kBinOp, "left")), context, depth + 1);
      std::optional<double> right =
          constant_limit(*python::child_at(node, field_slot(NodeKind::kBinOp, "right")), context, depth + 1);
      if (!left || !right) return std::nullopt;
      double result = 0;
      switch (python::child_at(node, field_slot(NodeKind::kBinOp, "op"))->kind) {
        case NodeKind::kAdd:
          result = *left + *right;
          break;
        case NodeKind::kSub:
          result = *left - *right;
          break;
        case NodeKind::kMult:
          result = *left * *right;
          break;
        case NodeKind::kPow:
          result = *right > 64 ? kCap : std::pow(*left, *right);
          break;
        case NodeKind::kLShift:
          result = *right > 60 ? kCap : *left * std::pow(2.0, *right);
          break;
        default:
          return std::nullopt;
      }
      return std::min(result, kCap);
    }
    default:
      return std::nullopt;
  }
}

// `getrecursionlimit() + n`: a raise relative to the current limit.
bool raises_current_limit(const Node& limit, const RuleContext& context) {
  if (limit.kind != NodeKind::kBinOp) return false;
  NodeKind op = python::child_at(limit, field_slot(NodeKind::kBinOp, "op"))->kind;
  return (op == NodeKind::kAdd || op == NodeKind::kMult) &&
         is_getrecursionlimit(*python::child_at(limit, field_slot(NodeKind::kBinOp, "left")), context);
}

// getrecursionlimit() feeding arithmetic, a comparison or range(): recursion sized by the limit.
bool sizes_by_limit(const Node& call, const RuleContext& context) {
  const Node* parent = context.parent(call);
  if (parent == nullptr) return false;
  for (const Node* ancestor = parent; ancestor != nullptr && !is_statement(ancestor->kind);
       ancestor = context.parent(*ancestor)) {
    // Inside setrecursionlimit(...) the call itself is reported.
    if (ancestor->kind == NodeKind::kCall && context.callee_name_view(*ancestor) == "sys.setrecursionlimit")
      return false;
  }
  if (parent->kind == NodeKind::kBinOp || parent->kind == NodeKind::kCompare) return true;
  return parent->kind == NodeKind::kCall && context.callee_name_view(*parent) == "builtins.range";
}

class RecursionLimitSemantics final : public Rule {
 public:
  static constexpr NodeKind kKinds[] = {NodeKind::kCall};
  std::span<const NodeKind> kinds() const override { return kKinds; }
  // The last components of the three functions it checks.
  static constexpr std::string_view kRequiredWords[] = {"setrecursionlimit", "getrecursionlimit",
                                                        "stack_size"};
  std::span<const std::string_view> required_words() const override { return kRequiredWords; }
  void check(const Node& node, RuleContext& context) const override {
    const Node& callee = call_func(node);
    std::string_view last = callee.kind == NodeKind::kAttribute ? attribute_name(callee) : name_id(callee);
    if (callee.kind == NodeKind::kAttribute
            ? last != "setrecursionlimit" && last != "getrecursionlimit" && last != "stack_size"
            : !is_imported_name(callee, context)) {
      return;
    }
    std::string name = context.callee_name(node);
    if (name == "sys.setrecursionlimit") {
      const Node* limit = argument(node, 0, "limit");
      if (limit == nullptr || restores_saved_limit(*limit, context) ||
          under_implementation_check(node, context))
        return;
      std::optional<double> value = constant_limit(*limit, context);
      if ((value && *value >= 1000) || raises_current_limit(*limit, context)) {
        context.report(node,
                       "raised recursion limit: PyPy counts the limit in stack bytes, so the depth "
                       "reached differs (usually deeper than on CPython)",
                       std::nullopt, Severity::kInfo);
      } else {
        context.report(node,
                       "recursion limit set to a depth the code relies on: PyPy converts the limit into a "
                       "stack-byte budget, so RecursionError comes at a different depth");
      }
    } else if (name == "threading.stack_size") {
      if (call_args(node).size == 0 && call_keywords(node).size == 0) return;
      if (under_implementation_check(node, context)) return;
      // Info: it matters only for threads that recurse deeply, which the call does not show.
      context.report(node,
                     "thread stack size chosen for CPython's frames: if the thread recurses deeply, the "
                     "depth a PyPy thread reaches with it differs",
                     std::nullopt, Severity::kInfo);
    } else if (name == "sys.getrecursionlimit") {
      if (!sizes_by_limit(node, context) || under_implementation_check(node, context)) return;
      context.report(node,
                     "recursion sized against sys.getrecursionlimit(): the depth PyPy reaches for a given "
                     "limit differs from CPython's");
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_recursion_limit_semantics() {
  return std::make_unique<RecursionLimitSemantics>();
}

}  // namespace pypyready::scan::rules
