// PPY010 cpython-only-sys-api: sys functions that PyPy does not have.
#include <fmt/format.h>

#include "scan/rules/rule_helpers.h"
#include "scan/rules/rules.h"

namespace pypyready::scan::rules {

const RuleInfo kCpythonOnlySysApi{
    .code = "PPY010",
    .name = "cpython-only-sys-api",
    .severity = Severity::kError,
    .fix = FixAvailability::kNone,
    .doc = {
        .what = "Finds uses of sys.getrefcount, sys.getallocatedblocks, sys._debugmallocstats, "
                "sys._clear_type_cache and sys.gettotalrefcount, through any alias or getattr with a "
                "constant name.",
        .why = "PyPy has no reference counts, so these functions do not exist there: the use raises "
               "AttributeError "
               "(PyPy 7.3.11: `module 'sys' has no attribute 'getrefcount'`).",
        .source = "https://doc.pypy.org/en/latest/cpython_differences.html",
        .example = "import sys\nassert sys.getrefcount(obj) == 2",
        .use_instead = "if hasattr(sys, \"getrefcount\"):\n    assert sys.getrefcount(obj) == 2",
    }};

namespace {

const ApiNames kNames{"sys.getrefcount", "sys.getallocatedblocks", "sys._debugmallocstats",
                      "sys._clear_type_cache", "sys.gettotalrefcount"};

class CpythonOnlySysApi final : public Rule {
 public:
  std::span<const NodeKind> kinds() const override { return kApiUseKinds; }
  // Findings are uses of kNames: the last component of each names the API.
  static constexpr std::string_view kRequiredWords[] = {
      "getrefcount", "getallocatedblocks", "_debugmallocstats", "_clear_type_cache", "gettotalrefcount"};
  std::span<const std::string_view> required_words() const override { return kRequiredWords; }
  void check(const Node& node, RuleContext& context) const override {
    std::optional<std::string> use = api_use(node, context, kNames);
    if (!use || context.is_guarded(node)) return;
    context.report(node,
                   fmt::format("`{}` does not exist on PyPy (no reference counting): AttributeError", *use));
  }
};

}  // namespace

std::unique_ptr<Rule> make_cpython_only_sys_api() {
  return std::make_unique<CpythonOnlySysApi>();
}

}  // namespace pypyready::scan::rules
