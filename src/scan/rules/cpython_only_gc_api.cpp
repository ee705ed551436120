// PPY012 cpython-only-gc-api: gc functions and constants that PyPy's collector lacks.
#include <fmt/format.h>

#include "scan/rules/rule_helpers.h"
#include "scan/rules/rules.h"

namespace pypyready::scan::rules {

const RuleInfo kCpythonOnlyGcApi{
    .code = "PPY012",
    .name = "cpython-only-gc-api",
    .severity = Severity::kError,
    .fix = FixAvailability::kNone,
    .doc = {
        .what = "Finds uses of gc.set_threshold, get_threshold, get_count, is_tracked, is_finalized, freeze, "
                "unfreeze, get_freeze_count, callbacks, set_debug, get_debug and the gc.DEBUG_* constants.",
        .why = "PyPy's garbage collector is a different design (nursery plus incremental major collections); "
               "these "
               "parts of CPython's gc API are absent there and raise AttributeError.",
        .source = "https://doc.pypy.org/en/latest/gc_info.html",
        .example = "import gc\ngc.freeze()\nos.fork()",
        .use_instead = "if hasattr(gc, \"freeze\"):\n    gc.freeze()",
    }};

namespace {

const ApiNames kNames{"gc.set_threshold", "gc.get_threshold", "gc.get_count", "gc.is_tracked",
                      "gc.is_finalized",  "gc.freeze",        "gc.unfreeze",  "gc.get_freeze_count",
                      "gc.callbacks",     "gc.set_debug",     "gc.get_debug", "gc.DEBUG_*"};

class CpythonOnlyGcApi final : public Rule {
 public:
  std::span<const NodeKind> kinds() const override { return kApiUseKinds; }
  // Findings are uses of kNames, all in the gc module: "gc" is the import they need.
  static constexpr std::string_view kRequiredWords[] = {"gc"};
  std::span<const std::string_view> required_words() const override { return kRequiredWords; }
  void check(const Node& node, RuleContext& context) const override {
    std::optional<std::string> use = api_use(node, context, kNames);
    if (!use || context.is_guarded(node)) return;
    context.report(node, fmt::format("`{}` does not exist in PyPy's gc module: AttributeError", *use));
  }
};

}  // namespace

std::unique_ptr<Rule> make_cpython_only_gc_api() {
  return std::make_unique<CpythonOnlyGcApi>();
}

}  // namespace pypyready::scan::rules
