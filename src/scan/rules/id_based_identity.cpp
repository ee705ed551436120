// PPY017 id-based-identity: id() values that outlive their object, compared as numbers, or persisted.
#include <fmt/format.h>

#include <vector>

#include "scan/rules/code_context.h"
#include "scan/rules/rule_helpers.h"
#include "scan/rules/rules.h"

namespace pypyready::scan::rules {

const RuleInfo kIdBasedIdentity{
    .code = "PPY017",
    .name = "id-based-identity",
    .severity = Severity::kWarning,
    .fix = FixAvailability::kNone,
    .doc = {
        .what = "Finds id() of a temporary object (`id(object())`, `id([])`, `id(f())`, `id(x + 1)`) that "
                "is kept or compared with another temporary's id, id() compared with hash(), a number or "
                "sys.maxsize, and id() packed with struct or serialised with json/pickle/marshal. id() of "
                "long-lived objects (memo dictionaries in copy.deepcopy style), id() compared with a live "
                "object's id, and id() in repr/debug formatting are not reported.",
        .why = "CPython hands the address of a freed object to the next allocation at once, so ids of "
               "temporaries collide there and not on PyPy, where objects are freed later and moved; the id() "
               "of numbers and strings is computed from the value and can exceed sys.maxsize, and hash() is "
               "not derived from id() (PyPy 7.3.11: `id(object()) == id(object())` is False, CPython True; "
               "`id(10**30) > 2**64` is True; `hash(o) == id(o) >> 4` is False).",
        .source =
            "https://doc.pypy.org/en/latest/cpython_differences.html#object-identity-of-primitive-values-"
            "is-and-id",
        .example = "if id(make_config()) == id(make_config()):\n    ...",
        .use_instead = "a, b = make_config(), make_config()\nif a is b:\n    ...",
    }};

namespace {

// Calls that hand back an object that already exists, so its id is stable.
constexpr std::string_view kExistingObjectCalls[] = {"type",
                                                     "getattr",
                                                     "vars",
                                                     "globals",
                                                     "locals",
                                                     "super",
                                                     "next",
                                                     "current_thread",
                                                     "currentThread",
                                                     "current_task",
                                                     "main_thread",
                                                     "get_event_loop",
                                                     "get_running_loop",
                                                     "_getframe",
                                                     "currentframe",
                                                     "getcurrent",
                                                     "get",
                                                     "getmodule",
                                                     "get_ident",
                                                     "iter",
                                                     "find"};

std::string_view last_component(const Node& callee) {
  if (callee.kind == NodeKind::kName) return name_id(callee);
  return attribute_name(callee);
}

// What makes the argument a temporary, or "" when it is not one.
std::string_view temporary_kind(const Node& argument) {
  switch (argument.kind) {
    case NodeKind::kList:
    case NodeKind::kDict:
    case NodeKind::kSet:
    case NodeKind::kListComp:
    case NodeKind::kDictComp:
    case NodeKind::kSetComp:
    case NodeKind::kGeneratorExp:
    case NodeKind::kLambda:
      return "a new container";
    case NodeKind::kBinOp:
      return "a computed value";
    case NodeKind::kConstant: {
      python::ConstantKind kind = argument.slot(field_slot(NodeKind::kConstant, "value")).constant->kind;
      bool value = kind == python::ConstantKind::kInt || kind == python::ConstantKind::kFloat ||
                   kind == python::ConstantKind::kComplex || kind == python::ConstantKind::kStr ||
                   kind == python::ConstantKind::kBytes;
      return value ? "a literal" : "";
    }
    case NodeKind::kCall: {
      std::string_view name = last_component(call_func(argument));
      // Accessors (get_*, current_*) hand back objects that already exist.
      if (name.starts_with("get") || name.starts_with("current")) return "";
      for (std::string_view existing : kExistingObjectCalls) {
        if (name == existing) return "";
      }
      return name.empty() ? "" : "the result of a call";
    }
    default:
      return "";
  }
}

bool is_string_format(const Node& node) {
  if (node.kind == NodeKind::kJoinedStr) return true;
  if (node.kind == NodeKind::kBinOp &&
      python::child_at(node, field_slot(NodeKind::kBinOp, "op"))->kind == NodeKind::kMod) {
    const Node& left = *python::child_at(node, field_slot(NodeKind::kBinOp, "left"));
    return string_constant(&left).has_value() || left.kind == NodeKind::kJoinedStr;
  }
  if (node.kind == NodeKind::kCall) {
    std::string_view name = last_component(call_func(node));
    return name == "format" || name == "hex" || name == "print" || name == "repr" || name == "write" ||
           name == "debug" || name == "info" || name == "warning" || name == "error" || name == "log";
  }
  return false;
}

// id() inside formatting (f-string, %, format, hex, print, logging): debug output, not identity.
bool in_formatting(const Node& id_call, const RuleContext& context) {
  for (const Node* ancestor = context.parent(id_call); ancestor != nullptr && !is_statement(ancestor->kind);
       ancestor = context.parent(*ancestor)) {
    if (is_string_format(*ancestor)) return true;
  }
  return false;
}

// The Compare the id() value reaches through arithmetic, and the other operands' nature.
std::string_view compared_with_width_or_hash(const Node& id_call, RuleContext& context) {
  const Node* child = &id_call;
  const Node* ancestor = context.parent(id_call);
  while (ancestor != nullptr &&
         (ancestor->kind == NodeKind::kBinOp || ancestor->kind == NodeKind::kUnaryOp)) {
    child = ancestor;
    ancestor = context.parent(*ancestor);
  }
  if (ancestor == nullptr || ancestor->kind != NodeKind::kCompare) return "";
  std::string_view found;
  const Node* left = python::child_at(*ancestor, field_slot(NodeKind::kCompare, "left"));
  auto inspect = [&](const Node& operand) {
    if (&operand == child) return;
    walk_subtree(operand, 64, [&](const Node& node) {
      if (!found.empty()) return false;
      if (node.kind == NodeKind::kCall && context.callee_name_view(node) == "builtins.hash") {
        found = "hash()";
      } else if (node.kind == NodeKind::kAttribute && context.qualified_name_view(node) == "sys.maxsize") {
        found = "sys.maxsize";
      } else if (node.kind == NodeKind::kConstant && &node == &operand) {
        python::ConstantKind kind = node.slot(field_slot(NodeKind::kConstant, "value")).constant->kind;
        if (kind == python::ConstantKind::kInt) found = "a number";
      } else if (node.kind == NodeKind::kBinOp && &node == &operand &&
                 python::child_at(node, field_slot(NodeKind::kBinOp, "op"))->kind == NodeKind::kPow) {
        found = "a number";
      }
      return found.empty();
    });
  };
  inspect(*left);
  for (const Node* comparator : python::children_at(*ancestor, field_slot(NodeKind::kCompare, "comparators")))
    inspect(*comparator);
  return found;
}

// id() packed or serialised: struct.pack*, json/pickle/marshal dump(s).
std::string persisted_by(const Node& id_call, RuleContext& context) {
  for (const Node* ancestor = context.parent(id_call); ancestor != nullptr && !is_statement(ancestor->kind);
       ancestor = context.parent(*ancestor)) {
    if (ancestor->kind != NodeKind::kCall) continue;
    std::string name = context.callee_name(*ancestor);
    if (name == "struct.pack" || name == "struct.pack_into" || name == "json.dump" || name == "json.dumps" ||
        name == "pickle.dump" || name == "pickle.dumps" || name == "marshal.dump" ||
        name == "marshal.dumps") {
      return name;
    }
  }
  return {};
}

// The id() calls compared with this one: `id(a) == id(b)`, assertEqual/assertNotEqual/assertIs.
// Returns false when the call is not compared at all.
bool compared_ids(const Node& id_call, const RuleContext& context, std::vector<const Node*>& others) {
  const Node* parent = context.parent(id_call);
  if (parent == nullptr) return false;
  python::NodeSpan operands{nullptr, 0};
  const Node* left = nullptr;
  if (parent->kind == NodeKind::kCompare) {
    left = python::child_at(*parent, field_slot(NodeKind::kCompare, "left"));
    operands = python::children_at(*parent, field_slot(NodeKind::kCompare, "comparators"));
  } else if (parent->kind == NodeKind::kCall && attribute_name(call_func(*parent)).starts_with("assert")) {
    operands = call_args(*parent);
  } else {
    return false;
  }
  auto consider = [&](const Node* operand) {
    if (operand != &id_call && operand->kind == NodeKind::kCall && name_id(call_func(*operand)) == "id")
      others.push_back(operand);
  };
  if (left != nullptr) consider(left);
  for (const Node* operand : operands)
    consider(operand);
  return true;
}

// `id(f())` as a statement of its own.
bool discarded(const Node& id_call, const RuleContext& context) {
  const Node* parent = context.parent(id_call);
  return parent != nullptr && parent->kind == NodeKind::kExpr;
}

// `id(obj) == id(obj.method())` compares with a live object, whose address no temporary can
// take: the answer is the same on both interpreters. Only two temporaries compared are a hazard.
bool compared_only_with_live_objects(const Node& id_call, const RuleContext& context) {
  std::vector<const Node*> others;
  if (!compared_ids(id_call, context, others) || others.empty()) return false;
  for (const Node* other : others) {
    if (call_args(*other).size == 1 && !temporary_kind(*call_args(*other).items[0]).empty()) return false;
  }
  return true;
}

class IdBasedIdentity final : public Rule {
 public:
  static constexpr NodeKind kKinds[] = {NodeKind::kCall};
  std::span<const NodeKind> kinds() const override { return kKinds; }
  void check(const Node& node, RuleContext& context) const override {
    if (name_id(call_func(node)) != "id" || call_args(node).size != 1) return;
    if (context.callee_name_view(node) != "builtins.id") return;
    const Node& argument = *call_args(node).items[0];
    std::string message;
    if (std::string persisted = persisted_by(node, context); !persisted.empty()) {
      message = fmt::format(
          "id() passed to `{}`: an id means nothing outside this process and, for numbers and "
          "strings on PyPy, may not fit in 64 bits",
          persisted);
    } else if (in_formatting(node, context)) {
      return;
    } else if (std::string_view kind = temporary_kind(argument); !kind.empty()) {
      if (discarded(node, context) || compared_only_with_live_objects(node, context)) return;
      message = fmt::format(
          "id() of {} that dies at once: CPython reuses its address for the next object, PyPy "
          "does not, so equal ids mean different things",
          kind);
    } else if (std::string_view other = compared_with_width_or_hash(node, context); !other.empty()) {
      message = fmt::format(
          "id() compared with {}: on PyPy id() of numbers and strings is derived from the value "
          "and hash() is not derived from id()",
          other);
    } else {
      return;
    }
    if (under_implementation_check(node, context)) return;
    context.report(node, std::move(message));
  }
};

}  // namespace

std::unique_ptr<Rule> make_id_based_identity() {
  return std::make_unique<IdBasedIdentity>();
}

}  // namespace pypyready::scan::rules
