#pragma once
// Where a node sits, for rules whose severity or relevance depends on it: test files, branches
// that check which interpreter runs, the enclosing function; and a bounded walk over a subtree.

#include <string_view>
#include <vector>

#include "python/ast.h"
#include "python/ast_fields.h"
#include "scan/context.h"

namespace pypyready::scan::rules {

/// Whether `path` is test code: test_*.py, *_test.py, conftest.py, or a file under a folder
/// named test, tests or testing.
bool is_test_path(std::string_view path);

/// Whether the node runs only under an if/while/ternary/`and` whose test asks which interpreter
/// runs (platform.python_implementation(), sys.implementation, pypy_version_info, __pypy__,
/// IS_PYPY-style names), or in a test skipped on PyPy (RuleContext::in_test_skipped_on_pypy).
/// Unlike RuleContext::is_guarded, try/except and hasattr do not count:
/// they guard against a missing API, not against different behaviour.
bool under_implementation_check(const python::Node& node, const RuleContext& context);

/// The innermost def or lambda around the node; nullptr at module or class level.
const python::Node* enclosing_function(const python::Node& node, const RuleContext& context);

/// Whether a Name is bound by an import (`from sys import setrecursionlimit as limit`): a cheap
/// test before resolving the qualified name of a plain-name call.
bool is_imported_name(const python::Node& name, const RuleContext& context);

/// The name of a FunctionDef or AsyncFunctionDef ("" for anything else).
std::string_view function_name(const python::Node& function);

/// Visits `root` and its descendants depth-first in source order, at most `budget` nodes.
/// `visit(node)` returns false to skip the node's children. Operators and contexts are skipped.
template <typename Visit>
void walk_subtree(const python::Node& root, int budget, Visit&& visit) {
  std::vector<const python::Node*> pending{&root};
  while (!pending.empty() && budget-- > 0) {
    const python::Node* node = pending.back();
    pending.pop_back();
    if (!visit(*node)) continue;
    const python::NodeInfo& info = python::node_info(node->kind);
    for (int field = info.field_count - 1; field >= 0; --field) {
      auto push = [&pending](const python::Node* child) {
        if (child != nullptr &&
            !(child->kind >= python::NodeKind::kLoad && child->kind <= python::NodeKind::kNotIn))
          pending.push_back(child);
      };
      if (info.fields[field].shape == python::FieldShape::kNode ||
          info.fields[field].shape == python::FieldShape::kOptNode) {
        push(python::child_at(*node, field));
      } else if (info.fields[field].shape == python::FieldShape::kList) {
        python::NodeSpan children = python::children_at(*node, field);
        for (std::uint32_t index = children.size; index > 0; --index)
          push(children.items[index - 1]);
      }
    }
  }
}

/// Whether a node opens a new function or class body (walks over a body stop there).
inline bool opens_definition(const python::Node& node) {
  return node.kind == python::NodeKind::kFunctionDef || node.kind == python::NodeKind::kAsyncFunctionDef ||
         node.kind == python::NodeKind::kClassDef || node.kind == python::NodeKind::kLambda;
}

}  // namespace pypyready::scan::rules
