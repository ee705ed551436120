// PPY018 nan-identity-in-containers: NaN as a set element, dict key, or in membership tests.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "scan/rules/code_context.h"
#include "scan/rules/rule_helpers.h"
#include "scan/rules/rules.h"

namespace pypyready::scan::rules {

const RuleInfo kNanIdentityInContainers{
    .code = "PPY018",
    .name = "nan-identity-in-containers",
    .severity = Severity::kInfo,
    .fix = FixAvailability::kNone,
    .doc = {
        .what = "Finds NaN values (float(\"nan\"), math.nan, cmath.nan, numpy.nan, and names bound only to "
                "them) used as set elements or dict keys, in `in` tests and container look-ups "
                "(add/count/index/remove/discard/get/setdefault/pop, assertIn) when freshly made by "
                "float(\"nan\"), "
                "NaN names compared with `is`, or "
                "collected by set()/frozenset()/Counter()/dict.fromkeys().",
        .why = "On PyPy every NaN with the same bits is the same object, and containers check identity "
               "before equality, so a set holds at most one NaN and `float(\"nan\") in [float(\"nan\")]` is "
               "true; on CPython each float(\"nan\") is a distinct object (PyPy 7.3.11: "
               "`float(\"nan\") is float(\"nan\")` is True and `len({nan1, nan2})` is 1; CPython False "
               "and 2).",
        .source = "https://github.com/pypy/pypy/issues/1974",
        .example = "missing = {float(\"nan\"), None}\nif value in missing:\n    ...",
        .use_instead = "if value is None or (isinstance(value, float) and math.isnan(value)):\n    ...",
    }};

namespace {

constexpr int kMaxDepth = 3;
constexpr std::string_view kNanNames[] = {"math.nan", "cmath.nan", "numpy.nan", "numpy.NaN", "numpy.NAN"};
constexpr std::string_view kLookupMethods[] = {"add",          "count",    "index",      "remove",
                                               "discard",      "get",      "pop",        "setdefault",
                                               "__contains__", "assertIn", "assertNotIn"};
constexpr std::string_view kCollectors[] = {"builtins.set", "builtins.frozenset", "collections.Counter",
                                            "builtins.dict.fromkeys"};

bool is_nan_text(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '+' || text.front() == '-'))
    text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ')
    text.remove_suffix(1);
  return text.size() == 3 && std::tolower(static_cast<unsigned char>(text[0])) == 'n' &&
         std::tolower(static_cast<unsigned char>(text[1])) == 'a' &&
         std::tolower(static_cast<unsigned char>(text[2])) == 'n';
}

// Asked of every Name: a plain case-insensitive search, as identifiers hold only letters,
// digits and underscores ('|' 0x20 lower-cases a letter and leaves '_' and digits unequal to n/a).
bool mentions_nan(std::string_view name) {
  for (std::size_t at = 0; at + 3 <= name.size(); ++at) {
    if ((name[at] | 0x20) == 'n' && (name[at + 1] | 0x20) == 'a' && (name[at + 2] | 0x20) == 'n') return true;
  }
  return false;
}

bool listed(std::string_view name, std::span<const std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

bool is_nan(const Node& node, const RuleContext& context, int depth) {
  if (depth > kMaxDepth) return false;
  switch (node.kind) {
    case NodeKind::kCall: {
      if (name_id(call_func(node)) != "float" || call_args(node).size != 1) return false;
      std::optional<std::string_view> text = string_constant(call_args(node).items[0]);
      return text && is_nan_text(*text) && context.callee_name_view(node) == "builtins.float";
    }
    case NodeKind::kAttribute: {
      std::string_view attr = attribute_name(node);
      if (attr != "nan" && attr != "NaN" && attr != "NAN") return false;
      return listed(context.qualified_name_view(node), kNanNames);
    }
    case NodeKind::kName: {
      // Names of NaN constants say so (NAN, nan, _NaN, NAN_VALUE); others are not looked up.
      if (!mentions_nan(name_id(node))) return false;
      std::string qualified = context.qualified_name(node);
      if (!qualified.empty()) return listed(qualified, kNanNames);
      const python::Binding* binding =
          context.model().lookup(name_id(node), context.scope(), node.lineno, node.col_offset);
      if (binding == nullptr || binding->kind != python::BindingKind::kAssignment) return false;
      for (std::uint32_t index : binding->scope->bindings_of(binding->name)) {
        const python::Binding& each = binding->scope->bindings[index];
        if (each.kind != python::BindingKind::kAssignment || each.value == nullptr ||
            !is_nan(*each.value, context, depth + 1)) {
          return false;
        }
      }
      return true;
    }
    default:
      return false;
  }
}

bool is_argument_of(const Node& node, const Node& call) {
  python::NodeSpan args = call_args(call);
  return std::find(args.begin(), args.end(), &node) != args.end();
}

// How the container sees the NaN, or "" when it does not.
std::string_view container_use(const Node& nan, const RuleContext& context) {
  const Node* parent = context.parent(nan);
  if (parent == nullptr) return "";
  switch (parent->kind) {
    case NodeKind::kSet:
      return "a set element";
    case NodeKind::kDict: {
      python::NodeSpan keys = python::children_at(*parent, field_slot(NodeKind::kDict, "keys"));
      return std::find(keys.begin(), keys.end(), &nan) != keys.end() ? "a dict key" : "";
    }
    case NodeKind::kSubscript:
      return python::child_at(*parent, field_slot(NodeKind::kSubscript, "slice")) == &nan ? "a dict key" : "";
    case NodeKind::kCompare: {
      python::NodeSpan ops = python::children_at(*parent, field_slot(NodeKind::kCompare, "ops"));
      python::NodeSpan comparators =
          python::children_at(*parent, field_slot(NodeKind::kCompare, "comparators"));
      const Node* left = python::child_at(*parent, field_slot(NodeKind::kCompare, "left"));
      for (std::uint32_t index = 0; index < ops.size && index < comparators.size; ++index) {
        NodeKind op = ops.items[index]->kind;
        bool on_left = left == &nan;
        bool on_right = comparators.items[index] == &nan;
        if ((op == NodeKind::kIs || op == NodeKind::kIsNot) && (on_left || on_right)) return "an `is` test";
        if ((op == NodeKind::kIn || op == NodeKind::kNotIn) && on_left) return "an `in` test";
        left = comparators.items[index];
      }
      return "";
    }
    case NodeKind::kCall: {
      if (!is_argument_of(nan, *parent)) return "";
      std::string_view method = attribute_name(call_func(*parent));
      if (listed(method, kLookupMethods) && call_args(*parent).items[0] == &nan) return "a container look-up";
      return "";
    }
    case NodeKind::kList:
    case NodeKind::kTuple: {
      const Node* owner = context.parent(*parent);
      if (owner == nullptr || owner->kind != NodeKind::kCall || !is_argument_of(*parent, *owner)) return "";
      std::string name = context.callee_name(*owner);
      if (listed(name, kCollectors) || attribute_name(call_func(*owner)) == "fromkeys")
        return "a set or counter";
      return "";
    }
    default:
      return "";
  }
}

class NanIdentityInContainers final : public Rule {
 public:
  static constexpr NodeKind kKinds[] = {NodeKind::kCall, NodeKind::kAttribute, NodeKind::kName};
  std::span<const NodeKind> kinds() const override { return kKinds; }
  // Every NaN it follows starts at math.nan-like names or float("nan") (any case).
  static constexpr std::string_view kRequiredWords[] = {"nan"};
  std::span<const std::string_view> required_words() const override { return kRequiredWords; }
  void check(const Node& node, RuleContext& context) const override {
    // is_nan dismisses almost every node by its name alone, so it is asked before the parent.
    if (!is_nan(node, context, 0)) return;
    std::string_view use = container_use(node, context);
    if (use.empty()) return;
    // A named NaN (a variable, math.nan) is one object: containers find it by identity on both
    // interpreters. Only a fresh float("nan") differs, or an `is` test against a computed value.
    if (node.kind != NodeKind::kCall && use != "an `is` test") return;
    if (under_implementation_check(node, context)) return;
    context.report(node, fmt::format("NaN used as {}: on PyPy all NaNs are one object, so containers treat "
                                     "them as equal where CPython does not",
                                     use));
  }
};

}  // namespace

std::unique_ptr<Rule> make_nan_identity_in_containers() {
  return std::make_unique<NanIdentityInContainers>();
}

}  // namespace pypyready::scan::rules
