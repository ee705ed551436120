#include "scan/context.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "python/ast_fields.h"

namespace pypyready::scan {

using python::Node;
using python::NodeKind;

ParentMap build_parent_map(const python::Module& module) {
  ParentMap parents;
  parents.reserve(4096);
  std::vector<const Node*> stack{&module};
  parents.emplace(&module, nullptr);
  auto push = [&](const Node* child, const Node* parent) {
    if (child == nullptr || (child->kind >= NodeKind::kLoad && child->kind <= NodeKind::kNotIn)) return;
    parents.emplace(child, parent);
    stack.push_back(child);
  };
  while (!stack.empty()) {
    const Node* node = stack.back();
    stack.pop_back();
    const python::NodeInfo& info = python::node_info(node->kind);
    for (int field = 0; field < info.field_count; ++field) {
      switch (info.fields[field].shape) {
        case python::FieldShape::kNode:
        case python::FieldShape::kOptNode:
          push(python::child_at(*node, field), node);
          break;
        case python::FieldShape::kList:
          for (const Node* child : python::children_at(*node, field))
            push(child, node);
          break;
        default:
          break;
      }
    }
  }
  return parents;
}

bool is_statement(NodeKind kind) {
  return python::node_info(kind).base == "stmt";
}

std::optional<std::string_view> string_constant(const Node* node) {
  if (node == nullptr || node->kind != NodeKind::kConstant) return std::nullopt;
  const python::ConstantValue* value = node->slot(field_slot(NodeKind::kConstant, "value")).constant;
  if (value == nullptr || value->kind != python::ConstantKind::kStr) return std::nullopt;
  return value->text;
}

RuleContext::RuleContext(std::string_view path, std::string_view source, const python::SemanticModel& model,
                         const ParentMap& parents, const LineIndex& lines, std::vector<Finding>& out)
    : path_(path), source_(source), model_(model), parents_(parents), lines_(lines), out_(out) {}

const Node* RuleContext::parent(const Node& node) const {
  auto found = parents_.find(&node);
  return found == parents_.end() ? nullptr : found->second;
}

const Node* RuleContext::enclosing_statement(const Node& node) const {
  const Node* current = &node;
  while (current != nullptr && !is_statement(current->kind))
    current = parent(*current);
  return current;
}

std::string RuleContext::qualified_name(const Node& expression) const {
  return model_.qualified_name(expression, *scope_);
}

std::string RuleContext::callee_name(const Node& call) const {
  const Node& callee = *python::child_at(call, field_slot(NodeKind::kCall, "func"));
  std::string name = model_.qualified_name(callee, *scope_);
  if (name != "builtins.getattr") return name;
  python::NodeSpan args = python::children_at(call, field_slot(NodeKind::kCall, "args"));
  if (args.size != 2) return name;  // with a default, getattr is itself a guard
  std::optional<std::string_view> attribute = string_constant(args.items[1]);
  if (!attribute) return name;
  std::string base = model_.qualified_name(*args.items[0], *scope_);
  if (base.empty()) return name;
  return base + "." + std::string(*attribute);
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
    const python::NodeInfo& info = python::node_info(node->kind);
    for (int field = 0; field < info.field_count; ++field) {
      if (info.fields[field].shape == python::FieldShape::kNode ||
          info.fields[field].shape == python::FieldShape::kOptNode) {
        if (const Node* child = python::child_at(*node, field)) pending.push_back(child);
      } else if (info.fields[field].shape == python::FieldShape::kList) {
        for (const Node* child : python::children_at(*node, field)) {
          if (child != nullptr) pending.push_back(child);
        }
      }
    }
  }
  return false;
}

static bool span_contains(python::NodeSpan span, const Node* node) {
  return std::find(span.begin(), span.end(), node) != span.end();
}

bool RuleContext::is_guarded(const Node& node) const {
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

void RuleContext::report(const Node& node, std::string message, std::optional<Fix> fix,
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
}

}  // namespace pypyready::scan
