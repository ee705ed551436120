// PPY016 identity-comparison-with-value: `is` with numbers, strings, tuples or computed values.
#include <fmt/format.h>

#include "scan/rules/rule_helpers.h"
#include "scan/rules/rules.h"

namespace pypyready::scan::rules {

const RuleInfo kIdentityComparisonWithValue{
    .code = "PPY016",
    .name = "identity-comparison-with-value",
    .severity = Severity::kWarning,
    .fix = FixAvailability::kSometimes,
    .doc = {
        .what =
            "Finds `is` / `is not` where an operand is an int, float, complex, str, bytes or tuple literal, "
            "an "
            "f-string, an arithmetic expression, or a call of int/float/len/str/... (None, True, False, ..., "
            "NotImplemented, sentinels, classes and enum members are fine).",
        .why =
            "On PyPy the identity of numbers follows their value (`x + 1 is x + 1` is always true) and some "
            "strings and tuples are unique; on CPython the result depends on caches and interning, so the "
            "branch "
            "taken differs (PyPy 7.3.11: `2.5 * 2 is 5.0` is True, False on CPython).",
        .source = "https://doc.pypy.org/en/latest/"
                  "cpython_differences.html#object-identity-of-primitive-values-is-and-id",
        .example = "if count is 0:\n    ...",
        .use_instead = "if count == 0:\n    ...",
    }};

namespace {

constexpr std::string_view kValueCalls[] = {
    "builtins.int", "builtins.float", "builtins.len", "builtins.str",  "builtins.complex", "builtins.bytes",
    "builtins.abs", "builtins.round", "builtins.sum", "builtins.hash", "builtins.ord",     "builtins.chr"};

enum class Operand { kOther, kLiteral, kComputed };

Operand classify(const Node& node, RuleContext& context) {
  switch (node.kind) {
    case NodeKind::kConstant: {
      python::ConstantKind kind = node.slot(field_slot(NodeKind::kConstant, "value")).constant->kind;
      bool value = kind == python::ConstantKind::kInt || kind == python::ConstantKind::kFloat ||
                   kind == python::ConstantKind::kComplex || kind == python::ConstantKind::kStr ||
                   kind == python::ConstantKind::kBytes;
      return value ? Operand::kLiteral : Operand::kOther;
    }
    case NodeKind::kTuple:
    case NodeKind::kJoinedStr:
      return Operand::kLiteral;
    case NodeKind::kUnaryOp: {
      const Node& operand = *python::child_at(node, field_slot(NodeKind::kUnaryOp, "operand"));
      const Node& op = *python::child_at(node, field_slot(NodeKind::kUnaryOp, "op"));
      if (op.kind == NodeKind::kNot) return Operand::kOther;
      return operand.kind == NodeKind::kConstant ? classify(operand, context) : Operand::kOther;
    }
    case NodeKind::kBinOp: {
      // Arithmetic counts only with a number or string literal in it: `-oo + oo` on symbolic
      // objects (sympy) is an identity test of singletons, legitimately.
      // Only literals count, and an operator or call is never one: not recursing into them
      // keeps a generated `1 + 1 + ... + 1` chain of any length off the stack.
      for (const char* side : {"left", "right"}) {
        const Node& operand =
            *python::child_at(node, std::string_view(side) == "left" ? field_slot(NodeKind::kBinOp, "left")
                                                                     : field_slot(NodeKind::kBinOp, "right"));
        if (operand.kind == NodeKind::kBinOp || operand.kind == NodeKind::kCall) continue;
        if (classify(operand, context) == Operand::kLiteral) return Operand::kComputed;
      }
      return Operand::kOther;
    }
    case NodeKind::kCall: {
      std::string name = context.callee_name(node);
      for (std::string_view call : kValueCalls) {
        if (name == call) return Operand::kComputed;
      }
      return Operand::kOther;
    }
    default:
      return Operand::kOther;
  }
}

std::string_view kind_word(const Node& node) {
  if (node.kind == NodeKind::kConstant) {
    switch (node.slot(field_slot(NodeKind::kConstant, "value")).constant->kind) {
      case python::ConstantKind::kInt:
        return "an int";
      case python::ConstantKind::kFloat:
        return "a float";
      case python::ConstantKind::kComplex:
        return "a complex";
      case python::ConstantKind::kStr:
        return "a str";
      case python::ConstantKind::kBytes:
        return "a bytes";
      default:
        break;
    }
  }
  if (node.kind == NodeKind::kTuple) return "a tuple";
  if (node.kind == NodeKind::kJoinedStr) return "an f-string";
  if (node.kind == NodeKind::kUnaryOp) return "a number";
  return "a computed";
}

// The `is` / `is not` operator between two operands, as an edit to `==` / `!=`.
std::optional<Edit> operator_edit(const Node& left, const Node& right, bool negated, RuleContext& context) {
  Location begin = context.end_of(left);
  Location end = context.begin_of(right);
  if (end.offset <= begin.offset) return std::nullopt;
  std::string_view gap = context.source().substr(begin.offset, end.offset - begin.offset);
  if (gap.find('#') != std::string_view::npos || gap.find('\\') != std::string_view::npos)
    return std::nullopt;
  std::size_t at = gap.find("is");
  if (at == std::string_view::npos) return std::nullopt;
  std::size_t stop = at + 2;
  if (negated) {
    std::size_t not_at = gap.find("not", stop);
    if (not_at == std::string_view::npos) return std::nullopt;
    stop = not_at + 3;
  }
  if (begin.line != end.line) return std::nullopt;
  Edit edit;
  edit.begin = context.lines().location(begin.line, 0);
  std::uint32_t line_start = edit.begin.offset;
  edit.begin =
      context.lines().location(begin.line, begin.offset - line_start + static_cast<std::uint32_t>(at));
  edit.end =
      context.lines().location(begin.line, begin.offset - line_start + static_cast<std::uint32_t>(stop));
  edit.content = negated ? "!=" : "==";
  return edit;
}

// `complex(c) is c`, `float(x) is x`: a conversion compared with its own argument is the same
// object on CPython and equal by value (so identical) on PyPy: the answer does not change.
bool converts_itself(const Node& call, const Node& other, RuleContext& context) {
  if (call.kind != NodeKind::kCall) return false;
  python::NodeSpan args = python::children_at(call, field_slot(NodeKind::kCall, "args"));
  return args.size == 1 && context.text_of(*args.items[0]) == context.text_of(other);
}

class IdentityComparisonWithValue final : public Rule {
 public:
  static constexpr NodeKind kKinds[] = {NodeKind::kCompare};
  std::span<const NodeKind> kinds() const override { return kKinds; }
  void check(const Node& node, RuleContext& context) const override {
    const Node* left = python::child_at(node, field_slot(NodeKind::kCompare, "left"));
    python::NodeSpan ops = python::children_at(node, field_slot(NodeKind::kCompare, "ops"));
    python::NodeSpan comparators = python::children_at(node, field_slot(NodeKind::kCompare, "comparators"));
    for (std::uint32_t index = 0; index < ops.size && index < comparators.size; ++index) {
      const Node* right = comparators.items[index];
      NodeKind op = ops.items[index]->kind;
      if (op == NodeKind::kIs || op == NodeKind::kIsNot)
        report_pair(node, *left, *right, op == NodeKind::kIsNot, context);
      left = right;
    }
  }

 private:
  static void report_pair(const Node& compare, const Node& left, const Node& right, bool negated,
                          RuleContext& context) {
    Operand left_kind = classify(left, context);
    Operand right_kind = classify(right, context);
    if (left_kind == Operand::kOther && right_kind == Operand::kOther) return;
    if (converts_itself(left, right, context) || converts_itself(right, left, context)) return;
    const Node& value = right_kind != Operand::kOther ? right : left;
    std::string_view word = negated ? "is not" : "is";
    std::optional<Fix> fix;
    if (left_kind == Operand::kLiteral || right_kind == Operand::kLiteral) {
      if (std::optional<Edit> edit = operator_edit(left, right, negated, context)) {
        fix = Fix{fmt::format("replace `{}` with `{}`", word, negated ? "!=" : "=="), {*edit}};
      }
    }
    context.report(
        compare,
        fmt::format("`{}` with {} value: identity of equal values differs between PyPy and CPython", word,
                    kind_word(value)),
        std::move(fix));
  }
};

}  // namespace

std::unique_ptr<Rule> make_identity_comparison_with_value() {
  return std::make_unique<IdentityComparisonWithValue>();
}

}  // namespace pypyready::scan::rules
