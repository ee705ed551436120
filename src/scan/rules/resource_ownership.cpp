#include "scan/rules/resource_ownership.h"

#include <algorithm>

#include "python/ast_walk.h"

namespace pypyready::scan::rules {
namespace {

// Functions that use a file-like or iterable argument for the duration of the call only.
constexpr std::string_view kBorrowers[] = {"builtins.print",
                                           "builtins.len",
                                           "builtins.isinstance",
                                           "builtins.hasattr",
                                           "builtins.getattr",
                                           "builtins.iter",
                                           "builtins.next",
                                           "builtins.list",
                                           "builtins.tuple",
                                           "builtins.sorted",
                                           "builtins.enumerate",
                                           "builtins.zip",
                                           "builtins.map",
                                           "builtins.filter",
                                           "builtins.repr",
                                           "builtins.str",
                                           "builtins.id",
                                           "builtins.type",
                                           "builtins.callable",
                                           "builtins.bool",
                                           "builtins.any",
                                           "builtins.all",
                                           "builtins.sum",
                                           "builtins.min",
                                           "builtins.max",
                                           "builtins.set",
                                           "builtins.frozenset",
                                           "builtins.dict",
                                           "builtins.vars",
                                           "builtins.dir",
                                           "builtins.hash",
                                           "json.load",
                                           "json.dump",
                                           "pickle.load",
                                           "pickle.dump",
                                           "marshal.load",
                                           "marshal.dump",
                                           "csv.reader",
                                           "csv.writer",
                                           "csv.DictReader",
                                           "csv.DictWriter",
                                           "shutil.copyfileobj",
                                           "os.fstat",
                                           "os.fsync",
                                           "os.fdatasync",
                                           "os.set_inheritable",
                                           "os.get_inheritable",
                                           "os.set_blocking",
                                           "os.get_blocking",
                                           "select.select",
                                           "fcntl.fcntl",
                                           "fcntl.flock",
                                           "fcntl.lockf",
                                           "fcntl.ioctl",
                                           "termios.tcgetattr",
                                           "termios.tcsetattr",
                                           "tty.setraw",
                                           "tty.setcbreak",
                                           "itertools.islice",
                                           "itertools.takewhile",
                                           "itertools.dropwhile",
                                           "itertools.chain",
                                           "tomllib.load",
                                           "plistlib.load",
                                           "plistlib.dump",
                                           "yaml.load",
                                           "yaml.safe_load",
                                           "yaml.full_load",
                                           "yaml.dump",
                                           "yaml.safe_dump",
                                           "tokenize.tokenize",
                                           "tokenize.generate_tokens"};

// Attributes that are plain data: passing them on does not pass the object on.
constexpr std::string_view kDataAttributes[] = {
    "name",       "closed", "mode", "encoding",       "errors",        "newlines",       "pid",    "args",
    "returncode", "family", "type", "proto",          "filename",      "timeout",        "status", "headers",
    "url",        "reason", "code", "in_transaction", "total_changes", "isolation_level"};
constexpr ReleaseSpec kNoRelease{};

bool listed(std::string_view name, std::span<const std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

bool is_load(const Node& node) {
  const Node* ctx = nullptr;
  if (node.kind == NodeKind::kName) ctx = python::child_at(node, field_slot(NodeKind::kName, "ctx"));
  if (node.kind == NodeKind::kAttribute)
    ctx = python::child_at(node, field_slot(NodeKind::kAttribute, "ctx"));
  return ctx == nullptr || ctx->kind == NodeKind::kLoad;
}

bool opens_scope(NodeKind kind) {
  return kind == NodeKind::kFunctionDef || kind == NodeKind::kAsyncFunctionDef ||
         kind == NodeKind::kClassDef || kind == NodeKind::kLambda;
}

bool span_contains(python::NodeSpan span, const Node* node) {
  return std::find(span.begin(), span.end(), node) != span.end();
}

std::string_view callee_last(const Node& call) {
  const Node& callee = call_func(call);
  return callee.kind == NodeKind::kName ? name_id(callee) : attribute_name(callee);
}

// Whether a call hands its argument to something that closes it when its block ends.
bool closes_argument(const Node& call, const RuleContext& context) {
  std::string_view last = callee_last(call);
  if (last == "enter_context" || last == "enter_async_context") return true;
  if (last != "closing" && last != "aclosing") return false;
  std::string name = context.callee_name(call);
  return name == "contextlib.closing" || name == "contextlib.aclosing";
}

// Whether `use` runs in a finally block of its scope; `in_handler` tells about except blocks.
bool in_finally(const Node& use, const Node& scope_node, const RuleContext& context, bool& in_handler) {
  const Node* child = &use;
  for (const Node* ancestor = context.parent(use); ancestor != nullptr && ancestor != &scope_node;
       child = ancestor, ancestor = context.parent(*ancestor)) {
    if (ancestor->kind == NodeKind::kTry &&
        span_contains(python::children_at(*ancestor, field_slot(NodeKind::kTry, "finalbody")), child)) {
      return true;
    }
    if (ancestor->kind == NodeKind::kTryStar &&
        span_contains(python::children_at(*ancestor, field_slot(NodeKind::kTryStar, "finalbody")), child)) {
      return true;
    }
    if (ancestor->kind == NodeKind::kExceptHandler) in_handler = true;
  }
  return false;
}

// Whether statement `second` comes right after `first` in the same block (nothing can raise between).
bool follows_directly(const Node* first, const Node* second, const RuleContext& context) {
  if (first == nullptr || second == nullptr) return false;
  const Node* owner = context.parent(*first);
  if (owner == nullptr) return false;
  // `try: f = open(p)` / `except OSError: ...` / `else: f.close()`.
  if ((owner->kind == NodeKind::kTry || owner->kind == NodeKind::kTryStar) &&
      owner == context.parent(*second)) {
    python::NodeSpan body = python::children_at(*owner, field_slot(NodeKind::kTry, "body"));
    python::NodeSpan orelse = python::children_at(*owner, field_slot(NodeKind::kTry, "orelse"));
    if (body.size > 0 && body.items[body.size - 1] == first && orelse.size > 0 && orelse.items[0] == second) {
      return true;
    }
  }
  // `if c: p = Popen(a)` / `else: p = Popen(b)` / `p.wait()`: the branch's last statement, then the If's
  // next.
  if (owner->kind == NodeKind::kIf && owner != context.parent(*second)) {
    python::NodeSpan body = python::children_at(*owner, field_slot(NodeKind::kIf, "body"));
    python::NodeSpan orelse = python::children_at(*owner, field_slot(NodeKind::kIf, "orelse"));
    bool last = (body.size > 0 && body.items[body.size - 1] == first) ||
                (orelse.size > 0 && orelse.items[orelse.size - 1] == first);
    return last && follows_directly(owner, second, context);
  }
  if (owner != context.parent(*second)) return false;
  const python::NodeInfo& info = python::node_info(owner->kind);
  for (int field = 0; field < info.field_count; ++field) {
    if (info.fields[field].shape != python::FieldShape::kList) continue;
    python::NodeSpan block = python::children_at(*owner, field);
    for (std::uint32_t index = 0; index + 1 < block.size; ++index) {
      if (block.items[index] == first) return block.items[index + 1] == second;
    }
  }
  return false;
}

bool inside_del_method(const Node& node, const RuleContext& context) {
  for (const Node* ancestor = context.parent(node); ancestor != nullptr;
       ancestor = context.parent(*ancestor)) {
    if (ancestor->kind == NodeKind::kFunctionDef || ancestor->kind == NodeKind::kAsyncFunctionDef) {
      return python::ident_at(*ancestor, field_slot(NodeKind::kFunctionDef, "name")) == "__del__";
    }
  }
  return false;
}

Fate trace_name(std::string_view name, const Node& creation, const ReleaseSpec& spec,
                const RuleContext& context) {
  const python::Scope& scope = context.scope();
  if (scope.kind == python::ScopeKind::kClass || scope.kind == python::ScopeKind::kComprehension) {
    return Fate::kEscapes;
  }
  if (listed(name, scope.global_names) || listed(name, scope.nonlocal_names)) return Fate::kEscapes;
  bool captured = false;
  std::vector<const Node*> loads = name_loads(*scope.node, name, captured);
  if (captured) return Fate::kEscapes;
  const Node* created_in = context.enclosing_statement(creation);
  bool safe = false;
  bool in_handler = false;
  bool plain = false;
  for (const Node* load : loads) {
    switch (classify_use(*load, spec, context)) {
      case Use::kEscape:
        return Fate::kEscapes;
      case Use::kSafeRelease:
        safe = true;
        break;
      case Use::kRelease: {
        bool handler = false;
        if (in_finally(*load, *scope.node, context, handler)) {
          safe = true;
        } else if (handler) {
          in_handler = true;
        } else {
          plain = true;
          safe = safe || follows_directly(created_in, context.enclosing_statement(*load), context);
        }
        break;
      }
      case Use::kNeutral:
        break;
    }
  }
  if (safe || (in_handler && plain)) return Fate::kReleased;
  if (in_handler || plain) return Fate::kReleasedUnsafely;
  return Fate::kNeverReleased;
}

// Whether `first` comes before `second` in a pre-order walk of their module (a node before its
// children, children in field order; a node counts as coming before itself).
bool precedes_in_preorder(const Node& first, const Node& second, const RuleContext& context) {
  std::vector<const Node*> first_path;  // from the node up to the module
  std::vector<const Node*> second_path;
  for (const Node* node = &first; node != nullptr; node = context.parent(*node))
    first_path.push_back(node);
  for (const Node* node = &second; node != nullptr; node = context.parent(*node))
    second_path.push_back(node);
  // Down from the module while the paths agree: they part below the nearest common ancestor.
  auto up_first = first_path.rbegin();
  auto up_second = second_path.rbegin();
  while (up_first + 1 != first_path.rend() && up_second + 1 != second_path.rend() &&
         *(up_first + 1) == *(up_second + 1)) {
    ++up_first;
    ++up_second;
  }
  if (up_first + 1 == first_path.rend()) return true;     // `first` is an ancestor of `second`
  if (up_second + 1 == second_path.rend()) return false;  // `second` is an ancestor of `first`
  const Node* first_branch = *(up_first + 1);
  const Node* second_branch = *(up_second + 1);
  const Node* met = nullptr;
  python::for_each_child(**up_first, [&](const Node& child) {
    if (met == nullptr && (&child == first_branch || &child == second_branch)) met = &child;
  });
  return met == first_branch;
}

// A resource kept on an attribute: released if any `<expr>.attr` of the module releases it;
// when the module also lets it escape, the use that comes first in a pre-order walk decides.
// The uses are found in one pass over the model's flat list of the module's nodes, which holds
// every node, though not in that order: walking the tree for each resource kept on `self` cost
// more than the rest of the resource rules together.
Fate trace_attribute(const Node& target, const ReleaseSpec& spec, const RuleContext& context) {
  const std::string_view attribute = attribute_name(target);
  const Node* first_escape = nullptr;
  const Node* first_release = nullptr;  // outside `__del__`
  bool released_in_del = false;
  for (const python::SemanticModel::Visit& visit : context.model().walk_order()) {
    const Node& node = *visit.node;
    if (node.kind != NodeKind::kAttribute || &node == &target ||
        python::ident_at(node, field_slot(NodeKind::kAttribute, "attr")) != attribute || !is_load(node)) {
      continue;
    }
    switch (classify_use(node, spec, context)) {
      case Use::kEscape:
        if (first_escape == nullptr || precedes_in_preorder(node, *first_escape, context))
          first_escape = &node;
        break;
      case Use::kRelease:
      case Use::kSafeRelease:
        if (inside_del_method(node, context)) {
          released_in_del = true;
        } else if (first_release == nullptr || precedes_in_preorder(node, *first_release, context)) {
          first_release = &node;
        }
        break;
      case Use::kNeutral:
        break;
    }
  }
  if (first_escape != nullptr && first_release != nullptr)
    return precedes_in_preorder(*first_escape, *first_release, context) ? Fate::kEscapes : Fate::kReleased;
  if (first_escape != nullptr) return Fate::kEscapes;
  if (first_release != nullptr) return Fate::kReleased;
  return released_in_del ? Fate::kReleasedInDel : Fate::kNeverReleased;
}

int badness(Fate fate) {
  switch (fate) {
    case Fate::kNeverReleased:
      return 3;
    case Fate::kReleasedUnsafely:
      return 2;
    case Fate::kReleasedInDel:
      return 1;
    default:
      return 0;
  }
}

Ownership trace_target(const Node& target, const Node& creation, const ReleaseSpec& spec,
                       const RuleContext& context) {
  switch (target.kind) {
    case NodeKind::kName:
      return {trace_name(name_id(target), creation, spec, context), std::string(name_id(target)), {}};
    case NodeKind::kAttribute: {
      // Kept on another object (`self._proc.stdin = open(...)`): that object owns it now.
      const Node* base = python::child_at(target, field_slot(NodeKind::kAttribute, "value"));
      if (name_id(*base) != "self" && name_id(*base) != "cls") return {};
      return {trace_attribute(target, spec, context), std::string(context.text_of(target)), {}};
    }
    case NodeKind::kTuple:
    case NodeKind::kList: {
      // `a, b = socket.socketpair()`: each element holds one resource; report the worst.
      Ownership worst;
      const int elements = target.kind == NodeKind::kTuple ? field_slot(NodeKind::kTuple, "elts")
                                                           : field_slot(NodeKind::kList, "elts");
      for (const Node* element : python::children_at(target, elements)) {
        if (element->kind != NodeKind::kName) continue;
        Ownership one = trace_target(*element, creation, spec, context);
        if (badness(one.fate) > badness(worst.fate)) worst = one;
      }
      return worst;
    }
    default:
      return {};
  }
}

}  // namespace

bool expected_to_raise(const Node& node, const RuleContext& context, bool or_caught) {
  const Node* child = &node;
  for (const Node* ancestor = context.parent(node); ancestor != nullptr && !opens_scope(ancestor->kind);
       child = ancestor, ancestor = context.parent(*ancestor)) {
    if (ancestor->kind == NodeKind::kWith || ancestor->kind == NodeKind::kAsyncWith) {
      for (const Node* item : python::children_at(*ancestor, field_slot(NodeKind::kWith, "items"))) {
        const Node* manager = python::child_at(*item, field_slot(NodeKind::kWithitem, "context_expr"));
        if (manager->kind != NodeKind::kCall) continue;
        std::string_view last = callee_last(*manager);
        if (last.starts_with("assertRaises") || last == "raises") return true;
      }
    }
    if (or_caught && (ancestor->kind == NodeKind::kTry || ancestor->kind == NodeKind::kTryStar) &&
        span_contains(python::children_at(*ancestor, field_slot(NodeKind::kTry, "body")), child) &&
        python::children_at(*ancestor, field_slot(NodeKind::kTry, "handlers")).size > 0) {
      return true;
    }
  }
  return false;
}

bool mocked_by_patch(const Node& call, std::string_view patched, const RuleContext& context) {
  auto patches = [&](const Node& expression) {
    std::string_view text = context.text_of(expression);
    return text.find("patch") != std::string_view::npos && text.find(patched) != std::string_view::npos;
  };
  for (const Node* ancestor = context.parent(call); ancestor != nullptr;
       ancestor = context.parent(*ancestor)) {
    if (ancestor->kind == NodeKind::kWith || ancestor->kind == NodeKind::kAsyncWith) {
      for (const Node* item : python::children_at(*ancestor, field_slot(NodeKind::kWith, "items"))) {
        if (patches(*python::child_at(*item, field_slot(NodeKind::kWithitem, "context_expr")))) return true;
      }
    }
    if (ancestor->kind == NodeKind::kFunctionDef || ancestor->kind == NodeKind::kAsyncFunctionDef) {
      for (const Node* decorator :
           python::children_at(*ancestor, field_slot(NodeKind::kFunctionDef, "decorator_list"))) {
        if (patches(*decorator)) return true;
      }
    }
  }
  return false;
}

bool borrows_argument(std::string_view qualified) {
  return listed(qualified, kBorrowers);
}

std::vector<const Node*> name_loads(const Node& scope_node, std::string_view name, bool& captured) {
  std::vector<const Node*> loads;
  std::vector<const Node*> pending;
  auto push_children = [&pending](const Node& node) {
    python::for_each_child(node, [&pending](const Node& child) {
      if (!(child.kind >= NodeKind::kLoad && child.kind <= NodeKind::kNotIn)) pending.push_back(&child);
    });
  };
  if (scope_node.kind == NodeKind::kModule) {
    push_children(scope_node);
  } else if (scope_node.kind == NodeKind::kLambda) {
    pending.push_back(python::child_at(scope_node, field_slot(NodeKind::kLambda, "body")));
  } else if (scope_node.kind == NodeKind::kFunctionDef || scope_node.kind == NodeKind::kAsyncFunctionDef) {
    for (const Node* statement : python::children_at(scope_node, field_slot(NodeKind::kFunctionDef, "body")))
      pending.push_back(statement);
  }
  while (!pending.empty()) {
    const Node* node = pending.back();
    pending.pop_back();
    if (opens_scope(node->kind)) {
      python::walk_preorder(*node, [&](const Node& inner) {
        if (inner.kind == NodeKind::kName && name_id(inner) == name) captured = true;
        return !captured;
      });
      continue;
    }
    if (node->kind == NodeKind::kName) {
      if (name_id(*node) == name && is_load(*node)) loads.push_back(node);
      continue;
    }
    push_children(*node);
  }
  return loads;
}

Use classify_use(const Node& load, const ReleaseSpec& spec, const RuleContext& context) {
  const Node* parent = context.parent(load);
  if (parent == nullptr) return Use::kNeutral;
  if (parent->kind == NodeKind::kAttribute) {
    std::string_view method = attribute_name(*parent);
    const Node* grand = context.parent(*parent);
    bool called = grand != nullptr && grand->kind == NodeKind::kCall && &call_func(*grand) == parent;
    if (listed(method, spec.methods) || method == "__exit__" || method == "__aexit__") {
      // An uncalled `f.close` is a callback handed to an owner (addCleanup, atexit, ExitStack).
      return called ? Use::kRelease : Use::kSafeRelease;
    }
    // A bound method handed on (`set_writer(f.write)`) keeps the object alive elsewhere.
    if (!called && grand != nullptr && !listed(method, kDataAttributes) &&
        classify_use(*parent, kNoRelease, context) == Use::kEscape) {
      return Use::kEscape;
    }
    return Use::kNeutral;
  }
  // The value may flow through `x or y` and `a if c else b` before it is used.
  const Node* value = &load;
  while (parent != nullptr && (parent->kind == NodeKind::kBoolOp ||
                               (parent->kind == NodeKind::kIfExp &&
                                python::child_at(*parent, field_slot(NodeKind::kIfExp, "test")) != value))) {
    value = parent;
    parent = context.parent(*parent);
  }
  if (parent == nullptr) return Use::kNeutral;
  switch (parent->kind) {
    case NodeKind::kWithitem:
      if (python::child_at(*parent, field_slot(NodeKind::kWithitem, "context_expr")) != value) {
        return Use::kNeutral;
      }
      return spec.with_releases ? Use::kSafeRelease : Use::kNeutral;
    case NodeKind::kKeyword:
    case NodeKind::kCall: {
      const Node* call = parent->kind == NodeKind::kKeyword ? context.parent(*parent) : parent;
      if (call == nullptr || call->kind != NodeKind::kCall) return Use::kEscape;
      if (&call_func(*call) == value) return Use::kNeutral;
      if (closes_argument(*call, context)) return Use::kSafeRelease;
      return borrows_argument(context.callee_name_view(*call)) ? Use::kNeutral : Use::kEscape;
    }
    case NodeKind::kAssign:
      return python::child_at(*parent, field_slot(NodeKind::kAssign, "value")) == value ? Use::kEscape
                                                                                        : Use::kNeutral;
    case NodeKind::kAnnAssign:
      return python::child_at(*parent, field_slot(NodeKind::kAnnAssign, "value")) == value ? Use::kEscape
                                                                                           : Use::kNeutral;
    case NodeKind::kAugAssign:
    case NodeKind::kNamedExpr:
    case NodeKind::kReturn:
    case NodeKind::kYield:
    case NodeKind::kYieldFrom:
    case NodeKind::kAwait:
    case NodeKind::kStarred:
    case NodeKind::kTuple:
    case NodeKind::kList:
    case NodeKind::kSet:
    case NodeKind::kDict:
      return Use::kEscape;
    default:
      return Use::kNeutral;
  }
}

Ownership trace_ownership(const Node& creation, const ReleaseSpec& spec, const RuleContext& context) {
  const Node* value = &creation;
  const Node* parent = context.parent(creation);
  while (parent != nullptr && (parent->kind == NodeKind::kBoolOp || parent->kind == NodeKind::kAwait ||
                               (parent->kind == NodeKind::kIfExp &&
                                python::child_at(*parent, field_slot(NodeKind::kIfExp, "test")) != value))) {
    value = parent;
    parent = context.parent(*parent);
  }
  if (parent == nullptr) return {};
  switch (parent->kind) {
    case NodeKind::kExpr:
      return {Fate::kDropped, {}, {}};
    case NodeKind::kWithitem: {
      if (python::child_at(*parent, field_slot(NodeKind::kWithitem, "context_expr")) != value) return {};
      if (spec.with_releases) return {Fate::kReleased, {}, {}};
      const Node* bound = python::child_at(*parent, field_slot(NodeKind::kWithitem, "optional_vars"));
      if (bound == nullptr) return {Fate::kDropped, {}, {}};
      return trace_target(*bound, creation, spec, context);
    }
    case NodeKind::kAttribute: {
      std::string_view method = attribute_name(*parent);
      if (listed(method, spec.methods)) return {Fate::kReleased, {}, {}};
      return {Fate::kDropped, {}, method};
    }
    case NodeKind::kAssign: {
      python::NodeSpan targets = python::children_at(*parent, field_slot(NodeKind::kAssign, "targets"));
      if (targets.size != 1) return {};
      return trace_target(*targets.items[0], creation, spec, context);
    }
    case NodeKind::kAnnAssign:
      return trace_target(*python::child_at(*parent, field_slot(NodeKind::kAnnAssign, "target")), creation,
                          spec, context);
    case NodeKind::kNamedExpr:
      return trace_target(*python::child_at(*parent, field_slot(NodeKind::kNamedExpr, "target")), creation,
                          spec, context);
    default:
      return {};
  }
}

}  // namespace pypyready::scan::rules
