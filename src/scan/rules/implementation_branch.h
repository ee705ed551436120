#pragma once
// Whether code runs only on one interpreter: the resource and GC rules stay quiet inside a
// branch that already tells CPython and PyPy apart, since its author knows the difference.

#include "scan/rules/rule_helpers.h"

namespace pypyready::scan::rules {

/// Whether `node` lies under an if/while/ternary/`and`-`or` whose test asks which interpreter
/// runs: platform.python_implementation(), sys.implementation, sys.pypy_version_info,
/// "__pypy__" in sys.builtin_module_names, or an IS_PYPY/is_cpython-style name (either polarity).
bool in_implementation_branch(const Node& node, const RuleContext& context);

}  // namespace pypyready::scan::rules
