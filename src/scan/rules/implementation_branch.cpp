#include "scan/rules/implementation_branch.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include "python/ast_walk.h"

namespace pypyready::scan::rules {
namespace {

bool mentions_ci(std::string_view text, std::string_view needle) {
  return std::search(text.begin(), text.end(), needle.begin(), needle.end(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) == b;
         }) != text.end();
}

bool names_implementation(std::string_view text) {
  return mentions_ci(text, "pypy") || mentions_ci(text, "cpython");
}

// A test that asks which interpreter runs; scanned to a bounded size.
bool is_implementation_test(const Node& test) {
  bool found = false;
  int budget = 128;
  python::walk_preorder(test, [&](const Node& node) {
    if (found || budget-- <= 0) return false;
    if (node.kind == NodeKind::kName) {
      found = names_implementation(name_id(node));
    } else if (node.kind == NodeKind::kAttribute) {
      std::string_view attr = attribute_name(node);
      found = attr == "python_implementation" || attr == "implementation" || names_implementation(attr);
    } else if (auto text = string_constant(&node)) {
      found = names_implementation(*text);
    }
    return !found;
  });
  return found;
}

}  // namespace

bool in_implementation_branch(const Node& node, const RuleContext& context) {
  const Node* child = &node;
  for (const Node* ancestor = context.parent(node); ancestor != nullptr;
       child = ancestor, ancestor = context.parent(*ancestor)) {
    const Node* test = nullptr;
    if (ancestor->kind == NodeKind::kIf)
      test = python::child_at(*ancestor, field_slot(NodeKind::kIf, "test"));
    if (ancestor->kind == NodeKind::kWhile)
      test = python::child_at(*ancestor, field_slot(NodeKind::kWhile, "test"));
    if (ancestor->kind == NodeKind::kIfExp)
      test = python::child_at(*ancestor, field_slot(NodeKind::kIfExp, "test"));
    if (test != nullptr && test != child && is_implementation_test(*test)) return true;
    if (ancestor->kind == NodeKind::kBoolOp) {
      for (const Node* value : python::children_at(*ancestor, field_slot(NodeKind::kBoolOp, "values"))) {
        if (value == child) break;
        if (is_implementation_test(*value)) return true;
      }
    }
  }
  return false;
}

}  // namespace pypyready::scan::rules
