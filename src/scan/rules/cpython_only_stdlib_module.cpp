// PPY031 cpython-only-stdlib-module: standard-library modules written in C that PyPy lacks.
#include <fmt/format.h>

#include "scan/rules/rule_helpers.h"
#include "scan/rules/rules.h"

namespace pypyready::scan::rules {

const RuleInfo kCpythonOnlyStdlibModule{
    .code = "PPY031",
    .name = "cpython-only-stdlib-module",
    .severity = Severity::kError,
    .fix = FixAvailability::kNone,
    .doc = {
        .what = "Finds unguarded imports of standard-library modules that PyPy does not provide: symtable, "
                "nis, spwd, "
                "ossaudiodev, the CPython test and subinterpreter modules, and the private C accelerators "
                "(_pickle, _json, _elementtree, _decimal, _heapq, _datetime, _asyncio, _statistics, _queue, "
                "_uuid); "
                "tkinter as a packaging hint.",
        .why = "Modules written in C for CPython exist on PyPy only when PyPy re-implements them; the public "
               "modules "
               "(pickle, json, decimal, ...) work, their private accelerators do not (ImportError on PyPy "
               "7.3.11).",
        .source = "https://doc.pypy.org/en/latest/cpython_differences.html#extension-modules",
        .example = "from _json import make_scanner",
        .use_instead =
            "try:\n    from _json import make_scanner\nexcept ImportError:\n    make_scanner = None",
    }};

namespace {

// Measured by importing each module under PyPy 7.3.11 (Python 3.9).
constexpr std::string_view kModules[] = {"symtable",
                                         "_symtable",
                                         "nis",
                                         "spwd",
                                         "ossaudiodev",
                                         "_testcapi",
                                         "_testinternalcapi",
                                         "_xxsubinterpreters",
                                         "_interpreters",
                                         "xxsubtype",
                                         "_tracemalloc",
                                         "_pickle",
                                         "_json",
                                         "_elementtree",
                                         "_decimal",
                                         "_heapq",
                                         "_datetime",
                                         "_asyncio",
                                         "_statistics",
                                         "_queue",
                                         "_uuid",
                                         "tkinter",
                                         "_tkinter"};

class CpythonOnlyStdlibModule final : public Rule {
 public:
  static constexpr NodeKind kKinds[] = {NodeKind::kImport, NodeKind::kImportFrom};
  std::span<const NodeKind> kinds() const override { return kKinds; }
  void check(const Node& node, RuleContext& context) const override {
    for_each_imported_module(node, kModules, [&](const Node& where, std::string_view module) {
      if (context.is_guarded(node)) return;
      if (module == "tkinter" || module == "_tkinter") {
        context.report(where, "tkinter is packaged separately for PyPy (Debian: pypy3-tk); install it there",
                       std::nullopt, Severity::kInfo);
        return;
      }
      context.report(where, fmt::format("`{}` cannot be imported on PyPy: ImportError", module));
    });
  }
};

}  // namespace

std::unique_ptr<Rule> make_cpython_only_stdlib_module() {
  return std::make_unique<CpythonOnlyStdlibModule>();
}

}  // namespace pypyready::scan::rules
