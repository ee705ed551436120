// PPY014 tracemalloc: the module cannot be imported on PyPy.
#include "scan/rules/rule_helpers.h"
#include "scan/rules/rules.h"

namespace pypyready::scan::rules {

const RuleInfo kTracemalloc{
    .code = "PPY014",
    .name = "tracemalloc",
    .severity = Severity::kError,
    .fix = FixAvailability::kNone,
    .doc = {
        .what = "Finds unguarded imports of tracemalloc (import, from-import, importlib.import_module).",
        .why = "PyPy ships no `_tracemalloc`, so `import tracemalloc` fails with ModuleNotFoundError (PyPy "
               "7.3.11).",
        .source = "https://doc.pypy.org/en/latest/cpython_differences.html",
        .example = "import tracemalloc\ntracemalloc.start()",
        .use_instead = "try:\n    import tracemalloc\nexcept ImportError:\n    tracemalloc = None",
    }};

namespace {

constexpr std::string_view kModules[] = {"tracemalloc"};
constexpr NodeKind kKinds[] = {NodeKind::kImport, NodeKind::kImportFrom, NodeKind::kCall};

class Tracemalloc final : public Rule {
 public:
  std::span<const NodeKind> kinds() const override { return kKinds; }
  // An import of tracemalloc, or its name in an import_module()/__import__() string.
  static constexpr std::string_view kRequiredWords[] = {"tracemalloc"};
  std::span<const std::string_view> required_words() const override { return kRequiredWords; }
  void check(const Node& node, RuleContext& context) const override {
    if (node.kind == NodeKind::kCall) {
      std::optional<std::string_view> module = string_constant(argument(node, 0, "name"));
      if (!module || !module_matches(*module, "tracemalloc")) return;
      std::string_view callee = context.callee_name_view(node);
      if (callee != "importlib.import_module" && callee != "builtins.__import__") return;
      if (context.is_guarded(node)) return;
      context.report(node, "tracemalloc cannot be imported on PyPy (no _tracemalloc): ModuleNotFoundError");
      return;
    }
    for_each_imported_module(node, kModules, [&](const Node& where, std::string_view) {
      if (context.is_guarded(node)) return;
      context.report(where, "tracemalloc cannot be imported on PyPy (no _tracemalloc): ModuleNotFoundError");
    });
  }
};

}  // namespace

std::unique_ptr<Rule> make_tracemalloc() {
  return std::make_unique<Tracemalloc>();
}

}  // namespace pypyready::scan::rules
