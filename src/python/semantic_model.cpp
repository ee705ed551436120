#include "python/semantic_model.h"

#include <algorithm>
#include <array>
#include <tuple>

#include "python/ast_fields.h"
#include "python/scope_traversal.h"

namespace pypyready::python {
namespace {

bool is_before(std::uint32_t line, std::uint32_t column, std::uint32_t other_line,
               std::uint32_t other_column) {
  return std::tie(line, column) < std::tie(other_line, other_column);
}

// "pkg.sub" for `from .. import x` in pkg.sub.mod; the dotted prefix when the module is unknown.
std::string resolve_relative(const ModuleContext& context, std::string_view module, std::int64_t level) {
  if (level == 0) return std::string(module);
  std::string base;
  if (context.module_name.empty()) {
    base.assign(static_cast<std::size_t>(level), '.');
    base += module;
    return base;
  }
  std::string_view package = context.module_name;
  std::int64_t strip = context.is_package ? level - 1 : level;
  for (; strip > 0; --strip) {
    std::size_t dot = package.rfind('.');
    package = dot == std::string_view::npos ? std::string_view{} : package.substr(0, dot);
  }
  base = package;
  if (!module.empty()) {
    if (!base.empty()) base += '.';
    base += module;
  }
  return base;
}

}  // namespace

/// Records the bindings of one module while the shared traversal walks it.
class ScopeBuilder {
  // The kinds other than Name for which visit() records something.
  static constexpr auto kBindingKinds = [] {
    std::array<bool, static_cast<std::size_t>(NodeKind::kCount)> table{};
    for (NodeKind kind :
         {NodeKind::kFunctionDef, NodeKind::kAsyncFunctionDef, NodeKind::kClassDef, NodeKind::kArg,
          NodeKind::kImport, NodeKind::kImportFrom, NodeKind::kGlobal, NodeKind::kNonlocal,
          NodeKind::kExceptHandler, NodeKind::kMatchAs, NodeKind::kMatchStar, NodeKind::kMatchMapping,
          NodeKind::kTypeVar, NodeKind::kParamSpec, NodeKind::kTypeVarTuple})
      table[static_cast<std::size_t>(kind)] = true;
    return table;
  }();

 public:
  explicit ScopeBuilder(SemanticModel& model) : model_(model) {
    pending_.swap(pooled_pending());
    pending_.clear();
  }
  ~ScopeBuilder() {
    pending_.clear();
    if (pending_.capacity() > pooled_pending().capacity()) pending_.swap(pooled_pending());
  }
  ScopeBuilder(const ScopeBuilder&) = delete;
  ScopeBuilder& operator=(const ScopeBuilder&) = delete;

  Scope* open_scope(const Node& owner, ScopeKind kind, Scope* parent) {
    const auto ordinal = static_cast<std::uint32_t>(model_.scopes_.size());
    Scope& scope =
        model_.scopes_.emplace_back(Scope{kind, &owner, parent, {}, {}, {}, false, &model_.index_, ordinal});
    return &scope;
  }

  /// Whether visit() can record anything for `entry`: most nodes (loads of names, calls,
  /// constants, ...) bind nothing, and asking here, inline, saves them the call.
  static bool may_bind(const detail::TraversalEntry& entry) {
    const Node& node = *entry.node;
    if (node.kind == NodeKind::kName)
      return child_at(node, field_slot(NodeKind::kName, "ctx"))->kind != NodeKind::kLoad;
    return kBindingKinds[static_cast<std::size_t>(node.kind)];
  }

  void visit(const detail::TraversalEntry& entry) {
    const Node& node = *entry.node;
    Scope& scope = *entry.scope;
    switch (node.kind) {
      case NodeKind::kName:
        visit_name(entry);
        break;
      case NodeKind::kFunctionDef:
      case NodeKind::kAsyncFunctionDef:
        add(scope, ident_at(node, field_slot(NodeKind::kFunctionDef, "name")), BindingKind::kFunction, node);
        break;
      case NodeKind::kClassDef:
        add(scope, ident_at(node, field_slot(NodeKind::kClassDef, "name")), BindingKind::kClass, node);
        break;
      case NodeKind::kArg:
        add(scope, ident_at(node, field_slot(NodeKind::kArg, "arg")), BindingKind::kParameter, node);
        break;
      case NodeKind::kImport:
        visit_import(scope, node);
        break;
      case NodeKind::kImportFrom:
        visit_import_from(scope, node);
        break;
      case NodeKind::kGlobal:
        for (const Ident& name : node.slot(field_slot(NodeKind::kGlobal, "names")).idents) {
          scope.global_names.push_back(name.view());
        }
        break;
      case NodeKind::kNonlocal:
        for (const Ident& name : node.slot(field_slot(NodeKind::kNonlocal, "names")).idents) {
          scope.nonlocal_names.push_back(name.view());
        }
        break;
      case NodeKind::kExceptHandler:
        add_if_named(scope, ident_at(node, field_slot(NodeKind::kExceptHandler, "name")),
                     BindingKind::kExceptHandler, node);
        break;
      case NodeKind::kMatchAs:
        add_if_named(scope, ident_at(node, field_slot(NodeKind::kMatchAs, "name")), BindingKind::kAssignment,
                     node);
        break;
      case NodeKind::kMatchStar:
        add_if_named(scope, ident_at(node, field_slot(NodeKind::kMatchStar, "name")),
                     BindingKind::kAssignment, node);
        break;
      case NodeKind::kMatchMapping:
        add_if_named(scope, ident_at(node, field_slot(NodeKind::kMatchMapping, "rest")),
                     BindingKind::kAssignment, node);
        break;
      case NodeKind::kTypeVar:
      case NodeKind::kParamSpec:
      case NodeKind::kTypeVarTuple:
        // All three keep the name in their first field.
        add(scope, ident_at(node, 0), BindingKind::kTypeParameter, node);
        break;
      default:
        break;
    }
  }

 private:
  void visit_name(const detail::TraversalEntry& entry) {
    const Node& node = *entry.node;
    NodeKind context = child_at(node, field_slot(NodeKind::kName, "ctx"))->kind;
    if (context == NodeKind::kLoad) return;
    Scope* target = entry.scope;
    if ((entry.flags & detail::kWalrusTarget) != 0) {
      // `:=` inside a comprehension binds in the nearest enclosing non-comprehension scope.
      while (target->kind == ScopeKind::kComprehension && target->parent != nullptr) {
        target = const_cast<Scope*>(target->parent);
      }
    }
    BindingKind kind = context == NodeKind::kDel                      ? BindingKind::kDeletion
                       : (entry.flags & detail::kAnnotationOnly) != 0 ? BindingKind::kAnnotation
                                                                      : BindingKind::kAssignment;
    Binding& binding = add(*target, ident_at(node, field_slot(NodeKind::kName, "id")), kind, node);
    binding.value = entry.assigned_value;
    if (entry.assigned_value != nullptr) {
      // The name takes its new value only after the right-hand side ran: `x = f(x)` reads the old x.
      binding.line = entry.assigned_value->end_lineno;
      binding.column = entry.assigned_value->end_col_offset;
    }
  }

  void visit_import(Scope& scope, const Node& node) {
    for (const Node* alias : children_at(node, field_slot(NodeKind::kImport, "names"))) {
      std::string_view name = ident_at(*alias, field_slot(NodeKind::kAlias, "name"));
      std::string_view asname = ident_at(*alias, field_slot(NodeKind::kAlias, "asname"));
      if (!asname.empty()) {
        add(scope, asname, BindingKind::kImport, *alias).origin = name;
      } else {
        // `import a.b.c` binds `a`, the top-level package.
        std::string_view top = name.substr(0, name.find('.'));
        add(scope, top, BindingKind::kImport, *alias).origin = top;
      }
    }
  }

  void visit_import_from(Scope& scope, const Node& node) {
    constexpr NodeKind kKind = NodeKind::kImportFrom;
    std::string base = resolve_relative(model_.context_, ident_at(node, field_slot(kKind, "module")),
                                        node.slot(field_slot(kKind, "level")).integer);
    for (const Node* alias : children_at(node, field_slot(kKind, "names"))) {
      std::string_view name = ident_at(*alias, field_slot(NodeKind::kAlias, "name"));
      if (name == "*") {
        scope.has_star_import = true;
        continue;
      }
      std::string_view asname = ident_at(*alias, field_slot(NodeKind::kAlias, "asname"));
      std::string& origin = model_.origins_.emplace_back(base);
      if (!origin.empty() && origin.back() != '.') origin += '.';
      origin += name;
      add(scope, asname.empty() ? name : asname, BindingKind::kFromImport, *alias).origin = origin;
    }
  }

  void add_if_named(Scope& scope, std::string_view name, BindingKind kind, const Node& node) {
    if (!name.empty()) add(scope, name, kind, node);
  }

  Binding& add(Scope& scope, std::string_view name, BindingKind kind, const Node& node) {
    Scope* owner = &scope;
    if (scope.global_names.empty() && scope.nonlocal_names.empty()) {
      // Nearly every scope declares nothing global or nonlocal.
    } else if (std::find(scope.global_names.begin(), scope.global_names.end(), name) !=
               scope.global_names.end()) {
      owner = &model_.scopes_.front();
    } else if (std::find(scope.nonlocal_names.begin(), scope.nonlocal_names.end(), name) !=
               scope.nonlocal_names.end()) {
      owner = nearest_function_binding(scope, name);
    }
    return pending_.emplace_back(
        Binding{name, kind, &node, owner, node.lineno, node.col_offset, {}, nullptr});
  }

 public:
  /// Moves the bindings met in walk order into the model, grouped scope by scope (keeping
  /// their order within each scope), and points every scope at its run: one array for the
  /// file instead of a growing vector per scope.
  void finish() {
    std::vector<std::uint32_t> starts(model_.scopes_.size() + 1, 0);
    for (const Binding& binding : pending_)
      ++starts[binding.scope->ordinal + 1];
    for (std::size_t index = 1; index < starts.size(); ++index)
      starts[index] += starts[index - 1];
    std::vector<Binding>& bindings = model_.bindings_;
    bindings.resize(pending_.size());
    std::vector<std::uint32_t> next(starts.begin(), starts.end() - 1);
    for (const Binding& binding : pending_)
      bindings[next[binding.scope->ordinal]++] = binding;
    for (Scope& scope : model_.scopes_)
      scope.bindings = std::span<const Binding>(bindings.data() + starts[scope.ordinal],
                                                starts[scope.ordinal + 1] - starts[scope.ordinal]);
  }

 private:
  // The enclosing function scope that a `nonlocal name` refers to (itself if none binds it yet).
  Scope* nearest_function_binding(Scope& scope, std::string_view name) {
    for (auto* candidate = const_cast<Scope*>(scope.parent); candidate != nullptr;
         candidate = const_cast<Scope*>(candidate->parent)) {
      bool is_function = candidate->kind == ScopeKind::kFunction || candidate->kind == ScopeKind::kLambda;
      if (is_function && binds(*candidate, name)) return candidate;
    }
    return &scope;
  }

  // The index is built after the walk: while building, a (rare) nonlocal scans the bindings.
  bool binds(const Scope& scope, std::string_view name) const {
    return std::any_of(pending_.begin(), pending_.end(), [&scope, name](const Binding& binding) {
      return binding.scope == &scope && binding.name == name;
    });
  }

  SemanticModel& model_;
  std::vector<Binding> pending_;  ///< bindings in walk order, until finish()

  // The pending bindings' memory of the files a thread modelled before.
  static std::vector<Binding>& pooled_pending() {
    thread_local std::vector<Binding> pending;
    return pending;
  }
};

// The walk order of the files a thread modelled before: reusing its memory saves growing the
// vector node by node (copying it at every doubling) and the page faults of fresh large blocks.
std::vector<SemanticModel::Visit>& SemanticModel::pooled_order() {
  thread_local std::vector<Visit> order;
  return order;
}

std::vector<Binding>& SemanticModel::pooled_bindings() {
  thread_local std::vector<Binding> bindings;
  return bindings;
}

SemanticModel::SemanticModel(const Module& module, ModuleContext context) : context_(std::move(context)) {
  order_.swap(pooled_order());
  order_.clear();
  bindings_.swap(pooled_bindings());
  bindings_.clear();
  ScopeBuilder builder(*this);
  Scope* module_scope = builder.open_scope(module, ScopeKind::kModule, nullptr);
  detail::traverse_scopes(
      module, module_scope,
      [&builder](const Node& owner, ScopeKind kind, Scope* parent) {
        return builder.open_scope(owner, kind, parent);
      },
      [this, &builder](const detail::TraversalEntry& entry) {
        // Numbered by walk place, unless met before (a node met twice keeps its first place).
        if (visit_of(*entry.node) == nullptr) entry.node->number = static_cast<std::uint32_t>(order_.size());
        order_.push_back({entry.node, entry.scope, entry.parent});
        if (ScopeBuilder::may_bind(entry)) builder.visit(entry);
      });
  builder.finish();
  index_.build(scopes_);
}

SemanticModel::~SemanticModel() {
  if (order_.capacity() > pooled_order().capacity()) order_.swap(pooled_order());
  if (bindings_.capacity() > pooled_bindings().capacity()) bindings_.swap(pooled_bindings());
}

const Scope* SemanticModel::scope_opened_by(const Node& node) const {
  if (visit_of(node) == nullptr) return nullptr;
  // Scopes open in walk order, so their owners' numbers ascend: no map from node to scope.
  auto found =
      std::lower_bound(scopes_.begin(), scopes_.end(), node.number,
                       [](const Scope& scope, std::uint32_t number) { return scope.node->number < number; });
  return found != scopes_.end() && found->node == &node ? &*found : nullptr;
}

const Binding* SemanticModel::pick(const Scope& scope, std::span<const std::uint32_t> candidates,
                                   std::uint32_t line, std::uint32_t column, bool from_nested_scope) const {
  if (candidates.empty()) return nullptr;
  if (from_nested_scope) {
    // A nested function runs later, so any binding may be current. Prefer the import: in
    // `try: import json / except ImportError: json = None` the code is written for the module.
    for (auto index = candidates.rbegin(); index != candidates.rend(); ++index) {
      const Binding& binding = scope.bindings[*index];
      if (binding.kind == BindingKind::kImport || binding.kind == BindingKind::kFromImport) return &binding;
    }
    return &scope.bindings[candidates.back()];
  }
  const Binding* latest = nullptr;
  for (std::uint32_t index : candidates) {
    const Binding& binding = scope.bindings[index];
    if (!is_before(binding.line, binding.column, line, column)) continue;
    if (latest == nullptr || !is_before(binding.line, binding.column, latest->line, latest->column)) {
      latest = &binding;
    }
  }
  // A use before any binding (a loop body, a conditional definition): the first binding.
  return latest != nullptr ? latest : &scope.bindings[candidates.front()];
}

const Binding* SemanticModel::lookup(std::string_view name, const Scope& scope, std::uint32_t line,
                                     std::uint32_t column) const {
  if (std::find(scope.global_names.begin(), scope.global_names.end(), name) != scope.global_names.end()) {
    return pick(module_scope(), module_scope().bindings_of(name), line, column, &scope != &module_scope());
  }
  // One probe for the whole chain of scopes; a name bound nowhere (a builtin) ends here.
  const auto groups = index_.groups_of(name);
  if (groups.empty()) return nullptr;
  auto local = index_.in_scope(groups, scope);
  if (!local.empty()) return pick(scope, local, line, column, false);
  for (const Scope* enclosing = scope.parent; enclosing != nullptr; enclosing = enclosing->parent) {
    if (enclosing->kind == ScopeKind::kClass) continue;  // class bodies are invisible to nested scopes
    auto found = index_.in_scope(groups, *enclosing);
    // A comprehension runs where it is written; functions and lambdas run later.
    bool runs_later = scope.kind != ScopeKind::kComprehension;
    if (!found.empty()) return pick(*enclosing, found, line, column, runs_later);
  }
  return nullptr;
}

std::string SemanticModel::qualified_name(const Node& expression, const Scope& scope) const {
  std::string name;
  qualified_name_into(expression, scope, name);
  return name;
}

void SemanticModel::qualified_name_into(const Node& expression, const Scope& scope, std::string& out) const {
  out.clear();
  if (!append_qualified_name(expression, scope, 0, out)) out.clear();
}

// Appends the dotted origin of `expression` to `out`; false (with `out` left partial) when it
// has none.
bool SemanticModel::append_qualified_name(const Node& expression, const Scope& scope, int depth,
                                          std::string& out) const {
  // Attribute chains are walked iteratively: `a.b.c.d` may be long. Short chains, nearly all
  // of them, keep their attribute names on the stack.
  std::array<std::string_view, 8> nearby;
  std::vector<std::string_view> more;
  std::size_t count = 0;
  const Node* base = &expression;
  while (base->kind == NodeKind::kAttribute) {
    std::string_view attribute = ident_at(*base, field_slot(NodeKind::kAttribute, "attr"));
    if (count < nearby.size())
      nearby[count] = attribute;
    else
      more.push_back(attribute);
    ++count;
    base = child_at(*base, field_slot(NodeKind::kAttribute, "value"));
  }
  if (base->kind != NodeKind::kName) return false;

  std::string_view name = ident_at(*base, field_slot(NodeKind::kName, "id"));
  const Binding* binding = lookup(name, scope, base->lineno, base->col_offset);
  if (binding == nullptr) {
    if (!is_builtin_name(name)) return false;
    out += "builtins.";
    out += name;
  } else if (binding->kind == BindingKind::kImport || binding->kind == BindingKind::kFromImport) {
    out += binding->origin;
  } else if (binding->kind == BindingKind::kAssignment && binding->value != nullptr && depth < 8 &&
             (binding->value->kind == NodeKind::kName || binding->value->kind == NodeKind::kAttribute)) {
    // `gf = sys._getframe` makes gf an alias; follow it where it was assigned.
    if (!append_qualified_name(*binding->value, *binding->scope, depth + 1, out) || out.empty()) return false;
  } else {
    return false;
  }
  // The attributes were met outermost first: append them from the base outwards.
  for (std::size_t index = count; index > 0; --index) {
    out += '.';
    out += index > nearby.size() ? more[index - 1 - nearby.size()] : nearby[index - 1];
  }
  return true;
}

void SemanticModel::walk(const std::function<void(const Node&, const Scope&)>& visit) const {
  for (const Visit& entry : order_)
    visit(*entry.node, *entry.scope);
}

}  // namespace pypyready::python
