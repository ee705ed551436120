// PPY011 sys-getsizeof: sys.getsizeof raises TypeError on PyPy (or returns the default).
#include <fmt/format.h>

#include "scan/rules/rule_helpers.h"
#include "scan/rules/rules.h"

namespace pypyready::scan::rules {

const RuleInfo kSysGetsizeof{
    .code = "PPY011",
    .name = "sys-getsizeof",
    .severity = Severity::kError,
    .fix = FixAvailability::kNone,
    .doc = {
        .what =
            "Finds sys.getsizeof (error without a default, warning with one), calls of `__sizeof__()`, and "
            "imports of pympler, objsize and guppy, which are built on it.",
        .why = "On PyPy sys.getsizeof always raises TypeError, and with a default argument it silently "
               "returns the "
               "default (PyPy 7.3.11: `sys.getsizeof([1,2,3])` raises, `sys.getsizeof(x, -1)` returns -1).",
        .source = "https://doc.pypy.org/en/latest/cpython_differences.html",
        .example = "size = sys.getsizeof(buffer)",
        .use_instead = "size = len(buffer)  # or measure memory with resource.getrusage on both interpreters",
    }};

namespace {

const ApiNames kNames{"sys.getsizeof"};
constexpr std::string_view kPackages[] = {"pympler", "objsize", "guppy"};
constexpr NodeKind kKinds[] = {NodeKind::kName, NodeKind::kAttribute, NodeKind::kCall, NodeKind::kImport,
                               NodeKind::kImportFrom};

bool inside_sizeof_method(const Node& node, RuleContext& context) {
  for (const Node* ancestor = context.parent(node); ancestor != nullptr;
       ancestor = context.parent(*ancestor)) {
    if (ancestor->kind == NodeKind::kFunctionDef || ancestor->kind == NodeKind::kAsyncFunctionDef) {
      return python::ident_at(*ancestor, field_slot(NodeKind::kFunctionDef, "name")) == "__sizeof__";
    }
  }
  return false;
}

class SysGetsizeof final : public Rule {
 public:
  std::span<const NodeKind> kinds() const override { return kKinds; }
  // The imported packages, `__sizeof__` calls and uses of sys.getsizeof.
  static constexpr std::string_view kRequiredWords[] = {"pympler", "objsize", "guppy", "__sizeof__",
                                                        "getsizeof"};
  std::span<const std::string_view> required_words() const override { return kRequiredWords; }
  void check(const Node& node, RuleContext& context) const override {
    if (node.kind == NodeKind::kImport || node.kind == NodeKind::kImportFrom) {
      for_each_imported_module(node, kPackages, [&](const Node& where, std::string_view package) {
        if (context.is_guarded(node)) return;
        context.report(
            where,
            fmt::format("`{}` measures sizes with sys.getsizeof, which raises TypeError on PyPy", package),
            std::nullopt, Severity::kWarning);
      });
      return;
    }
    if (node.kind == NodeKind::kCall && attribute_name(call_func(node)) == "__sizeof__") {
      if (context.is_guarded(node) || inside_sizeof_method(node, context)) return;
      context.report(node, "`__sizeof__()` is not provided by PyPy's objects", std::nullopt,
                     Severity::kWarning);
      return;
    }
    std::optional<std::string> use = api_use(node, context, kNames);
    if (!use || context.is_guarded(node)) return;
    const Node* parent = context.parent(node);
    bool called = parent != nullptr && parent->kind == NodeKind::kCall && &call_func(*parent) == &node;
    if (called && argument(*parent, 1, "default") != nullptr) {
      context.report(*parent, "`sys.getsizeof` with a default returns the default on PyPy, never a size",
                     std::nullopt, Severity::kWarning);
      return;
    }
    context.report(called ? *parent : node, "`sys.getsizeof` raises TypeError on PyPy");
  }
};

}  // namespace

std::unique_ptr<Rule> make_sys_getsizeof() {
  return std::make_unique<SysGetsizeof>();
}

}  // namespace pypyready::scan::rules
