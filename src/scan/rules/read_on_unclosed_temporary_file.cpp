// PPY002 read-on-unclosed-temporary-file: reading through a file object nobody closes.
#include <fmt/format.h>

#include "scan/rules/open_calls.h"
#include "scan/rules/rules.h"

namespace pypyready::scan::rules {

const RuleInfo kReadOnUnclosedTemporaryFile{
    .code = "PPY002",
    .name = "read-on-unclosed-temporary-file",
    .severity = Severity::kWarning,
    .fix = FixAvailability::kSometimes,
    .doc = {
        .what =
            "Finds reads through a file object that is never bound: `open(p).read()`, `.readlines()`, "
            "`.readline()`, `for line in open(p)`, comprehensions over `open(p)`, and `json.load(open(p))`, "
            "`pickle.load`, `yaml.safe_load`, `csv.reader`, `list(open(p))` and similar consumers.",
        .why =
            "The file descriptor stays open until PyPy's garbage collector runs; in a loop this exhausts the "
            "descriptor limit (PyPy 7.3.11: +200 open descriptors after 200 reads, EMFILE at iteration 60 "
            "with `ulimit -n 64`; CPython +0).",
        .source = "https://doc.pypy.org/en/latest/"
                  "cpython_differences.html#differences-related-to-garbage-collection-strategies",
        .example = "config = json.load(open(path))",
        .use_instead =
            "with open(path) as f:\n    config = json.load(f)\n# or: text = pathlib.Path(path).read_text()",
    }};

namespace {

constexpr std::string_view kReadMethods[] = {"read", "readlines", "readline"};
constexpr std::string_view kConsumers[] = {
    "json.load",          "pickle.load",   "marshal.load",   "yaml.load",     "yaml.safe_load",
    "yaml.full_load",     "tomllib.load",  "tomli.load",     "plistlib.load", "csv.reader",
    "csv.DictReader",     "builtins.list", "builtins.tuple", "builtins.set",  "builtins.sorted",
    "builtins.enumerate", "builtins.iter", "builtins.next",  "builtins.zip",  "builtins.frozenset",
    "builtins.dict",      "builtins.len",  "builtins.sum",   "builtins.any",  "builtins.all",
    "builtins.max",       "builtins.min"};

constexpr NodeKind kKinds[] = {NodeKind::kCall, NodeKind::kFor, NodeKind::kAsyncFor,
                               NodeKind::kComprehension};

std::optional<Fix> read_fix(const Node& call, const Node& open_call, RuleContext& context) {
  if (opener_of(open_call, context) != Opener::kBuiltinOpen) return std::nullopt;
  if (attribute_name(call_func(call)) != "read" || call_args(call).size != 0 ||
      call_keywords(call).size != 0) {
    return std::nullopt;
  }
  std::optional<std::string_view> mode = open_mode(open_call);
  if (!mode || !open_has_only(open_call, {"encoding", "errors"})) return std::nullopt;
  if (*mode == "rb") {
    if (!open_has_only(open_call, {})) return std::nullopt;
    return pathlib_fix(call, open_call, "read_bytes", "", context);
  }
  if (*mode != "r" && *mode != "rt") return std::nullopt;
  std::string arguments;
  for (std::string_view keyword : {"encoding", "errors"}) {
    if (const Node* value = keyword_value(open_call, keyword)) {
      if (!arguments.empty()) arguments += ", ";
      arguments += fmt::format("{}={}", keyword, context.text_of(*value));
    }
  }
  return pathlib_fix(call, open_call, "read_text", arguments, context);
}

class ReadOnUnclosedTemporaryFile final : public Rule {
 public:
  std::span<const NodeKind> kinds() const override { return kKinds; }
  // Every finding starts at an opener (opener_of()), whose callee ends with one of these.
  static constexpr std::string_view kRequiredWords[] = {"open", "fdopen", "urlopen"};
  std::span<const std::string_view> required_words() const override { return kRequiredWords; }
  void check(const Node& node, RuleContext& context) const override {
    switch (node.kind) {
      case NodeKind::kFor:
      case NodeKind::kAsyncFor: {
        const Node& iter = *python::child_at(node, field_slot(NodeKind::kFor, "iter"));
        if (opener_of(iter, context) != Opener::kNone) {
          context.report(
              iter,
              "iterating over a file that is never closed: on PyPy it stays open until the garbage "
              "collector runs");
        }
        return;
      }
      case NodeKind::kComprehension: {
        const Node& iter = *python::child_at(node, field_slot(NodeKind::kComprehension, "iter"));
        if (opener_of(iter, context) != Opener::kNone) {
          context.report(iter,
                         "a comprehension over a file that is never closed: on PyPy it stays open until the "
                         "garbage collector runs");
        }
        return;
      }
      default:
        check_call(node, context);
        return;
    }
  }

 private:
  static void check_call(const Node& call, RuleContext& context) {
    const Node& callee = call_func(call);
    std::string_view method = attribute_name(callee);
    for (std::string_view read : kReadMethods) {
      if (method != read) continue;
      const Node& receiver = *python::child_at(callee, field_slot(NodeKind::kAttribute, "value"));
      if (opener_of(receiver, context) == Opener::kNone) return;
      context.report(
          call,
          fmt::format("`.{}()` on a file that is never closed: on PyPy the descriptor stays open until "
                      "the garbage collector runs",
                      method),
          read_fix(call, receiver, context));
      return;
    }
    python::NodeSpan args = call_args(call);
    if (args.size == 0 || opener_of(*args.items[0], context) == Opener::kNone) return;
    std::string name = context.callee_name(call);
    for (std::string_view consumer : kConsumers) {
      if (name != consumer) continue;
      std::optional<std::string_view> mode = open_mode(*args.items[0]);
      if (mode && mode->find_first_of("wax") != std::string_view::npos) return;
      context.report(*args.items[0],
                     fmt::format("`{}` reads a file that is never closed: on PyPy the descriptor "
                                 "stays open until the garbage collector runs",
                                 name.starts_with("builtins.") ? name.substr(9) : name));
      return;
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_read_on_unclosed_temporary_file() {
  return std::make_unique<ReadOnUnclosedTemporaryFile>();
}

}  // namespace pypyready::scan::rules
