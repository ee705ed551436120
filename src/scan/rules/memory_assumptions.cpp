// PPY015 memory-assumptions: memory limits and thresholds tuned on CPython's footprint.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "scan/rules/code_context.h"
#include "scan/rules/rule_helpers.h"
#include "scan/rules/rules.h"

namespace pypyready::scan::rules {

const RuleInfo kMemoryAssumptions{
    .code = "PPY015",
    .name = "memory-assumptions",
    .severity = Severity::kInfo,
    .fix = FixAvailability::kNone,
    .doc = {
        .what = "Finds memory limits and thresholds: resource.setrlimit on RLIMIT_AS, RLIMIT_DATA or "
                "RLIMIT_RSS, comparisons on getrusage().ru_maxrss or psutil's memory_info().rss, and "
                "`__slots__` whose comment or class docstring says it is there to save memory.",
        .why = "PyPy starts with a larger resident set (JIT, nursery), its moving generational collector "
               "hands memory back to the OS lazily, and its map-based instances make `__slots__` save "
               "little (PyPy 7.3.11: 57 MiB at startup against 8 MiB; one million two-attribute instances "
               "take +100 MiB with or without `__slots__`, CPython +130 MiB and +84 MiB). Limits and budgets "
               "measured on CPython need re-measuring, multiplied by the number of workers.",
        .source = "https://doc.pypy.org/en/latest/gc_info.html",
        .example = "resource.setrlimit(resource.RLIMIT_AS, (512 * 2**20, 512 * 2**20))",
        .use_instead = "# measure the limit under PyPy, or make it configurable per interpreter\n"
                       "resource.setrlimit(resource.RLIMIT_AS, (limit_from_config, limit_from_config))",
    }};

namespace {

constexpr std::string_view kLimits[] = {"resource.RLIMIT_AS", "resource.RLIMIT_DATA", "resource.RLIMIT_RSS"};

bool contains_ci(std::string_view haystack, std::string_view needle) {
  return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
         }) != haystack.end();
}

// Phrases that state a memory saving as the purpose ("the memory use doesn't matter" is not one).
bool mentions_memory(std::string_view text) {
  for (std::string_view phrase :
       {"save memory", "saves memory", "saving memory", "memory saving", "reduce memory", "reduces memory",
        "less memory", "lower memory", "memory footprint", "memory efficien", "memory-efficien",
        "memory overhead", "footprint", "save space", "saves space", "saving space"}) {
    if (contains_ci(text, phrase)) return true;
  }
  return false;
}

// psutil's `proc.memory_info().rss` (also memory_full_info) or resource's `.ru_maxrss`.
bool is_memory_reading(const Node& attribute) {
  std::string_view name = attribute_name(attribute);
  if (name == "ru_maxrss") return true;
  if (name != "rss" && name != "vms" && name != "uss") return false;
  const Node& value = *python::child_at(attribute, field_slot(NodeKind::kAttribute, "value"));
  if (value.kind != NodeKind::kCall) return false;
  std::string_view method = attribute_name(call_func(value));
  return method == "memory_info" || method == "memory_full_info";
}

// The Compare the expression feeds through arithmetic and calls, within its statement.
bool feeds_comparison(const Node& node, const RuleContext& context) {
  for (const Node* ancestor = context.parent(node); ancestor != nullptr && !is_statement(ancestor->kind);
       ancestor = context.parent(*ancestor)) {
    if (ancestor->kind == NodeKind::kCompare) return true;
    if (ancestor->kind != NodeKind::kBinOp && ancestor->kind != NodeKind::kUnaryOp &&
        ancestor->kind != NodeKind::kCall) {
      return false;
    }
  }
  return false;
}

// `rss = proc.memory_info().rss` followed, in the same block, by a comparison involving `rss`.
bool assigned_then_compared(const Node& node, const RuleContext& context) {
  const Node* statement = context.parent(node);
  while (statement != nullptr && (statement->kind == NodeKind::kBinOp || statement->kind == NodeKind::kCall))
    statement = context.parent(*statement);
  if (statement == nullptr || statement->kind != NodeKind::kAssign) return false;
  python::NodeSpan targets = python::children_at(*statement, field_slot(NodeKind::kAssign, "targets"));
  if (targets.size != 1 || targets.items[0]->kind != NodeKind::kName) return false;
  std::string_view name = name_id(*targets.items[0]);
  const Node* block = context.parent(*statement);
  if (block == nullptr) return false;
  bool found = false;
  bool after = false;
  walk_subtree(*block, 2048, [&](const Node& each) {
    if (found) return false;
    if (&each == statement) {
      after = true;
      return false;
    }
    if (each.kind == NodeKind::kCompare && after) {
      walk_subtree(each, 64, [&](const Node& operand) {
        if (name_id(operand) == name) found = true;
        return !found;
      });
      return false;
    }
    return &each == block || !opens_definition(each);
  });
  return found;
}

// `__slots__ = ...` in a class body with a comment above or beside it, or a class docstring,
// that says it saves memory.
bool slots_for_memory(const Node& assign, const RuleContext& context) {
  const Node* owner = context.parent(assign);
  if (owner == nullptr || owner->kind != NodeKind::kClassDef) return false;
  for (std::uint32_t line = assign.lineno; line <= assign.end_lineno; ++line) {
    std::string_view text = context.lines().line_text(line);
    std::size_t hash = text.find('#');
    if (hash != std::string_view::npos && mentions_memory(text.substr(hash))) return true;
  }
  // Up to three comment lines right above.
  for (std::uint32_t line = assign.lineno - 1; line > 0 && line + 3 >= assign.lineno; --line) {
    std::string_view text = context.lines().line_text(line);
    std::size_t first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos || text[first] != '#') break;
    if (mentions_memory(text)) return true;
  }
  python::NodeSpan body = python::children_at(*owner, field_slot(NodeKind::kClassDef, "body"));
  if (body.size > 0 && body.items[0]->kind == NodeKind::kExpr) {
    std::optional<std::string_view> doc =
        string_constant(python::child_at(*body.items[0], field_slot(NodeKind::kExpr, "value")));
    if (doc && mentions_memory(*doc) && contains_ci(*doc, "slots")) return true;
  }
  return false;
}

// `setrlimit(RLIMIT_AS, self._old_limit)`: putting back what was there before.
bool restores_saved_limit(const Node* limits, const RuleContext& context) {
  if (limits == nullptr || (limits->kind != NodeKind::kName && limits->kind != NodeKind::kAttribute))
    return false;
  std::string_view text = context.text_of(*limits);
  return contains_ci(text, "old") || contains_ci(text, "orig") || contains_ci(text, "prev") ||
         contains_ci(text, "saved");
}

class MemoryAssumptions final : public Rule {
 public:
  static constexpr NodeKind kKinds[] = {NodeKind::kCall, NodeKind::kAttribute, NodeKind::kAssign};
  std::span<const NodeKind> kinds() const override { return kKinds; }
  // Every finding needs one of these in the file: a call reported resolves to
  // resource.setrlimit, so the file names `setrlimit` (an import, an attribute or a getattr
  // string); a memory reading is an attribute of one of the four names; a slots finding
  // assigns the Name `__slots__`.
  static constexpr std::string_view kRequiredWords[] = {"setrlimit", "ru_maxrss", "rss",
                                                        "vms",       "uss",       "__slots__"};
  std::span<const std::string_view> required_words() const override { return kRequiredWords; }
  void check(const Node& node, RuleContext& context) const override {
    switch (node.kind) {
      case NodeKind::kCall: {
        const Node& callee = call_func(node);
        if (attribute_name(callee) != "setrlimit" && !is_imported_name(callee, context)) return;
        if (context.callee_name_view(node) != "resource.setrlimit") return;
        const Node* which = argument(node, 0, "resource");
        if (which == nullptr) return;
        std::string limit = context.qualified_name(*which);
        if (std::find(std::begin(kLimits), std::end(kLimits), limit) == std::end(kLimits)) return;
        if (restores_saved_limit(argument(node, 1, "limits"), context)) return;
        context.report(node,
                       fmt::format("`{}` limit sized on CPython: PyPy's baseline memory is several times "
                                   "larger and it returns freed memory to the OS lazily",
                                   limit.substr(limit.find('.') + 1)));
        return;
      }
      case NodeKind::kAttribute: {
        if (!is_memory_reading(node)) return;
        if (!feeds_comparison(node, context) && !assigned_then_compared(node, context)) return;
        context.report(node, fmt::format("threshold on `{}` measured on CPython: PyPy's resident memory "
                                         "starts higher and shrinks later",
                                         attribute_name(node)));
        return;
      }
      case NodeKind::kAssign: {
        python::NodeSpan targets = python::children_at(node, field_slot(NodeKind::kAssign, "targets"));
        if (targets.size != 1 || name_id(*targets.items[0]) != "__slots__") return;
        if (!slots_for_memory(node, context)) return;
        context.report(node,
                       "`__slots__` to save memory: PyPy's instances are compact without it, so the "
                       "expected saving does not materialise there");
        return;
      }
      default:
        return;
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_memory_assumptions() {
  return std::make_unique<MemoryAssumptions>();
}

}  // namespace pypyready::scan::rules
