// PPY022 frame-introspection-in-hot-code: frame access inside functions, which PyPy documents
// as disabling the JIT for the surrounding code.
#include <fmt/format.h>

#include "scan/rules/rule_helpers.h"
#include "scan/rules/rules.h"

namespace pypyready::scan::rules {

const RuleInfo kFrameIntrospectionInHotCode{
    .code = "PPY022",
    .name = "frame-introspection-in-hot-code",
    .severity = Severity::kInfo,
    .fix = FixAvailability::kNone,
    .doc = {
        .what = "Finds frame introspection inside functions: sys._getframe, sys._current_frames, "
                "inspect.currentframe/stack/getouterframes/getframeinfo/trace, and f_back/f_locals/f_globals "
                "chains. "
                "Uses at module level (one-off, at import time) are not reported.",
        .why = "PyPy documents that frame access can disable the JIT over the surrounding code; logging's "
               "caller "
               "lookup is the classic hidden case. Not reproduced as a disproportionate cost on PyPy 7.3.11, "
               "so info.",
        .source = "https://www.pypy.org/performance.html",
        .example = "def log(msg):\n    caller = sys._getframe(1).f_code.co_name",
        .use_instead = "def log(msg, caller):  # pass what you need explicitly",
    }};

namespace {

const ApiNames kNames{"sys._getframe", "sys._current_frames",    "inspect.currentframe",
                      "inspect.stack", "inspect.getouterframes", "inspect.getframeinfo",
                      "inspect.trace"};
constexpr std::string_view kFrameAttributes[] = {"f_back", "f_locals", "f_globals"};

bool is_frame_attribute(const Node& node) {
  std::string_view attr = attribute_name(node);
  for (std::string_view name : kFrameAttributes) {
    if (attr == name) return true;
  }
  return false;
}

bool at_module_level(RuleContext& context) {
  python::ScopeKind kind = context.scope().kind;
  return kind == python::ScopeKind::kModule || kind == python::ScopeKind::kClass;
}

class FrameIntrospectionInHotCode final : public Rule {
 public:
  std::span<const NodeKind> kinds() const override { return kApiUseKinds; }
  // The frame attributes and the last components of kNames.
  static constexpr std::string_view kRequiredWords[] = {
      "f_back",       "f_locals", "f_globals",      "_getframe",    "_current_frames",
      "currentframe", "stack",    "getouterframes", "getframeinfo", "trace"};
  std::span<const std::string_view> required_words() const override { return kRequiredWords; }
  void check(const Node& node, RuleContext& context) const override {
    if (at_module_level(context)) return;
    if (node.kind == NodeKind::kAttribute && is_frame_attribute(node)) {
      // Only the innermost step of a chain is reported.
      const Node& value = *python::child_at(node, field_slot(NodeKind::kAttribute, "value"));
      if (is_frame_attribute(value)) return;
      if (value.kind == NodeKind::kCall && api_use(call_func(value), context, kNames)) return;
      if (context.is_guarded(node)) return;
      context.report(node, fmt::format("frame attribute `{}` may disable PyPy's JIT for this code",
                                       attribute_name(node)));
      return;
    }
    std::optional<std::string> use = api_use(node, context, kNames);
    if (!use || context.is_guarded(node)) return;
    context.report(node, fmt::format("`{}` may disable PyPy's JIT for this code", *use));
  }
};

}  // namespace

std::unique_ptr<Rule> make_frame_introspection_in_hot_code() {
  return std::make_unique<FrameIntrospectionInHotCode>();
}

}  // namespace pypyready::scan::rules
