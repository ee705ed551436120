// PPY036 string-concat-in-loop: a str or bytes accumulator grown with `+=` across the iterations
// of a loop, linear on CPython (in-place resize) but quadratic on PyPy.
#include <fmt/format.h>

#include <algorithm>

#include "scan/rules/code_context.h"
#include "scan/rules/rule_helpers.h"
#include "scan/rules/rules.h"

namespace pypyready::scan::rules {

const RuleInfo kStringConcatInLoop{
    .code = "PPY036",
    .name = "string-concat-in-loop",
    .severity = Severity::kWarning,
    .fix = FixAvailability::kSometimes,
    .doc = {
        .what = "Finds `s += x` and `s = s + x` inside a for/while loop where `s` is a local str or bytes: "
                "initialised in the same function from a literal, an f-string, str(...), a join or a "
                "%-format, annotated str/bytes, or grown with a literal. Loops over a literal tuple, list or "
                "string, or over range() of a constant up to 1000, are too short to matter; an accumulator "
                "reset inside the loop does not grow across iterations. The fix (accumulator assigned right "
                "before the loop, only `+=` inside, never read there) collects the parts in a list and joins "
                "them after the loop.",
        .why =
            "CPython resizes the string in place when it holds the only reference, so the loop stays "
            "linear; PyPy copies the string on every `+=`, so it is quadratic (PyPy 7.3.11: 40k appends of "
            "10 characters took 1.15-1.46 s against 0.0014-0.006 s on CPython, and 0.0005 s with "
            "list and join). Bytes are quadratic on both.",
        .source = "https://doc.pypy.org/en/latest/cpython_differences.html#performance-differences",
        .example = "out = \"\"\nfor line in lines:\n    out += line.upper()",
        .use_instead = "out_parts = []\nfor line in lines:\n    out_parts.append(line.upper())\nout = "
                       "\"\".join(out_parts)",
    }};

namespace {

constexpr NodeKind kKinds[] = {NodeKind::kAugAssign, NodeKind::kAssign};
constexpr std::int64_t kSmallRange = 1000;
constexpr int kFixWalkBudget = 20000;

enum class Kind { kUnknown, kStr, kBytes, kOther };

bool is_loop(const Node& node) {
  return node.kind == NodeKind::kFor || node.kind == NodeKind::kAsyncFor || node.kind == NodeKind::kWhile;
}

python::NodeSpan loop_body(const Node& loop) {
  return loop.kind == NodeKind::kWhile ? python::children_at(loop, field_slot(NodeKind::kWhile, "body"))
                                       : python::children_at(loop, field_slot(NodeKind::kFor, "body"));
}

bool contains(const Node& outer, const Node& inner) {
  auto before = [](std::uint32_t l1, std::uint32_t c1, std::uint32_t l2, std::uint32_t c2) {
    return l1 < l2 || (l1 == l2 && c1 <= c2);
  };
  return before(outer.lineno, outer.col_offset, inner.lineno, inner.col_offset) &&
         before(inner.end_lineno, inner.end_col_offset, outer.end_lineno, outer.end_col_offset);
}

// The name grown by a concatenation statement and the added expression: `s += x`, `s = s + x`.
struct Concatenation {
  std::string_view name;
  const Node* target = nullptr;
  const Node* added = nullptr;
  bool augmented = false;
};

std::optional<Concatenation> concatenation(const Node& statement) {
  if (statement.kind == NodeKind::kAugAssign) {
    const Node& target = *python::child_at(statement, field_slot(NodeKind::kAugAssign, "target"));
    if (target.kind != NodeKind::kName ||
        python::child_at(statement, field_slot(NodeKind::kAugAssign, "op"))->kind != NodeKind::kAdd) {
      return std::nullopt;
    }
    return Concatenation{name_id(target), &target,
                         python::child_at(statement, field_slot(NodeKind::kAugAssign, "value")), true};
  }
  if (statement.kind != NodeKind::kAssign) return std::nullopt;
  python::NodeSpan targets = python::children_at(statement, field_slot(NodeKind::kAssign, "targets"));
  const Node& value = *python::child_at(statement, field_slot(NodeKind::kAssign, "value"));
  if (targets.size != 1 || targets.items[0]->kind != NodeKind::kName || value.kind != NodeKind::kBinOp ||
      python::child_at(value, field_slot(NodeKind::kBinOp, "op"))->kind != NodeKind::kAdd) {
    return std::nullopt;
  }
  const Node& left = *python::child_at(value, field_slot(NodeKind::kBinOp, "left"));
  if (name_id(left) != name_id(*targets.items[0]) || name_id(left).empty()) return std::nullopt;
  return Concatenation{name_id(left), targets.items[0],
                       python::child_at(value, field_slot(NodeKind::kBinOp, "right")), false};
}

// What an expression certainly evaluates to, as far as the accumulator's type goes.
Kind kind_of(const Node* node, RuleContext& context, const python::Scope& scope) {
  if (node == nullptr) return Kind::kUnknown;
  switch (node->kind) {
    case NodeKind::kConstant:
      switch (node->slot(field_slot(NodeKind::kConstant, "value")).constant->kind) {
        case python::ConstantKind::kStr:
          return Kind::kStr;
        case python::ConstantKind::kBytes:
          return Kind::kBytes;
        case python::ConstantKind::kNone:
          return Kind::kUnknown;
        default:
          return Kind::kOther;
      }
    case NodeKind::kJoinedStr:
      return Kind::kStr;
    case NodeKind::kList:
    case NodeKind::kListComp:
    case NodeKind::kDict:
    case NodeKind::kDictComp:
    case NodeKind::kSet:
    case NodeKind::kSetComp:
    case NodeKind::kTuple:
      return Kind::kOther;
    case NodeKind::kBinOp: {
      const Node* left = python::child_at(*node, field_slot(NodeKind::kBinOp, "left"));
      NodeKind op = python::child_at(*node, field_slot(NodeKind::kBinOp, "op"))->kind;
      Kind left_kind = kind_of(left, context, scope);
      // `"%s" % x`, `"a" + x`, `"-" * n`
      if ((op == NodeKind::kMod || op == NodeKind::kAdd || op == NodeKind::kMult) &&
          (left_kind == Kind::kStr || left_kind == Kind::kBytes)) {
        return left_kind;
      }
      return Kind::kUnknown;
    }
    case NodeKind::kCall: {
      const Node& callee = call_func(*node);
      std::string_view method = attribute_name(callee);
      if (method == "join" || method == "format") {
        return kind_of(python::child_at(callee, field_slot(NodeKind::kAttribute, "value")), context, scope);
      }
      std::string name = context.model().qualified_name(callee, scope);
      if (name == "builtins.str" || name == "builtins.repr" || name == "builtins.chr") return Kind::kStr;
      if (name == "builtins.bytes") return Kind::kBytes;
      if (name == "builtins.list" || name == "builtins.dict" || name == "builtins.set" ||
          name == "builtins.tuple" || name == "builtins.int" || name == "builtins.float" ||
          name == "builtins.bytearray" || name == "builtins.len") {
        return Kind::kOther;
      }
      return Kind::kUnknown;
    }
    default:
      return Kind::kUnknown;
  }
}

Kind annotation_kind(const Node* annotation) {
  if (annotation == nullptr) return Kind::kUnknown;
  std::string_view id = name_id(*annotation);
  if (id == "str") return Kind::kStr;
  if (id == "bytes") return Kind::kBytes;
  return Kind::kUnknown;
}

// Whether a binding of the accumulator is the concatenation form itself (not a reset).
bool is_concatenation_binding(const python::Binding& binding, RuleContext& context) {
  const Node* statement = context.parent(*binding.node);
  if (statement == nullptr) return false;
  std::optional<Concatenation> found = concatenation(*statement);
  return found && found->target == binding.node;
}

// The accumulator's kind from its bindings in the scope: str/bytes evidence, or kOther when some
// binding makes it a list, number, ... (then `+=` is not string building).
Kind accumulator_kind(std::string_view name, const python::Scope& scope, RuleContext& context) {
  Kind found = Kind::kUnknown;
  for (std::uint32_t index : scope.bindings_of(name)) {
    const python::Binding& binding = scope.bindings[index];
    Kind kind = Kind::kUnknown;
    if (binding.kind == python::BindingKind::kParameter) {
      kind = annotation_kind(python::child_at(*binding.node, field_slot(NodeKind::kArg, "annotation")));
    } else if (binding.kind == python::BindingKind::kAnnotation ||
               binding.kind == python::BindingKind::kAssignment) {
      if (is_concatenation_binding(binding, context)) continue;
      const Node* parent = context.parent(*binding.node);
      if (parent != nullptr && parent->kind == NodeKind::kAnnAssign) {
        kind = annotation_kind(python::child_at(*parent, field_slot(NodeKind::kAnnAssign, "annotation")));
      }
      if (kind == Kind::kUnknown) kind = kind_of(binding.value, context, scope);
    }
    if (kind == Kind::kOther) return Kind::kOther;
    if (kind != Kind::kUnknown) found = kind;
  }
  return found;
}

// A loop whose iterable is a literal, or range() of a small constant: too short to matter.
bool bounded_iterable(const Node& iterable, RuleContext& context, int depth) {
  if (depth > 3) return false;
  switch (iterable.kind) {
    case NodeKind::kList:
    case NodeKind::kTuple:
    case NodeKind::kSet:
    case NodeKind::kDict:
      return true;
    case NodeKind::kConstant:
      return kind_of(&iterable, context, context.scope()) != Kind::kUnknown;
    case NodeKind::kName: {
      // A module-level or local constant tuple: `for field in _FIELDS:`
      const python::Binding* binding =
          context.model().lookup(name_id(iterable), context.scope(), iterable.lineno, iterable.col_offset);
      if (binding == nullptr || binding->value == nullptr ||
          binding->scope->bindings_of(binding->name).size() != 1)
        return false;
      NodeKind kind = binding->value->kind;
      return kind == NodeKind::kTuple || kind == NodeKind::kList || kind == NodeKind::kSet;
    }
    case NodeKind::kCall: {
      const Node& callee = call_func(iterable);
      std::string_view method = attribute_name(callee);
      if (method == "items" || method == "keys" || method == "values") {
        return python::child_at(callee, field_slot(NodeKind::kAttribute, "value"))->kind == NodeKind::kDict;
      }
      std::string name = context.callee_name(iterable);
      python::NodeSpan args = call_args(iterable);
      if (name == "builtins.range") {
        std::int64_t bound = 0;
        for (const Node* arg : args) {
          if (arg->kind != NodeKind::kConstant) return false;
          const python::ConstantValue* value = arg->slot(field_slot(NodeKind::kConstant, "value")).constant;
          if (value->kind != python::ConstantKind::kInt || value->text.size() > 6) return false;
          bound = std::max<std::int64_t>(bound, std::stoll(std::string(value->text)));
        }
        return args.size > 0 && bound <= kSmallRange;
      }
      if (name == "builtins.enumerate" || name == "builtins.reversed" || name == "builtins.sorted" ||
          name == "builtins.zip" || name == "builtins.list" || name == "builtins.tuple") {
        if (args.size == 0) return false;
        for (const Node* arg : args) {
          if (!bounded_iterable(*arg, context, depth + 1)) return false;
        }
        return true;
      }
      return false;
    }
    default:
      return false;
  }
}

bool bounded(const Node& loop, RuleContext& context) {
  if (loop.kind == NodeKind::kWhile) return false;
  return bounded_iterable(*python::child_at(loop, field_slot(NodeKind::kFor, "iter")), context, 0);
}

// The loops around `statement` inside its function, innermost first.
std::vector<const Node*> enclosing_loops(const Node& statement, RuleContext& context) {
  std::vector<const Node*> loops;
  const Node* child = &statement;
  for (const Node* ancestor = context.parent(statement); ancestor != nullptr;
       child = ancestor, ancestor = context.parent(*ancestor)) {
    if (opens_definition(*ancestor)) break;
    if (!is_loop(*ancestor)) continue;
    python::NodeSpan body = loop_body(*ancestor);
    if (std::find(body.begin(), body.end(), child) != body.end()) loops.push_back(ancestor);
  }
  return loops;
}

// Whether some other binding of the accumulator inside `loop` restarts it every iteration.
bool reset_inside(const Node& loop, std::string_view name, const python::Scope& scope, RuleContext& context) {
  for (std::uint32_t index : scope.bindings_of(name)) {
    const python::Binding& binding = scope.bindings[index];
    if (contains(loop, *binding.node) && !is_concatenation_binding(binding, context)) return true;
  }
  return false;
}

/// Builds the list-and-join fix for the simple shape; nullopt when the loop does not have it.
class JoinFix {
 public:
  JoinFix(const Concatenation& concatenation, const Node& statement, const Node& loop, Kind kind,
          RuleContext& context)
      : concatenation_(concatenation), statement_(statement), loop_(loop), kind_(kind), context_(context) {}

  std::optional<Fix> build() const {
    const Node* init = initialisation();
    if (init == nullptr || !concatenation_.augmented) return std::nullopt;
    std::string parts = fmt::format("{}_parts", concatenation_.name);
    if (context_.model().lookup(parts, context_.scope(), loop_.lineno, loop_.col_offset) != nullptr)
      return std::nullopt;
    std::vector<const Node*> appends;
    if (!only_appended(appends) || appends.empty() || appends.front() != &statement_) return std::nullopt;
    std::string_view line = context_.lines().line_text(loop_.lineno);
    std::string_view indent = line.substr(0, loop_.col_offset);
    if (indent.find_first_not_of(" \t") != std::string_view::npos) return std::nullopt;

    Fix fix;
    fix.description = fmt::format("collect the parts in `{}` and join them after the loop", parts);
    const Node& value = *python::child_at(*init, field_slot(NodeKind::kAssign, "value"));
    std::optional<std::string_view> text = string_constant(&value);
    bool empty =
        (text && text->empty()) || context_.text_of(value) == "b\"\"" || context_.text_of(value) == "b''";
    fix.edits.push_back(Edit{context_.begin_of(*init), context_.end_of(*init),
                             fmt::format("{} = [{}]", parts, empty ? "" : context_.text_of(value))});
    for (const Node* append : appends) {
      const Node& added = *python::child_at(*append, field_slot(NodeKind::kAugAssign, "value"));
      fix.edits.push_back(Edit{context_.begin_of(*append), context_.end_of(*append),
                               fmt::format("{}.append({})", parts, context_.text_of(added))});
    }
    std::string join = fmt::format("{}{} = {}.join({})", indent, concatenation_.name,
                                   kind_ == Kind::kBytes ? "b\"\"" : "\"\"", parts);
    if (loop_.end_lineno < context_.lines().line_count()) {
      Location at = context_.lines().location(loop_.end_lineno + 1, 0);
      fix.edits.push_back(Edit{at, at, join + "\n"});
    } else {
      Location at = context_.lines().location(loop_.end_lineno, UINT32_MAX);
      fix.edits.push_back(Edit{at, at, "\n" + join});
    }
    return fix;
  }

 private:
  // `s = "..."` as the statement right before the loop, outside any try (an except clause
  // could read the partial string).
  const Node* initialisation() const {
    const Node* block = context_.parent(loop_);
    for (const Node* ancestor = block; ancestor != nullptr && !opens_definition(*ancestor);
         ancestor = context_.parent(*ancestor)) {
      if (ancestor->kind == NodeKind::kTry || ancestor->kind == NodeKind::kTryStar) return nullptr;
    }
    if (block == nullptr) return nullptr;
    const python::NodeInfo& info = python::node_info(block->kind);
    for (int field = 0; field < info.field_count; ++field) {
      if (info.fields[field].shape != python::FieldShape::kList) continue;
      python::NodeSpan statements = python::children_at(*block, field);
      auto at = std::find(statements.begin(), statements.end(), &loop_);
      if (at == statements.end()) continue;
      if (at == statements.begin()) return nullptr;
      const Node* previous = *(at - 1);
      if (previous->kind != NodeKind::kAssign) return nullptr;
      python::NodeSpan targets = python::children_at(*previous, field_slot(NodeKind::kAssign, "targets"));
      if (targets.size != 1 || name_id(*targets.items[0]) != concatenation_.name) return nullptr;
      Kind kind = kind_of(python::child_at(*previous, field_slot(NodeKind::kAssign, "value")), context_,
                          context_.scope());
      return kind == kind_ ? previous : nullptr;
    }
    return nullptr;
  }

  // Every use of the accumulator in the loop is the target of `+=` (collected in source order).
  bool only_appended(std::vector<const Node*>& appends) const {
    bool ok = true;
    int visited = 0;
    walk_subtree(loop_, kFixWalkBudget, [&](const Node& node) {
      ++visited;
      if (!ok) return false;
      if (node.kind == NodeKind::kAugAssign) {
        std::optional<Concatenation> found = concatenation(node);
        if (found && found->name == concatenation_.name) {
          appends.push_back(&node);
          // The target is the accumulator; only the added value needs looking at.
          walk_subtree(*found->added, kFixWalkBudget, [&](const Node& inner) {
            if (name_id(inner) == concatenation_.name) ok = false;
            return ok;
          });
          return false;
        }
      }
      if (name_id(node) == concatenation_.name) ok = false;
      return ok;
    });
    return ok && visited < kFixWalkBudget;
  }

  const Concatenation& concatenation_;
  const Node& statement_;
  const Node& loop_;
  Kind kind_;
  RuleContext& context_;
};

class StringConcatInLoop final : public Rule {
 public:
  std::span<const NodeKind> kinds() const override { return kKinds; }
  void check(const Node& node, RuleContext& context) const override {
    std::optional<Concatenation> found = concatenation(node);
    if (!found) return;
    const python::Scope& scope = context.scope();
    if (scope.kind != python::ScopeKind::kFunction && scope.kind != python::ScopeKind::kModule) return;
    auto declared = [&](const std::vector<std::string_view>& names) {
      return std::find(names.begin(), names.end(), found->name) != names.end();
    };
    if (declared(scope.global_names) || declared(scope.nonlocal_names)) return;

    std::vector<const Node*> loops = enclosing_loops(node, context);
    if (loops.empty()) return;
    Kind added = kind_of(found->added, context, scope);
    if (added == Kind::kOther) return;
    Kind kind = accumulator_kind(found->name, scope, context);
    if (kind == Kind::kOther) return;
    if (kind == Kind::kUnknown) kind = added;
    if (kind == Kind::kUnknown) return;

    // Loops that restart the accumulator do not grow it across their iterations.
    const Node* outermost = nullptr;
    bool unbounded = false;
    for (const Node* loop : loops) {
      if (reset_inside(*loop, found->name, scope, context)) break;
      outermost = loop;
      unbounded = unbounded || !bounded(*loop, context);
    }
    if (outermost == nullptr || !unbounded) return;

    std::optional<Fix> fix = JoinFix(*found, node, *outermost, kind, context).build();
    std::string_view type = kind == Kind::kBytes ? "bytes" : "str";
    context.report(node,
                   kind == Kind::kBytes
                       ? fmt::format("`{}` grows a bytes object in a loop: every `+` copies it (quadratic); "
                                     "collect parts and join",
                                     found->name)
                       : fmt::format("`{}` grows a {} in a loop: quadratic on PyPy, which copies it on every "
                                     "`+=`; collect parts in a list and join",
                                     found->name, type),
                   std::move(fix));
  }
};

}  // namespace

std::unique_ptr<Rule> make_string_concat_in_loop() {
  return std::make_unique<StringConcatInLoop>();
}

}  // namespace pypyready::scan::rules
