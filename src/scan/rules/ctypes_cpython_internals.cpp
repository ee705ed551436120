// PPY024 ctypes-cpython-internals: ctypes code that reaches into CPython's object layout.
#include <fmt/format.h>

#include <algorithm>

#include "scan/rules/rule_helpers.h"
#include "scan/rules/rules.h"

namespace pypyready::scan::rules {

const RuleInfo kCtypesCpythonInternals{
    .code = "PPY024",
    .name = "ctypes-cpython-internals",
    .severity = Severity::kError,
    .fix = FixAvailability::kNone,
    .doc = {
        .what = "Finds ctypes.pythonapi, ctypes.py_object, ctypes.PyDLL(None), addresses taken from id() "
                "(from_address(id(x)), cast(id(x), ...)) and ctypes structures that mirror PyObject "
                "(ob_refcnt, ob_type).",
        .why = "PyPy objects have no CPython memory layout and id() is not an address; ctypes.pythonapi is "
               "absent and "
               "py_object fails (PyPy 7.3.11: AttributeError and TypeError).",
        .source = "https://doc.pypy.org/en/latest/cpython_differences.html#c-api-differences",
        .example = "ctypes.pythonapi.Py_IncRef(ctypes.py_object(obj))",
        .use_instead = "# keep a Python reference instead, or write the extension with cffi",
    }};

namespace {

const ApiNames kNames{"ctypes.pythonapi", "ctypes.py_object"};
constexpr std::string_view kAddressFunctions[] = {"ctypes.cast", "ctypes.memmove", "ctypes.string_at",
                                                  "ctypes.addressof"};
constexpr NodeKind kKinds[] = {NodeKind::kName, NodeKind::kAttribute, NodeKind::kCall, NodeKind::kClassDef};

bool is_id_call(const Node* node, RuleContext& context) {
  return node != nullptr && node->kind == NodeKind::kCall && context.callee_name_view(*node) == "builtins.id";
}

bool mirrors_pyobject(const Node& class_def, RuleContext& context) {
  bool ctypes_base = false;
  for (const Node* base : python::children_at(class_def, field_slot(NodeKind::kClassDef, "bases"))) {
    std::string name = context.qualified_name(*base);
    if (name == "ctypes.Structure" || name == "ctypes.Union") ctypes_base = true;
  }
  if (!ctypes_base) return false;
  for (const Node* statement : python::children_at(class_def, field_slot(NodeKind::kClassDef, "body"))) {
    if (statement->kind != NodeKind::kAssign) continue;
    std::string_view text = context.text_of(*statement);
    if (text.starts_with("_fields_") && (text.find("\"ob_refcnt\"") != std::string_view::npos ||
                                         text.find("'ob_refcnt'") != std::string_view::npos ||
                                         text.find("\"ob_type\"") != std::string_view::npos ||
                                         text.find("'ob_type'") != std::string_view::npos)) {
      return true;
    }
  }
  return false;
}

class CtypesCpythonInternals final : public Rule {
 public:
  std::span<const NodeKind> kinds() const override { return kKinds; }
  // Every name it matches is in ctypes; `x.from_address(id(y))` needs no import.
  static constexpr std::string_view kRequiredWords[] = {"ctypes", "from_address"};
  std::span<const std::string_view> required_words() const override { return kRequiredWords; }
  void check(const Node& node, RuleContext& context) const override {
    if (node.kind == NodeKind::kClassDef) {
      if (mirrors_pyobject(node, context) && !context.is_guarded(node)) {
        context.report(
            node, "a ctypes structure mirroring CPython's PyObject header: PyPy objects have another layout");
      }
      return;
    }
    if (node.kind == NodeKind::kCall) {
      check_call(node, context);
      return;
    }
    std::optional<std::string> use = api_use(node, context, kNames);
    if (!use || context.is_guarded(node)) return;
    context.report(
        node, fmt::format("`{}` reaches CPython's C API from ctypes; it is missing or fails on PyPy", *use));
  }

 private:
  static void check_call(const Node& call, RuleContext& context) {
    const Node& callee = call_func(call);
    if (attribute_name(callee) == "from_address" && is_id_call(argument(call, 0, "address"), context)) {
      if (!context.is_guarded(call)) {
        context.report(call,
                       "`from_address(id(...))` treats id() as a memory address; it is not one on PyPy");
      }
      return;
    }
    std::string_view resolved = context.callee_name_view(call);
    // Most calls are none of these: copy the name (kept across later look-ups) only for those.
    if (resolved != "ctypes.PyDLL" && resolved != "ctypes.CDLL" &&
        std::find(std::begin(kAddressFunctions), std::end(kAddressFunctions), resolved) ==
            std::end(kAddressFunctions)) {
      return;
    }
    std::string name(resolved);
    if (name == "ctypes.PyDLL" || name == "ctypes.CDLL") {
      const Node* library = argument(call, 0, "name");
      bool none = library != nullptr && library->kind == NodeKind::kConstant &&
                  library->slot(field_slot(NodeKind::kConstant, "value")).constant->kind ==
                      python::ConstantKind::kNone;
      const Node* parent = context.parent(call);
      bool python_symbol = parent != nullptr && attribute_name(*parent).starts_with("Py");
      if (none && (name == "ctypes.PyDLL" || python_symbol) && !context.is_guarded(call)) {
        context.report(call, "loading the interpreter's own C API through ctypes does not work on PyPy");
      }
      return;
    }
    for (std::string_view function : kAddressFunctions) {
      if (name != function) continue;
      for (const Node* arg : call_args(call)) {
        if (is_id_call(arg, context) && !context.is_guarded(call)) {
          context.report(
              call,
              fmt::format("`{}` with id(...) treats id() as a memory address; it is not one on PyPy", name));
          return;
        }
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_ctypes_cpython_internals() {
  return std::make_unique<CtypesCpythonInternals>();
}

}  // namespace pypyready::scan::rules
