#pragma once
// The one walk that knows Python's scoping: which parts of a def, lambda, class or
// comprehension are evaluated in the enclosing scope and which in the new one. The semantic
// model's builder runs it once and records the order it met the nodes in (with each node's
// scope and parent), which SemanticModel::walk replays, so the two can never disagree.

#include <array>
#include <cstdint>
#include <vector>

#include "python/ast.h"
#include "python/ast_fields.h"
#include "python/semantic_model.h"

namespace pypyready::python::detail {

/// Why a node is visited, beyond its own kind.
enum TraversalFlag : std::uint8_t {
  kNoFlag = 0,
  kWalrusTarget = 1,    ///< the target of `:=` (binds outside comprehensions)
  kAnnotationOnly = 2,  ///< the target of `x: T` without a value
};

/// A node waiting to be visited, with the scope it is evaluated in.
struct TraversalEntry {
  const Node* node;
  Scope* scope;
  Scope* outer;  ///< the enclosing scope, for parts of arguments/comprehensions
  const Node* assigned_value = nullptr;
  std::uint8_t flags = kNoFlag;
  const Node* parent = nullptr;  ///< the node whose expansion pushed this one (nullptr: the module)
};

/// Whether a node kind is a field-less shared singleton (operator or expression context).
inline bool is_singleton_kind(NodeKind kind) {
  return kind >= NodeKind::kLoad && kind <= NodeKind::kNotIn;
}

/// The slots of a kind that hold children (a node, an optional node or a list), last first.
struct ChildSlots {
  std::uint8_t count = 0;
  std::uint8_t slot[8] = {};
  bool list[8] = {};
};

/// ChildSlots of every kind, computed at compile time: the generic expansion runs for most
/// nodes, and reading the field descriptions there cost a call and a loop over every field.
inline constexpr auto kChildSlots = [] {
  std::array<ChildSlots, static_cast<std::size_t>(NodeKind::kCount)> table{};
  for (std::size_t kind = 0; kind < table.size(); ++kind) {
    for (int field = 7; field >= 0; --field) {
      const FieldInfo& info = detail::kFieldRows[kind].fields[field];
      if (info.name == nullptr) continue;
      if (info.shape != FieldShape::kNode && info.shape != FieldShape::kOptNode &&
          info.shape != FieldShape::kList)
        continue;
      ChildSlots& slots = table[kind];
      slots.slot[slots.count] = static_cast<std::uint8_t>(field);
      slots.list[slots.count] = info.shape == FieldShape::kList;
      ++slots.count;
    }
  }
  return table;
}();

/// The nodes waiting to be visited. Pushes run for nearly every node, so they are inlined and
/// write to storage grown ahead of need (a push_back outlined by the compiler cost a call per
/// node); the storage of the files a thread walked before is reused.
class TraversalStack {
 public:
  TraversalStack() {
    storage_.swap(pooled());
    if (storage_.size() < 256) storage_.resize(256);
  }
  ~TraversalStack() {
    if (storage_.capacity() > pooled().capacity()) storage_.swap(pooled());
  }
  TraversalStack(const TraversalStack&) = delete;
  TraversalStack& operator=(const TraversalStack&) = delete;

  bool empty() const { return size_ == 0; }
  TraversalEntry pop() { return storage_[--size_]; }

  /// Pushes `node` unless it is absent or a shared singleton (which is never visited).
  [[gnu::always_inline]] void push(const Node* node, Scope* scope, Scope* outer, const Node* parent,
                                   const Node* value = nullptr, std::uint8_t flags = kNoFlag) {
    if (node == nullptr || is_singleton_kind(node->kind)) return;
    if (size_ == storage_.size()) grow();
    storage_[size_++] = TraversalEntry{node, scope, outer, value, flags, parent};
  }
  /// Pushes `items` in reverse, so that popping visits them in source order.
  [[gnu::always_inline]] void push_list(NodeSpan items, Scope* scope, Scope* outer, const Node* parent) {
    for (std::uint32_t index = items.size; index > 0; --index)
      push(items.items[index - 1], scope, outer, parent);
  }

 private:
  [[gnu::noinline]] void grow() { storage_.resize(storage_.size() * 2); }
  static std::vector<TraversalEntry>& pooled() {
    thread_local std::vector<TraversalEntry> storage;
    return storage;
  }

  std::vector<TraversalEntry> storage_;  ///< entries [0, size_) are live
  std::size_t size_ = 0;
};

/// Visits every node below `module` in source order with its scope. `open_scope(node, kind,
/// parent)` returns the scope a def/class/lambda/comprehension opens; `visit(entry)` sees each
/// node. Uses an explicit stack, so depth is limited only by memory.
template <typename OpenScope, typename Visit>
void traverse_scopes(const Module& module, Scope* module_scope, OpenScope&& open_scope, Visit&& visit) {
  TraversalStack stack;
  stack.push(&module, module_scope, module_scope, nullptr);

  while (!stack.empty()) {
    const TraversalEntry entry = stack.pop();
    visit(entry);
    const Node& node = *entry.node;
    const Node* const parent = entry.node;  // every push below adds a child of this node
    Scope* scope = entry.scope;
    auto push = [&stack, parent](const Node* child, Scope* child_scope, Scope* outer,
                                 const Node* value = nullptr, std::uint8_t flags = kNoFlag) {
      stack.push(child, child_scope, outer, parent, value, flags);
    };
    auto push_list = [&stack, parent](NodeSpan items, Scope* child_scope, Scope* outer) {
      stack.push_list(items, child_scope, outer, parent);
    };

    switch (node.kind) {
      case NodeKind::kFunctionDef:
      case NodeKind::kAsyncFunctionDef: {
        constexpr NodeKind kKind = NodeKind::kFunctionDef;  // both share the field layout
        Scope* inner = open_scope(node, ScopeKind::kFunction, scope);
        push_list(children_at(node, field_slot(kKind, "body")), inner, inner);
        push_list(children_at(node, field_slot(kKind, "type_params")), inner, inner);
        push(child_at(node, field_slot(kKind, "returns")), scope, scope);
        push(child_at(node, field_slot(kKind, "args")), inner, scope);
        push_list(children_at(node, field_slot(kKind, "decorator_list")), scope, scope);
        break;
      }
      case NodeKind::kLambda: {
        Scope* inner = open_scope(node, ScopeKind::kLambda, scope);
        push(child_at(node, field_slot(NodeKind::kLambda, "body")), inner, inner);
        push(child_at(node, field_slot(NodeKind::kLambda, "args")), inner, scope);
        break;
      }
      case NodeKind::kClassDef: {
        constexpr NodeKind kKind = NodeKind::kClassDef;
        Scope* inner = open_scope(node, ScopeKind::kClass, scope);
        push_list(children_at(node, field_slot(kKind, "body")), inner, inner);
        push_list(children_at(node, field_slot(kKind, "type_params")), inner, inner);
        push_list(children_at(node, field_slot(kKind, "keywords")), scope, scope);
        push_list(children_at(node, field_slot(kKind, "bases")), scope, scope);
        push_list(children_at(node, field_slot(kKind, "decorator_list")), scope, scope);
        break;
      }
      case NodeKind::kListComp:
      case NodeKind::kSetComp:
      case NodeKind::kGeneratorExp:
      case NodeKind::kDictComp: {
        Scope* inner = open_scope(node, ScopeKind::kComprehension, scope);
        const int generators_slot = node.kind == NodeKind::kDictComp
                                        ? field_slot(NodeKind::kDictComp, "generators")
                                        : field_slot(NodeKind::kListComp, "generators");
        NodeSpan generators = children_at(node, generators_slot);
        // The first iterable is evaluated in the enclosing scope, everything else inside.
        for (std::uint32_t index = generators.size; index > 0; --index) {
          push(generators.items[index - 1], inner, index == 1 ? scope : inner);
        }
        if (node.kind == NodeKind::kDictComp) {
          push(child_at(node, field_slot(NodeKind::kDictComp, "value")), inner, inner);
          push(child_at(node, field_slot(NodeKind::kDictComp, "key")), inner, inner);
        } else {
          push(child_at(node, field_slot(NodeKind::kListComp, "elt")), inner, inner);
        }
        break;
      }
      case NodeKind::kComprehension: {
        constexpr NodeKind kKind = NodeKind::kComprehension;
        push_list(children_at(node, field_slot(kKind, "ifs")), scope, scope);
        push(child_at(node, field_slot(kKind, "iter")), entry.outer, entry.outer);
        push(child_at(node, field_slot(kKind, "target")), scope, scope);
        break;
      }
      case NodeKind::kArguments: {
        // Parameters bind inside the function; defaults are evaluated outside it.
        constexpr NodeKind kKind = NodeKind::kArguments;
        push_list(children_at(node, field_slot(kKind, "defaults")), entry.outer, entry.outer);
        push(child_at(node, field_slot(kKind, "kwarg")), scope, entry.outer);
        push_list(children_at(node, field_slot(kKind, "kw_defaults")), entry.outer, entry.outer);
        push_list(children_at(node, field_slot(kKind, "kwonlyargs")), scope, entry.outer);
        push(child_at(node, field_slot(kKind, "vararg")), scope, entry.outer);
        push_list(children_at(node, field_slot(kKind, "args")), scope, entry.outer);
        push_list(children_at(node, field_slot(kKind, "posonlyargs")), scope, entry.outer);
        break;
      }
      case NodeKind::kArg:
        push(child_at(node, field_slot(NodeKind::kArg, "annotation")), entry.outer, entry.outer);
        break;
      case NodeKind::kNamedExpr:
        push(child_at(node, field_slot(NodeKind::kNamedExpr, "value")), scope, entry.outer);
        push(child_at(node, field_slot(NodeKind::kNamedExpr, "target")), scope, entry.outer, nullptr,
             kWalrusTarget);
        break;
      case NodeKind::kAssign: {
        const Node* value = child_at(node, field_slot(NodeKind::kAssign, "value"));
        push(value, scope, entry.outer);
        NodeSpan targets = children_at(node, field_slot(NodeKind::kAssign, "targets"));
        for (std::uint32_t index = targets.size; index > 0; --index) {
          const Node* target = targets.items[index - 1];
          push(target, scope, entry.outer, target->kind == NodeKind::kName ? value : nullptr);
        }
        break;
      }
      case NodeKind::kAnnAssign: {
        constexpr NodeKind kKind = NodeKind::kAnnAssign;
        const Node* value = child_at(node, field_slot(kKind, "value"));
        const Node* target = child_at(node, field_slot(kKind, "target"));
        push(value, scope, entry.outer);
        push(child_at(node, field_slot(kKind, "annotation")), scope, entry.outer);
        push(target, scope, entry.outer, target->kind == NodeKind::kName ? value : nullptr,
             value == nullptr ? kAnnotationOnly : kNoFlag);
        break;
      }
      default: {
        const ChildSlots& slots = kChildSlots[static_cast<std::size_t>(node.kind)];
        for (std::uint8_t index = 0; index < slots.count; ++index) {
          if (slots.list[index])
            push_list(children_at(node, slots.slot[index]), scope, entry.outer);
          else
            push(child_at(node, slots.slot[index]), scope, entry.outer);
        }
        break;
      }
    }
  }
}

}  // namespace pypyready::python::detail
