// PPY035 ctypes-in-hot-path: foreign functions loaded through ctypes and called inside loops,
// a path PyPy's JIT does not speed up (cffi is its fast path).
#include <fmt/format.h>

#include "scan/rules/rule_helpers.h"
#include "scan/rules/rules.h"

namespace pypyready::scan::rules {

const RuleInfo kCtypesInHotPath{
    .code = "PPY035",
    .name = "ctypes-in-hot-path",
    .severity = Severity::kInfo,
    .fix = FixAvailability::kNone,
    .doc = {
        .what = "Finds calls inside loops and comprehensions of functions from libraries loaded with ctypes "
                "(ctypes.CDLL/PyDLL/WinDLL/OleDLL(...), ctypes.cdll.LoadLibrary(...), ctypes.cdll.<name>), "
                "directly or through names bound to the library or the function in the file.",
        .why =
            "PyPy recommends cffi, which its JIT understands; ctypes calls get no such fast path (PyPy "
            "7.3.11: 1M calls of libc abs took 0.35-1.04 s through ctypes, 0.005-0.014 s through cffi's ABI "
            "mode).",
        .source = "https://doc.pypy.org/en/latest/faq.html",
        .example = "libc = ctypes.CDLL(\"libc.so.6\")\nfor value in values:\n    total += libc.abs(value)",
        .use_instead = "ffi = cffi.FFI()\nffi.cdef(\"int abs(int);\")\nlibc = ffi.dlopen(\"libc.so.6\")\n"
                       "for value in values:\n    total += libc.abs(value)",
    }};

namespace {

constexpr std::string_view kLoaders[] = {"ctypes.CDLL",
                                         "ctypes.PyDLL",
                                         "ctypes.WinDLL",
                                         "ctypes.OleDLL",
                                         "ctypes.cdll.LoadLibrary",
                                         "ctypes.windll.LoadLibrary",
                                         "ctypes.oledll.LoadLibrary",
                                         "ctypes.pydll.LoadLibrary"};
constexpr std::string_view kLoaderObjects[] = {"ctypes.cdll.", "ctypes.windll.", "ctypes.oledll.",
                                               "ctypes.pydll."};
constexpr NodeKind kKinds[] = {NodeKind::kCall};
constexpr int kMaxDepth = 4;

bool is_library(const Node& node, const python::SemanticModel& model, const python::Scope& scope, int depth);

// A Name's value where it was assigned (in its own scope), or nullptr.
const python::Binding* assigned(const Node& name, const python::SemanticModel& model,
                                const python::Scope& scope) {
  const python::Binding* binding = model.lookup(name_id(name), scope, name.lineno, name.col_offset);
  if (binding == nullptr || binding->kind != python::BindingKind::kAssignment || binding->value == nullptr)
    return nullptr;
  return binding;
}

bool is_library(const Node& node, const python::SemanticModel& model, const python::Scope& scope, int depth) {
  if (depth > kMaxDepth) return false;
  switch (node.kind) {
    case NodeKind::kCall: {
      std::string callee = model.qualified_name(call_func(node), scope);
      for (std::string_view loader : kLoaders) {
        if (callee == loader) return true;
      }
      return false;
    }
    case NodeKind::kAttribute: {
      // `ctypes.cdll.libc`: an attribute of a loader object loads that library.
      std::string name = model.qualified_name(node, scope);
      for (std::string_view prefix : kLoaderObjects) {
        if (name.size() > prefix.size() && name.starts_with(prefix) &&
            name.find('.', prefix.size()) == std::string::npos &&
            name != std::string(prefix) + "LoadLibrary") {
          return true;
        }
      }
      return false;
    }
    case NodeKind::kName: {
      const python::Binding* binding = assigned(node, model, scope);
      return binding != nullptr && is_library(*binding->value, model, *binding->scope, depth + 1);
    }
    default:
      return false;
  }
}

// `lib.func`, `lib["func"]`, or a name bound to one of them.
bool is_foreign_function(const Node& node, const python::SemanticModel& model, const python::Scope& scope,
                         int depth) {
  if (depth > kMaxDepth) return false;
  switch (node.kind) {
    case NodeKind::kAttribute: {
      std::string_view attr = attribute_name(node);
      if (attr.starts_with("_") || attr == "LoadLibrary") return false;
      return is_library(*python::child_at(node, field_slot(NodeKind::kAttribute, "value")), model, scope,
                        depth);
    }
    case NodeKind::kSubscript:
      return is_library(*python::child_at(node, field_slot(NodeKind::kSubscript, "value")), model, scope,
                        depth);
    case NodeKind::kName: {
      const python::Binding* binding = assigned(node, model, scope);
      return binding != nullptr && is_foreign_function(*binding->value, model, *binding->scope, depth + 1);
    }
    default:
      return false;
  }
}

class CtypesInHotPath final : public Rule {
 public:
  std::span<const NodeKind> kinds() const override { return kKinds; }
  // A foreign function comes from a library loaded through ctypes.
  static constexpr std::string_view kRequiredWords[] = {"ctypes"};
  std::span<const std::string_view> required_words() const override { return kRequiredWords; }
  void check(const Node& node, RuleContext& context) const override {
    const Node& callee = call_func(node);
    if (callee.kind != NodeKind::kAttribute && callee.kind != NodeKind::kName &&
        callee.kind != NodeKind::kSubscript)
      return;
    if (!context.in_loop(node)) return;
    if (!is_foreign_function(callee, context.model(), context.scope(), 0)) return;
    context.report(node,
                   fmt::format("`{}` is a ctypes call inside a loop: PyPy's JIT does not speed up ctypes; "
                               "cffi calls are much faster there",
                               context.text_of(callee)));
  }
};

}  // namespace

std::unique_ptr<Rule> make_ctypes_in_hot_path() {
  return std::make_unique<CtypesInHotPath>();
}

}  // namespace pypyready::scan::rules
