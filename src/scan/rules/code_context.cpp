#include "scan/rules/code_context.h"

#include <algorithm>
#include <cctype>

#include "scan/rules/rule_helpers.h"

namespace pypyready::scan::rules {

bool is_test_path(std::string_view path) {
  std::size_t slash = path.find_last_of("/\\");
  std::string_view file = slash == std::string_view::npos ? path : path.substr(slash + 1);
  if (file.starts_with("test_") || file.ends_with("_test.py") || file == "conftest.py") return true;
  std::string_view folders = slash == std::string_view::npos ? std::string_view{} : path.substr(0, slash);
  while (!folders.empty()) {
    std::size_t cut = folders.find_last_of("/\\");
    std::string_view folder = cut == std::string_view::npos ? folders : folders.substr(cut + 1);
    if (folder == "test" || folder == "tests" || folder == "testing") return true;
    if (cut == std::string_view::npos) break;
    folders = folders.substr(0, cut);
  }
  return false;
}

namespace {

bool contains_ci(std::string_view haystack, std::string_view needle) {
  return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
         }) != haystack.end();
}

bool names_implementation(std::string_view name) {
  return contains_ci(name, "pypy") || contains_ci(name, "cpython") || name == "python_implementation" ||
         name == "implementation";
}

bool is_implementation_test(const Node& test) {
  bool found = false;
  walk_subtree(test, 128, [&](const Node& node) {
    if (found) return false;
    if (node.kind == NodeKind::kName) {
      found = names_implementation(name_id(node));
    } else if (node.kind == NodeKind::kAttribute) {
      found = names_implementation(attribute_name(node));
    } else if (std::optional<std::string_view> text = string_constant(&node)) {
      found = contains_ci(*text, "pypy") || contains_ci(*text, "cpython");
    }
    return !found;
  });
  return found;
}

}  // namespace

bool under_implementation_check(const Node& node, const RuleContext& context) {
  if (context.in_test_skipped_on_pypy(node)) return true;
  const Node* child = &node;
  for (const Node* ancestor = context.parent(node); ancestor != nullptr;
       child = ancestor, ancestor = context.parent(*ancestor)) {
    const Node* test = nullptr;
    switch (ancestor->kind) {
      case NodeKind::kIf:
        test = python::child_at(*ancestor, field_slot(NodeKind::kIf, "test"));
        break;
      case NodeKind::kWhile:
        test = python::child_at(*ancestor, field_slot(NodeKind::kWhile, "test"));
        break;
      case NodeKind::kIfExp:
        test = python::child_at(*ancestor, field_slot(NodeKind::kIfExp, "test"));
        break;
      case NodeKind::kBoolOp:
        for (const Node* value : python::children_at(*ancestor, field_slot(NodeKind::kBoolOp, "values"))) {
          if (value == child) break;
          if (is_implementation_test(*value)) return true;
        }
        break;
      default:
        break;
    }
    if (test != nullptr && test != child && is_implementation_test(*test)) return true;
  }
  return false;
}

const Node* enclosing_function(const Node& node, const RuleContext& context) {
  for (const Node* ancestor = context.parent(node); ancestor != nullptr;
       ancestor = context.parent(*ancestor)) {
    if (ancestor->kind == NodeKind::kFunctionDef || ancestor->kind == NodeKind::kAsyncFunctionDef ||
        ancestor->kind == NodeKind::kLambda) {
      return ancestor;
    }
    if (ancestor->kind == NodeKind::kClassDef) return nullptr;
  }
  return nullptr;
}

bool is_imported_name(const Node& name, const RuleContext& context) {
  if (name.kind != NodeKind::kName) return false;
  const python::Binding* binding =
      context.model().lookup(name_id(name), context.scope(), name.lineno, name.col_offset);
  return binding != nullptr &&
         (binding->kind == python::BindingKind::kFromImport || binding->kind == python::BindingKind::kImport);
}

std::string_view function_name(const Node& function) {
  if (function.kind == NodeKind::kFunctionDef)
    return python::ident_at(function, field_slot(NodeKind::kFunctionDef, "name"));
  if (function.kind == NodeKind::kAsyncFunctionDef)
    return python::ident_at(function, field_slot(NodeKind::kAsyncFunctionDef, "name"));
  return {};
}

}  // namespace pypyready::scan::rules
