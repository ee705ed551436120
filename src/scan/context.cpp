#include "scan/context.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <span>

#include "python/ast_fields.h"
#include "python/ast_walk.h"

namespace pypyready::scan {

using python::Node;
using python::NodeKind;

bool is_statement(NodeKind kind) {
  // Asked for every ancestor in upward walks: a table instead of comparing base names.
  static const auto kStatements = [] {
    std::array<bool, static_cast<std::size_t>(NodeKind::kCount)> table{};
    for (std::size_t index = 0; index < table.size(); ++index)
      table[index] = python::node_info(static_cast<NodeKind>(index)).base == "stmt";
    return table;
  }();
  return kStatements[static_cast<std::size_t>(kind)];
}

std::optional<std::string_view> string_constant(const Node* node) {
  if (node == nullptr || node->kind != NodeKind::kConstant) return std::nullopt;
  const python::ConstantValue* value = node->slot(field_slot(NodeKind::kConstant, "value")).constant;
  if (value == nullptr || value->kind != python::ConstantKind::kStr) return std::nullopt;
  return value->text;
}

RuleContext::RuleContext(std::string_view path, std::string_view source, const python::SemanticModel& model,
                         const LineIndex& lines, std::vector<Finding>& out, const ScanSettings& settings)
    : path_(path), source_(source), model_(model), lines_(lines), out_(out), settings_(settings) {}

const Node* RuleContext::enclosing_statement(const Node& node) const {
  const Node* current = &node;
  while (current != nullptr && !is_statement(current->kind))
    current = parent(*current);
  return current;
}

std::string RuleContext::qualified_name(const Node& expression) const {
  return cached_name(expression, false);
}

std::string RuleContext::callee_name(const Node& call) const {
  return cached_name(call, true);
}

// The miss of cached_name(): resolves the name into the node's cache entry.
const std::string& RuleContext::resolve_name(const Node& node, bool callee) const {
  CachedName& entry = name_cache_[name_slot(node, callee)];
  entry.node = &node;
  entry.scope = scope_;
  entry.callee = callee;
  // Written over the entry's string: its memory is reused from node to node.
  if (!callee) {
    model_.qualified_name_into(node, *scope_, entry.name);
    return entry.name;
  }
  const Node& function = *python::child_at(node, field_slot(NodeKind::kCall, "func"));
  model_.qualified_name_into(function, *scope_, entry.name);
  if (entry.name != "builtins.getattr") return entry.name;
  python::NodeSpan args = python::children_at(node, field_slot(NodeKind::kCall, "args"));
  if (args.size != 2) return entry.name;  // with a default, getattr is itself a guard
  std::optional<std::string_view> attribute = string_constant(args.items[1]);
  if (!attribute) return entry.name;
  std::string base = model_.qualified_name(*args.items[0], *scope_);
  if (base.empty()) return entry.name;
  entry.name = base + "." + std::string(*attribute);
  return entry.name;
}

namespace {

bool contains_ci(std::string_view haystack, std::string_view needle) {
  auto found = std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(),
                           [](char a, char b) { return std::tolower(a) == std::tolower(b); });
  return found != haystack.end();
}

// Exceptions whose handler means "this API may be missing here".
bool catches_missing_api(const Node* type) {
  if (type == nullptr) return true;  // bare except
  static constexpr std::array<std::string_view, 9> kNames{
      "AttributeError", "ImportError", "ModuleNotFoundError", "TypeError",   "Exception",
      "BaseException",  "NameError",   "NotImplementedError", "RuntimeError"};
  std::vector<const Node*> pending{type};
  while (!pending.empty()) {
    const Node* node = pending.back();
    pending.pop_back();
    if (node->kind == NodeKind::kTuple) {
      for (const Node* element : python::children_at(*node, field_slot(NodeKind::kTuple, "elts"))) {
        pending.push_back(element);
      }
      continue;
    }
    std::string_view name;
    if (node->kind == NodeKind::kName) name = python::ident_at(*node, field_slot(NodeKind::kName, "id"));
    if (node->kind == NodeKind::kAttribute)
      name = python::ident_at(*node, field_slot(NodeKind::kAttribute, "attr"));
    if (std::find(kNames.begin(), kNames.end(), name) != kNames.end()) return true;
  }
  return false;
}

}  // namespace

// A test expression that checks for an API or an implementation; scanned to a bounded size.
static bool is_guard_test(const Node& test) {
  std::vector<const Node*> pending{&test};
  int budget = 256;
  while (!pending.empty() && budget-- > 0) {
    const Node* node = pending.back();
    pending.pop_back();
    if (node->kind == NodeKind::kName) {
      std::string_view id = python::ident_at(*node, field_slot(NodeKind::kName, "id"));
      if (id == "hasattr" || id == "TYPE_CHECKING" || contains_ci(id, "pypy") || contains_ci(id, "cpython")) {
        return true;
      }
    } else if (node->kind == NodeKind::kAttribute) {
      std::string_view attr = python::ident_at(*node, field_slot(NodeKind::kAttribute, "attr"));
      if (attr == "python_implementation" || attr == "implementation" || attr == "TYPE_CHECKING" ||
          contains_ci(attr, "pypy") || contains_ci(attr, "cpython")) {
        return true;
      }
    } else if (node->kind == NodeKind::kConstant) {
      if (auto value = string_constant(node); value && contains_ci(*value, "pypy")) return true;
    } else if (node->kind == NodeKind::kCall) {
      const Node* callee = python::child_at(*node, field_slot(NodeKind::kCall, "func"));
      if (callee->kind == NodeKind::kName &&
          python::ident_at(*callee, field_slot(NodeKind::kName, "id")) == "getattr" &&
          python::children_at(*node, field_slot(NodeKind::kCall, "args")).size == 3) {
        return true;
      }
    }
    python::for_each_child(*node, [&pending](const Node& child) { pending.push_back(&child); });
  }
  return false;
}

static bool span_contains(python::NodeSpan span, const Node* node) {
  return std::find(span.begin(), span.end(), node) != span.end();
}

// The last component of a decorator's (or a decorator call's) dotted name.
static std::string_view decorator_name(const Node& decorator) {
  const Node* target = &decorator;
  if (target->kind == NodeKind::kCall)
    target = python::child_at(*target, field_slot(NodeKind::kCall, "func"));
  if (target->kind == NodeKind::kName) return python::ident_at(*target, field_slot(NodeKind::kName, "id"));
  if (target->kind == NodeKind::kAttribute)
    return python::ident_at(*target, field_slot(NodeKind::kAttribute, "attr"));
  return {};
}

// Test-suite markers that keep a function or class from running on PyPy: CPython's own
// `@cpython_only`, `@refcount_test` and `@impl_detail(...)`, and skip decorators
// (unittest.skipIf/skipUnless, pytest.mark.skipif) whose condition tests the API or the implementation.
static bool skipped_on_pypy(const Node& definition) {
  int slot = definition.kind == NodeKind::kClassDef ? field_slot(NodeKind::kClassDef, "decorator_list")
             : definition.kind == NodeKind::kAsyncFunctionDef
                 ? field_slot(NodeKind::kAsyncFunctionDef, "decorator_list")
                 : field_slot(NodeKind::kFunctionDef, "decorator_list");
  for (const Node* decorator : python::children_at(definition, slot)) {
    std::string_view name = decorator_name(*decorator);
    if (name == "cpython_only" || name == "refcount_test" || name == "impl_detail") return true;
    if ((name == "skipIf" || name == "skipUnless" || name == "skipif") &&
        decorator->kind == NodeKind::kCall) {
      python::NodeSpan args = python::children_at(*decorator, field_slot(NodeKind::kCall, "args"));
      if (args.size > 0 && is_guard_test(*args.items[0])) return true;
    }
  }
  return false;
}

// `import_helper.import_module("_testcapi")` (test.support) before `statement` in `body`: it raises
// SkipTest where CPython's test modules are missing, so nothing after it runs on PyPy.
static bool after_skipping_import(python::NodeSpan body, const Node* statement) {
  for (const Node* earlier : body) {
    if (earlier == statement) return false;
    const Node* value = nullptr;
    if (earlier->kind == NodeKind::kExpr)
      value = python::child_at(*earlier, field_slot(NodeKind::kExpr, "value"));
    if (earlier->kind == NodeKind::kAssign)
      value = python::child_at(*earlier, field_slot(NodeKind::kAssign, "value"));
    if (value == nullptr || value->kind != NodeKind::kCall) continue;
    if (decorator_name(*value) != "import_module") continue;
    python::NodeSpan args = python::children_at(*value, field_slot(NodeKind::kCall, "args"));
    std::optional<std::string_view> module = args.size > 0 ? string_constant(args.items[0]) : std::nullopt;
    if (module && (module->starts_with("_test") || module->starts_with("_xx"))) return true;
  }
  return false;
}

bool RuleContext::in_test_skipped_on_pypy(const Node& node) const {
  const Node* child = &node;
  for (const Node* ancestor = parent(node); ancestor != nullptr;
       child = ancestor, ancestor = parent(*ancestor)) {
    switch (ancestor->kind) {
      case NodeKind::kFunctionDef:
      case NodeKind::kAsyncFunctionDef:
        if (skipped_on_pypy(*ancestor) ||
            after_skipping_import(
                python::children_at(*ancestor, ancestor->kind == NodeKind::kFunctionDef
                                                   ? field_slot(NodeKind::kFunctionDef, "body")
                                                   : field_slot(NodeKind::kAsyncFunctionDef, "body")),
                child))
          return true;
        break;
      case NodeKind::kClassDef:
        if (skipped_on_pypy(*ancestor)) return true;
        break;
      case NodeKind::kModule:
        return after_skipping_import(python::children_at(*ancestor, field_slot(NodeKind::kModule, "body")),
                                     child);
      default:
        break;
    }
  }
  return false;
}

bool RuleContext::is_guarded(const Node& node) const {
  if (in_test_skipped_on_pypy(node)) return true;
  const Node* child = &node;
  for (const Node* ancestor = parent(node); ancestor != nullptr;
       child = ancestor, ancestor = parent(*ancestor)) {
    switch (ancestor->kind) {
      case NodeKind::kTry:
      case NodeKind::kTryStar: {
        if (!span_contains(python::children_at(*ancestor, field_slot(NodeKind::kTry, "body")), child)) break;
        for (const Node* handler : python::children_at(*ancestor, field_slot(NodeKind::kTry, "handlers"))) {
          if (catches_missing_api(python::child_at(*handler, field_slot(NodeKind::kExceptHandler, "type")))) {
            return true;
          }
        }
        break;
      }
      case NodeKind::kIf:
      case NodeKind::kWhile:
      case NodeKind::kIfExp: {
        const Node* test = python::child_at(*ancestor, field_slot(NodeKind::kIf, "test"));
        if (ancestor->kind == NodeKind::kIfExp)
          test = python::child_at(*ancestor, field_slot(NodeKind::kIfExp, "test"));
        if (test != child && is_guard_test(*test)) return true;
        break;
      }
      case NodeKind::kBoolOp: {
        for (const Node* value : python::children_at(*ancestor, field_slot(NodeKind::kBoolOp, "values"))) {
          if (value == child) break;
          if (is_guard_test(*value)) return true;
        }
        break;
      }
      default:
        break;
    }
  }
  return false;
}

// A test that reads the running Python's version (sys.version_info, sys.hexversion,
// sys.version) or a flag computed from it (`flags`), to a bounded size.
static bool is_version_test(const Node& test, std::span<const std::string_view> flags = {}) {
  std::vector<const Node*> pending{&test};
  int budget = 256;
  while (!pending.empty() && budget-- > 0) {
    const Node* node = pending.back();
    pending.pop_back();
    if (node->kind == NodeKind::kAttribute) {
      std::string_view attr = python::ident_at(*node, field_slot(NodeKind::kAttribute, "attr"));
      const Node* base = python::child_at(*node, field_slot(NodeKind::kAttribute, "value"));
      if (attr == "version_info" || attr == "hexversion" ||
          (attr == "version" && base->kind == NodeKind::kName &&
           python::ident_at(*base, field_slot(NodeKind::kName, "id")) == "sys")) {
        return true;
      }
    } else if (node->kind == NodeKind::kName) {
      std::string_view id = python::ident_at(*node, field_slot(NodeKind::kName, "id"));
      if (id == "version_info" || id == "hexversion" ||
          std::find(flags.begin(), flags.end(), id) != flags.end())
        return true;
    }
    python::for_each_child(*node, [&pending](const Node& child) { pending.push_back(&child); });
  }
  return false;
}

// Module-level names assigned a version test (`PY310 = sys.version_info >= (3, 10)`).
static std::vector<std::string_view> version_flags(const Node& module) {
  std::vector<std::string_view> flags;
  if (module.kind != NodeKind::kModule) return flags;
  for (const Node* statement : python::children_at(module, field_slot(NodeKind::kModule, "body"))) {
    if (statement->kind != NodeKind::kAssign) continue;
    const Node* value = python::child_at(*statement, field_slot(NodeKind::kAssign, "value"));
    if (!is_version_test(*value)) continue;
    for (const Node* target : python::children_at(*statement, field_slot(NodeKind::kAssign, "targets"))) {
      if (target->kind == NodeKind::kName)
        flags.push_back(python::ident_at(*target, field_slot(NodeKind::kName, "id")));
    }
  }
  return flags;
}

bool RuleContext::is_version_guarded(const Node& node) const {
  const Node* root = &node;
  while (const Node* up = parent(*root))
    root = up;
  const std::vector<std::string_view> flags = version_flags(*root);
  const Node* child = &node;
  for (const Node* ancestor = parent(node); ancestor != nullptr;
       child = ancestor, ancestor = parent(*ancestor)) {
    switch (ancestor->kind) {
      case NodeKind::kIf:
      case NodeKind::kWhile:
      case NodeKind::kIfExp: {
        const Node* test = ancestor->kind == NodeKind::kIfExp
                               ? python::child_at(*ancestor, field_slot(NodeKind::kIfExp, "test"))
                           : ancestor->kind == NodeKind::kWhile
                               ? python::child_at(*ancestor, field_slot(NodeKind::kWhile, "test"))
                               : python::child_at(*ancestor, field_slot(NodeKind::kIf, "test"));
        if (test != child && is_version_test(*test, flags)) return true;
        break;
      }
      case NodeKind::kBoolOp: {
        for (const Node* value : python::children_at(*ancestor, field_slot(NodeKind::kBoolOp, "values"))) {
          if (value == child) break;
          if (is_version_test(*value, flags)) return true;
        }
        break;
      }
      default:
        break;
    }
  }
  return false;
}

bool RuleContext::in_loop(const Node& node) const {
  const Node* child = &node;
  for (const Node* ancestor = parent(node); ancestor != nullptr;
       child = ancestor, ancestor = parent(*ancestor)) {
    switch (ancestor->kind) {
      case NodeKind::kFor:
      case NodeKind::kAsyncFor:
        if (span_contains(python::children_at(*ancestor, field_slot(NodeKind::kFor, "body")), child))
          return true;
        break;
      case NodeKind::kWhile:
        if (span_contains(python::children_at(*ancestor, field_slot(NodeKind::kWhile, "body")), child))
          return true;
        break;
      case NodeKind::kListComp:
      case NodeKind::kSetComp:
      case NodeKind::kDictComp:
      case NodeKind::kGeneratorExp:
        return true;
      case NodeKind::kFunctionDef:
      case NodeKind::kAsyncFunctionDef:
      case NodeKind::kLambda:
      case NodeKind::kClassDef:
        return false;
      default:
        break;
    }
  }
  return false;
}

Location RuleContext::begin_of(const Node& node) const {
  return lines_.location(node.lineno, node.col_offset);
}

Location RuleContext::end_of(const Node& node) const {
  return lines_.location(node.end_lineno, node.end_col_offset);
}

std::string_view RuleContext::text_of(const Node& node) const {
  Location begin = begin_of(node);
  Location end = end_of(node);
  if (end.offset < begin.offset) return {};
  return source_.substr(begin.offset, end.offset - begin.offset);
}

Finding& RuleContext::report(const Node& node, std::string message, std::optional<Fix> fix,
                             std::optional<Severity> severity) {
  Finding finding;
  finding.code = rule_->code;
  finding.name = rule_->name;
  finding.severity = severity.value_or(rule_->severity);
  finding.path = std::string(path_);
  finding.begin = begin_of(node);
  finding.end = end_of(node);
  finding.message = std::move(message);
  finding.fix = std::move(fix);
  finding.line_text = std::string(lines_.line_text(finding.begin.line));
  out_.push_back(std::move(finding));
  return out_.back();
}

}  // namespace pypyready::scan
