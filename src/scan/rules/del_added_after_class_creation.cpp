// PPY007 del-added-after-class-creation: assigning __del__ to an existing class.
#include "scan/rules/rule_helpers.h"
#include "scan/rules/rules.h"

namespace pypyready::scan::rules {

const RuleInfo kDelAddedAfterClassCreation{
    .code = "PPY007",
    .name = "del-added-after-class-creation",
    .severity = Severity::kError,
    .fix = FixAvailability::kNone,
    .doc = {
        .what = "Finds `Cls.__del__ = ...`, `type(x).__del__ = ...` and `setattr(Cls, \"__del__\", ...)` "
                "where Cls is "
                "a class, outside the class body.",
        .why =
            "PyPy honours only a `__del__` that existed when the class was created; a later one is ignored "
            "with "
            "`RuntimeWarning: a __del__ method added to an existing type will not be called` (PyPy 7.3.11).",
        .source = "https://doc.pypy.org/en/latest/"
                  "cpython_differences.html#differences-related-to-garbage-collection-strategies",
        .example = "class Handle: ...\nHandle.__del__ = release_handle",
        .use_instead = "class Handle:\n    def __del__(self):\n        release_handle(self)",
    }};

namespace {

bool is_class_expression(const Node& node, RuleContext& context) {
  if (node.kind == NodeKind::kName) {
    const python::Binding* binding =
        context.model().lookup(name_id(node), context.scope(), node.lineno, node.col_offset);
    return binding != nullptr && binding->kind == python::BindingKind::kClass;
  }
  if (node.kind == NodeKind::kCall)
    return context.callee_name_view(node) == "builtins.type" && call_args(node).size == 1;
  if (node.kind == NodeKind::kAttribute) return attribute_name(node) == "__class__";
  return false;
}

class DelAddedAfterClassCreation final : public Rule {
 public:
  static constexpr NodeKind kKinds[] = {NodeKind::kAttribute, NodeKind::kCall};
  std::span<const NodeKind> kinds() const override { return kKinds; }
  // `X.__del__ = f` or `setattr(X, "__del__", f)`.
  static constexpr std::string_view kRequiredWords[] = {"__del__"};
  std::span<const std::string_view> required_words() const override { return kRequiredWords; }
  void check(const Node& node, RuleContext& context) const override {
    if (node.kind == NodeKind::kAttribute) {
      if (attribute_name(node) != "__del__") return;
      const Node* ctx = python::child_at(node, field_slot(NodeKind::kAttribute, "ctx"));
      if (ctx == nullptr || ctx->kind != NodeKind::kStore) return;
      const Node& owner = *python::child_at(node, field_slot(NodeKind::kAttribute, "value"));
      if (!is_class_expression(owner, context)) return;
      context.report(node, "`__del__` assigned after the class was created is never called on PyPy");
      return;
    }
    if (context.callee_name_view(node) != "builtins.setattr" || call_args(node).size != 3) return;
    std::optional<std::string_view> attribute = string_constant(call_args(node).items[1]);
    if (!attribute || *attribute != "__del__" || !is_class_expression(*call_args(node).items[0], context))
      return;
    context.report(node, "`__del__` set after the class was created is never called on PyPy");
  }
};

}  // namespace

std::unique_ptr<Rule> make_del_added_after_class_creation() {
  return std::make_unique<DelAddedAfterClassCreation>();
}

}  // namespace pypyready::scan::rules
