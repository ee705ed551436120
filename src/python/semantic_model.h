#pragma once
// Scopes, bindings and import resolution over a parsed module: what a name at a use site
// refers to, so rules can ask "is this a call of sys._getframe?" whatever the file's aliases
// (`from sys import _getframe as gf; gf()`, `import os.path as p; p.join(...)`).

#include <cstdint>
#include <deque>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "python/ast.h"
#include "python/binding_index.h"

namespace pypyready::python {

enum class ScopeKind : std::uint8_t { kModule, kClass, kFunction, kLambda, kComprehension };

enum class BindingKind : std::uint8_t {
  kImport,      ///< import a.b / import a.b as c
  kFromImport,  ///< from a import b [as c]
  kAssignment,  ///< any store target: =, +=, for, with, walrus, match capture
  kAnnotation,  ///< `x: int` without a value
  kParameter,
  kFunction,
  kClass,
  kExceptHandler,  ///< except E as name
  kDeletion,       ///< del name
  kTypeParameter,  ///< PEP 695 type parameter
  kGlobalName,     ///< a name declared global/nonlocal here (for listing; lookups follow it)
};

struct Scope;

/// One binding of a name in a scope.
struct Binding {
  std::string_view name;
  BindingKind kind;
  const Node* node;  ///< Name, alias, arg, FunctionDef, ClassDef, ExceptHandler, pattern...
  const Scope* scope;
  std::uint32_t line;
  std::uint32_t column;
  /// Imports: the qualified name bound ("os", "os.path", "sys._getframe"); a view of the source
  /// or of a string the model keeps, so that bindings stay cheap to copy as vectors grow.
  std::string_view origin;
  const Node* value = nullptr;  ///< `name = value`: the assigned expression (to follow aliases)
};

/// A Python scope: module, class body, function, lambda or comprehension.
struct Scope {
  ScopeKind kind;
  const Node* node;     ///< the Module, FunctionDef, ClassDef, Lambda or comprehension expression
  const Scope* parent;  ///< nullptr for the module
  /// In source order: a run of the model's one array of bindings, filled once the walk ends.
  std::span<const Binding> bindings;
  std::vector<std::string_view> global_names;
  std::vector<std::string_view> nonlocal_names;
  bool has_star_import = false;

  /// Indices into `bindings` of the bindings of `name`, in source order (empty if none).
  std::span<const std::uint32_t> bindings_of(std::string_view name) const { return index->find(*this, name); }

  const BindingIndex* index = nullptr;  ///< the model's, complete once the model is built
  std::uint32_t ordinal = 0;            ///< place among the model's scopes (in walk order)
};

/// Where the module sits in its package, for relative imports.
struct ModuleContext {
  std::string module_name;  ///< dotted name, e.g. "pkg.sub.mod"; empty when unknown
  bool is_package = false;  ///< true for a package's __init__.py
};

/// Scopes and bindings of one module, built in one pass over the tree.
class SemanticModel {
 public:
  explicit SemanticModel(const Module& module, ModuleContext context = {});
  ~SemanticModel();
  SemanticModel(const SemanticModel&) = delete;
  SemanticModel& operator=(const SemanticModel&) = delete;

  const Scope& module_scope() const { return scopes_.front(); }

  /// The scope a function, class, lambda or comprehension node opens (nullptr for other nodes).
  const Scope* scope_opened_by(const Node& node) const;

  /// The node whose expansion met `node` first in the walk; nullptr for the module and for nodes
  /// of another tree. Building the model numbers every node it meets (Node::number) by its
  /// place in walk_order(), so this is two loads and a compare, with no table of its own.
  const Node* parent_of(const Node& node) const {
    const Visit* visit = visit_of(node);
    return visit == nullptr ? nullptr : visit->parent;
  }

  /// The binding that a load of `name` at (line, column) inside `scope` refers to, following
  /// Python's rules (global/nonlocal, class bodies invisible to nested scopes); nullptr for a
  /// builtin or an undefined name.
  const Binding* lookup(std::string_view name, const Scope& scope, std::uint32_t line,
                        std::uint32_t column) const;

  /// The dotted origin of a Name or Attribute chain evaluated in `scope`: "sys._getframe" for
  /// `gf` after `from sys import _getframe as gf`, "builtins.open" for an unshadowed `open`,
  /// and "" when the expression is not an imported or builtin object.
  std::string qualified_name(const Node& expression, const Scope& scope) const;
  /// The same answer written over `out`, reusing its memory: the scan asks for the names of
  /// most Names and Attributes of every file.
  void qualified_name_into(const Node& expression, const Scope& scope, std::string& out) const;

  /// Calls `visit(node, scope)` for every node of the module with the scope in which the node
  /// is evaluated (a function's decorators and defaults in the enclosing scope, its body in its
  /// own). Iterative: any depth of nesting is safe.
  void walk(const std::function<void(const Node&, const Scope&)>& visit) const;

  /// A node with the scope it is evaluated in.
  struct Visit {
    const Node* node;
    const Scope* scope;
    const Node* parent;  ///< nullptr for the module
  };
  /// Every node in walk() order, recorded while the model was built: callers that visit every
  /// node loop over it instead of walking the tree a second time.
  std::span<const Visit> walk_order() const { return order_; }
  /// The first entry of walk_order() for `node`; nullptr for nodes of another tree (their
  /// number does not lead back to them).
  const Visit* visit_of(const Node& node) const {
    const std::uint32_t number = node.number;
    if (number >= order_.size() || order_[number].node != &node) return nullptr;
    return &order_[number];
  }

 private:
  friend class ScopeBuilder;
  const Binding* pick(const Scope& scope, std::span<const std::uint32_t> candidates, std::uint32_t line,
                      std::uint32_t column, bool from_nested_scope) const;
  bool append_qualified_name(const Node& expression, const Scope& scope, int depth, std::string& out) const;
  static std::vector<Visit>& pooled_order();
  static std::vector<Binding>& pooled_bindings();

  ModuleContext context_;
  std::deque<Scope> scopes_;
  std::deque<std::string> origins_;  ///< composed origins of `from a import b` (a deque: no moves)
  BindingIndex index_;
  std::vector<Visit> order_;
  std::vector<Binding> bindings_;  ///< every scope's bindings, scope after scope
};

/// Whether `name` is one of Python's builtins (open, print, len, ...).
bool is_builtin_name(std::string_view name);

}  // namespace pypyready::python
