#include "testdiff/code_index.h"

#include <algorithm>

#include "core/file_io.h"
#include "python/ast_fields.h"
#include "python/ast_walk.h"
#include "python/parser.h"
#include "scan/checker.h"
#include "scan/discovery.h"
#include "scan/runner.h"
#include "scan/selection.h"

namespace pypyready::testdiff {
namespace {

using python::NodeKind;

bool is_definition(NodeKind kind) {
  return kind == NodeKind::kFunctionDef || kind == NodeKind::kAsyncFunctionDef || kind == NodeKind::kClassDef;
}

std::string_view definition_name(const python::Node& node) {
  switch (node.kind) {
    case NodeKind::kFunctionDef:
      return python::ident_at(node, python::field_slot(NodeKind::kFunctionDef, "name"));
    case NodeKind::kAsyncFunctionDef:
      return python::ident_at(node, python::field_slot(NodeKind::kAsyncFunctionDef, "name"));
    default:
      return python::ident_at(node, python::field_slot(NodeKind::kClassDef, "name"));
  }
}

std::set<std::string> names_used_in(const python::Node& definition) {
  std::set<std::string> names;
  python::walk_preorder(definition, [&names](const python::Node& node) {
    if (node.kind == NodeKind::kName)
      names.emplace(python::ident_at(node, python::field_slot(NodeKind::kName, "id")));
    if (node.kind == NodeKind::kAttribute)
      names.emplace(python::ident_at(node, python::field_slot(NodeKind::kAttribute, "attr")));
    return true;
  });
  return names;
}

}  // namespace

const Definition* IndexedFile::enclosing(int line, bool classes) const {
  const Definition* best = nullptr;
  for (const Definition& definition : definitions) {
    if (definition.is_class && !classes) continue;
    if (line < definition.first_line || line > definition.last_line) continue;
    if (best == nullptr || definition.first_line >= best->first_line) best = &definition;
  }
  return best;
}

std::vector<Definition> definitions_of(std::string_view source) {
  python::ParsedFile parsed = python::parse_python(source);
  std::vector<Definition> definitions;
  if (parsed.module == nullptr) return definitions;
  // Pre-order visits outer definitions first, so a stack of open ranges gives qualified names.
  std::vector<std::size_t> open_index;
  python::walk_preorder(*parsed.module, [&](const python::Node& node) {
    if (!is_definition(node.kind)) return true;
    int first = static_cast<int>(node.lineno);
    while (!open_index.empty() && definitions[open_index.back()].last_line < first)
      open_index.pop_back();
    Definition definition;
    definition.name = std::string(definition_name(node));
    definition.qualified_name = open_index.empty()
                                    ? definition.name
                                    : definitions[open_index.back()].qualified_name + "." + definition.name;
    definition.is_class = node.kind == NodeKind::kClassDef;
    definition.first_line = first;
    definition.last_line = static_cast<int>(node.end_lineno);
    definition.referenced_names = names_used_in(node);
    definitions.push_back(std::move(definition));
    open_index.push_back(definitions.size() - 1);
    return true;
  });
  return definitions;
}

CodeIndex build_code_index(const std::filesystem::path& root) {
  CodeIndex index;
  scan::Discovered found = scan::discover_files({root}, scan::DiscoveryOptions{});
  index.problems = std::move(found.errors);
  auto rules = scan::select_rules(scan::Selection{});
  if (!rules) {
    index.problems.push_back(rules.error().message);
    return index;
  }
  scan::Checker checker(*rules);
  scan::RunOptions options;
  options.root = root;
  std::vector<scan::FileResult> results = scan::run_scan(found.files, checker, options, found.sizes);
  for (std::size_t i = 0; i < found.files.size() && i < results.size(); ++i) {
    std::string relative = found.files[i].lexically_relative(root).generic_string();
    if (relative.empty() || relative.starts_with("..")) relative = found.files[i].generic_string();
    if (results[i].read_error) {
      index.problems.push_back(relative + ": " + *results[i].read_error);
      continue;
    }
    IndexedFile file;
    file.findings = std::move(results[i].findings);
    if (auto text = core::read_file(found.files[i])) file.definitions = definitions_of(*text);
    index.files.emplace(relative, std::move(file));
  }
  return index;
}

}  // namespace pypyready::testdiff
