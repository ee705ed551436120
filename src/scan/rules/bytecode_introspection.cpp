// PPY030 bytecode-introspection: logic that depends on CPython's bytecode, which PyPy does not
// share.
#include <fmt/format.h>

#include <algorithm>

#include "scan/rules/rule_helpers.h"
#include "scan/rules/rules.h"

namespace pypyready::scan::rules {

const RuleInfo kBytecodeIntrospection{
    .code = "PPY030",
    .name = "bytecode-introspection",
    .severity = Severity::kWarning,
    .fix = FixAvailability::kNone,
    .doc = {
        .what =
            "Finds code that reads or builds bytecode: co_code, co_lnotab, co_linetable, "
            "co_exceptiontable, co_lines(), co_positions(); dis.get_instructions/Bytecode/findlinestarts/"
            "stack_effect and the opcode tables of dis and opcode (opmap, opname, HAVE_ARGUMENT, has*); "
            "marshal.dump(s) of code objects; imports of bytecode, byteplay, xdis, uncompyle6, decompyle3 "
            "and codetransformer. Printing with dis.dis() is not reported.",
        .why = "PyPy compiles to its own bytecode (other opcodes, no inline caches, its own magic number), "
               "so instruction sequences, opcode numbers and marshalled code differ from CPython's.",
        .source = "https://doc.pypy.org/en/latest/cpython_differences.html",
        .example = "uses_yield = dis.opmap[\"YIELD_VALUE\"] in func.__code__.co_code",
        .use_instead = "uses_yield = inspect.isgeneratorfunction(func)",
    }};

namespace {

constexpr std::string_view kCodeAttributes[] = {"co_code",           "co_lnotab", "co_linetable",
                                                "co_exceptiontable", "co_lines",  "co_positions"};
const ApiNames kNames{"dis.get_instructions",
                      "dis.Bytecode",
                      "dis.Instruction",
                      "dis.findlinestarts",
                      "dis.findlabels",
                      "dis.stack_effect",
                      "dis.opmap",
                      "dis.opname",
                      "dis.HAVE_ARGUMENT",
                      "dis.EXTENDED_ARG",
                      "dis.hasconst",
                      "dis.hasname",
                      "dis.hasjrel",
                      "dis.hasjabs",
                      "dis.haslocal",
                      "dis.hascompare",
                      "dis.hasfree",
                      "dis.hasarg",
                      "dis.hasexc",
                      "dis.cmp_op",
                      "opcode.opmap",
                      "opcode.opname",
                      "opcode.HAVE_ARGUMENT",
                      "opcode.EXTENDED_ARG",
                      "opcode.hasconst",
                      "opcode.hasname",
                      "opcode.hasjrel",
                      "opcode.hasjabs",
                      "opcode.haslocal",
                      "opcode.hascompare",
                      "opcode.hasfree",
                      "opcode.hasarg",
                      "opcode.hasexc",
                      "opcode.cmp_op",
                      "opcode.stack_effect"};
constexpr std::string_view kPackages[] = {"bytecode",   "byteplay",   "xdis",
                                          "uncompyle6", "decompyle3", "codetransformer"};
constexpr NodeKind kKinds[] = {NodeKind::kName, NodeKind::kAttribute, NodeKind::kCall, NodeKind::kImport,
                               NodeKind::kImportFrom};

bool is_code_object(const Node* node, RuleContext& context) {
  if (node == nullptr) return false;
  if (attribute_name(*node) == "__code__") return true;
  return node->kind == NodeKind::kCall && context.callee_name_view(*node) == "builtins.compile";
}

class BytecodeIntrospection final : public Rule {
 public:
  std::span<const NodeKind> kinds() const override { return kKinds; }
  // The packages, code attributes, marshal, and the modules (dis, opcode) of kNames.
  static constexpr std::string_view kRequiredWords[] = {
      "bytecode",        "byteplay",     "xdis",      "uncompyle6",   "decompyle3",
      "codetransformer", "co_code",      "co_lnotab", "co_linetable", "co_exceptiontable",
      "co_lines",        "co_positions", "marshal",   "dis",          "opcode"};
  std::span<const std::string_view> required_words() const override { return kRequiredWords; }
  void check(const Node& node, RuleContext& context) const override {
    if (node.kind == NodeKind::kImport || node.kind == NodeKind::kImportFrom) {
      for_each_imported_module(node, kPackages, [&](const Node& where, std::string_view package) {
        if (context.is_guarded(node)) return;
        context.report(where,
                       fmt::format("`{}` works on CPython's bytecode; PyPy's bytecode differs", package));
      });
      return;
    }
    if (node.kind == NodeKind::kAttribute) {
      std::string_view attr = attribute_name(node);
      if (std::find(std::begin(kCodeAttributes), std::end(kCodeAttributes), attr) !=
          std::end(kCodeAttributes)) {
        if (context.is_guarded(node)) return;
        context.report(node, fmt::format("`{}` exposes CPython's bytecode layout; PyPy's bytecode and line "
                                         "tables differ",
                                         attr));
        return;
      }
    }
    if (node.kind == NodeKind::kCall) {
      const Node& callee = call_func(node);
      std::string_view last = callee.kind == NodeKind::kName ? name_id(callee) : attribute_name(callee);
      if (last == "dumps" || last == "dump") {
        std::string name = context.callee_name(node);
        if ((name == "marshal.dumps" || name == "marshal.dump") &&
            is_code_object(argument(node, 0, "value"), context) && !context.is_guarded(node)) {
          context.report(node,
                         "marshalled code objects carry CPython's bytecode; PyPy's code objects "
                         "differ, so such caches do not move between interpreters");
        }
        return;
      }
    }
    std::optional<std::string> use = api_use(node, context, kNames);
    if (!use || context.is_guarded(node)) return;
    context.report(node,
                   fmt::format("`{}` depends on CPython's opcodes and instructions; PyPy's differ", *use));
  }
};

}  // namespace

std::unique_ptr<Rule> make_bytecode_introspection() {
  return std::make_unique<BytecodeIntrospection>();
}

}  // namespace pypyready::scan::rules
