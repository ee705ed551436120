// PPY032 locals-globals-exec-in-hot-code: locals()/globals()/vars()/exec/eval inside functions,
// which PyPy documents as disabling the JIT for the enclosing code.
#include <fmt/format.h>

#include "scan/rules/rule_helpers.h"
#include "scan/rules/rules.h"

namespace pypyready::scan::rules {

const RuleInfo kLocalsGlobalsExecInHotCode{
    .code = "PPY032",
    .name = "locals-globals-exec-in-hot-code",
    .severity = Severity::kInfo,
    .fix = FixAvailability::kNone,
    .doc = {
        .what =
            "Finds calls of locals(), globals(), vars() without arguments, exec() and eval() inside loops "
            "and comprehensions of functions, and the formatting idioms `\"%(a)s\" % locals()` and "
            "`.format(**locals())` in functions. Module-level and class-level uses run once, and a single "
            "call per function run is not reported.",
        .why = "PyPy documents that these calls can disable the JIT over the enclosing scope, and exec/eval "
               "compile their code again on every call. The semantics are the same on both interpreters, "
               "and the cost was not measured here, so info.",
        .source = "https://www.pypy.org/performance.html",
        .example = "def greet(name):\n    return \"Hello %(name)s\" % locals()",
        .use_instead = "def greet(name):\n    return f\"Hello {name}\"",
    }};

namespace {

constexpr NodeKind kKinds[] = {NodeKind::kCall};

bool in_function(const python::Scope& scope) {
  for (const python::Scope* current = &scope; current != nullptr; current = current->parent) {
    if (current->kind == python::ScopeKind::kFunction || current->kind == python::ScopeKind::kLambda)
      return true;
    if (current->kind != python::ScopeKind::kComprehension) return false;
  }
  return false;
}

// How the namespace dict is consumed: `% locals()` or `**locals()`.
std::string_view formatting_use(const Node& call, RuleContext& context) {
  const Node* parent = context.parent(call);
  if (parent == nullptr) return {};
  if (parent->kind == NodeKind::kBinOp &&
      python::child_at(*parent, field_slot(NodeKind::kBinOp, "right")) == &call &&
      python::child_at(*parent, field_slot(NodeKind::kBinOp, "op"))->kind == NodeKind::kMod) {
    return " for %-formatting";
  }
  if (parent->kind == NodeKind::kKeyword &&
      python::ident_at(*parent, field_slot(NodeKind::kKeyword, "arg")).empty()) {
    return " unpacked into a call";
  }
  return {};
}

class LocalsGlobalsExecInHotCode final : public Rule {
 public:
  std::span<const NodeKind> kinds() const override { return kKinds; }
  // Every finding is at a call whose callee (a Name or an attribute) has one of these names.
  static constexpr std::string_view kRequiredWords[] = {"locals", "globals", "vars", "exec", "eval"};
  std::span<const std::string_view> required_words() const override { return kRequiredWords; }
  void check(const Node& node, RuleContext& context) const override {
    const Node& callee = call_func(node);
    std::string_view id = callee.kind == NodeKind::kName ? name_id(callee) : attribute_name(callee);
    if (id != "locals" && id != "globals" && id != "vars" && id != "exec" && id != "eval") return;
    if (id == "vars" && (call_args(node).size != 0 || call_keywords(node).size != 0)) return;
    if (!in_function(context.scope())) return;
    if (context.callee_name_view(node) != fmt::format("builtins.{}", id)) return;
    bool loop = context.in_loop(node);
    std::string_view formatting = formatting_use(node, context);
    // A single call per function run is cheap enough; repeated ones and formatting idioms are not.
    if (!loop && formatting.empty()) return;
    const Node* code = argument(node, 0, "source");
    bool source_text = (id == "exec" || id == "eval") && code != nullptr &&
                       (string_constant(code) || code->kind == NodeKind::kJoinedStr);
    std::string_view effect = source_text
                                  ? "compiles its string on every call and may disable PyPy's JIT here"
                                  : "may disable PyPy's JIT for this function";
    context.report(node, fmt::format("`{}()`{}{} {}", id, formatting, loop ? " inside a loop" : "", effect));
  }
};

}  // namespace

std::unique_ptr<Rule> make_locals_globals_exec_in_hot_code() {
  return std::make_unique<LocalsGlobalsExecInHotCode>();
}

}  // namespace pypyready::scan::rules
