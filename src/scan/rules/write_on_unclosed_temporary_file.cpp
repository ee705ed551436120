// PPY001 write-on-unclosed-temporary-file: data written through a file object nobody closes.
#include <fmt/format.h>

#include <array>

#include "scan/rules/name_shapes.h"
#include "scan/rules/open_calls.h"
#include "scan/rules/rules.h"

namespace pypyready::scan::rules {

const RuleInfo kWriteOnUnclosedTemporaryFile{
    .code = "PPY001",
    .name = "write-on-unclosed-temporary-file",
    .severity = Severity::kError,
    .fix = FixAvailability::kSometimes,
    .doc = {
        .what = "Finds writes through a file object that is never bound, so never closed: `open(p, "
                "\"w\").write(x)`, "
                "`.writelines/.truncate/.flush` on it, and `print(..., file=open(...))`, `json.dump(obj, "
                "open(...))`, "
                "`pickle.dump`, `csv.writer(open(...))`, `shutil.copyfileobj(src, open(...))`.",
        .why =
            "CPython closes and flushes the file as soon as the expression ends; PyPy only when the garbage "
            "collector runs, so a reader that follows sees missing data (PyPy 7.3.11: 0 bytes on disk right "
            "after the write, 10 on CPython).",
        .source = "https://www.pypy.org/compat.html",
        .example = "open(out_path, \"w\").write(report)",
        .use_instead = "pathlib.Path(out_path).write_text(report)\n# or: with open(out_path, \"w\") as f: "
                       "f.write(report)",
    }};

namespace {

constexpr std::string_view kWriteMethods[] = {"write", "writelines", "truncate", "flush"};
// Calls that write to the file passed at this argument position.
struct Consumer {
  std::string_view name;
  int position;
  std::string_view keyword;
};
constexpr Consumer kConsumers[] = {{"json.dump", 1, "fp"},      {"pickle.dump", 1, "file"},
                                   {"marshal.dump", 1, "file"}, {"csv.writer", 0, "csvfile"},
                                   {"csv.DictWriter", 0, "f"},  {"shutil.copyfileobj", 1, "fdst"},
                                   {"yaml.dump", 1, "stream"},  {"yaml.safe_dump", 1, "stream"},
                                   {"plistlib.dump", 1, "fp"},  {"tomli_w.dump", 1, "fp"}};
// The last components of the consumers' names: every call is compared with them, and most
// callees differ from all of them in length or end bytes.
constexpr auto kConsumerLastComponents = [] {
  std::array<std::string_view, std::size(kConsumers)> lasts{};
  for (std::size_t i = 0; i < lasts.size(); ++i)
    lasts[i] = kConsumers[i].name.substr(kConsumers[i].name.rfind('.') + 1);
  return lasts;
}();
constexpr NameShapes kConsumerShapes{kConsumerLastComponents};

std::optional<Fix> write_fix(const Node& call, const Node& open_call, RuleContext& context) {
  if (opener_of(open_call, context) != Opener::kBuiltinOpen) return std::nullopt;
  if (attribute_name(call_func(call)) != "write" || call_args(call).size != 1 ||
      call_keywords(call).size != 0) {
    return std::nullopt;
  }
  if (call_args(call).items[0]->kind == NodeKind::kStarred) return std::nullopt;
  std::optional<std::string_view> mode = open_mode(open_call);
  if (!mode || !open_has_only(open_call, {"encoding"})) return std::nullopt;
  std::string data(context.text_of(*call_args(call).items[0]));
  if (*mode == "wb") return pathlib_fix(call, open_call, "write_bytes", data, context);
  if (*mode != "w" && *mode != "wt") return std::nullopt;
  if (const Node* encoding = keyword_value(open_call, "encoding")) {
    data += fmt::format(", encoding={}", context.text_of(*encoding));
  }
  return pathlib_fix(call, open_call, "write_text", data, context);
}

bool is_write_mode(const Node& open_call) {
  std::optional<std::string_view> mode = open_mode(open_call);
  return !mode || mode->find_first_of("wax+") != std::string_view::npos;
}

class WriteOnUnclosedTemporaryFile final : public Rule {
 public:
  static constexpr NodeKind kKinds[] = {NodeKind::kCall};
  std::span<const NodeKind> kinds() const override { return kKinds; }
  // Every finding starts at an opener (opener_of()), whose callee ends with one of these.
  static constexpr std::string_view kRequiredWords[] = {"open", "fdopen", "urlopen"};
  std::span<const std::string_view> required_words() const override { return kRequiredWords; }
  void check(const Node& call, RuleContext& context) const override {
    const Node& callee = call_func(call);
    std::string_view method = attribute_name(callee);
    for (std::string_view write : kWriteMethods) {
      if (method != write) continue;
      const Node& receiver = *python::child_at(callee, field_slot(NodeKind::kAttribute, "value"));
      Opener opener = opener_of(receiver, context);
      if (opener == Opener::kNone || opener == Opener::kUrlopen) return;
      context.report(
          call,
          fmt::format("`.{}()` on a file that is never closed: on PyPy the data may reach the disk only "
                      "when the garbage collector runs",
                      method),
          write_fix(call, receiver, context));
      return;
    }
    check_consumers(call, context);
  }

 private:
  static void check_consumers(const Node& call, RuleContext& context) {
    std::string_view last = callee_last(call);
    if (last == "print") {
      const Node* file = keyword_value(call, "file");
      if (file != nullptr && opener_of(*file, context) != Opener::kNone &&
          context.callee_name_view(call) == "builtins.print") {
        context.report(*file,
                       "print() to a file that is never closed: on PyPy the text may reach the disk only "
                       "when the garbage collector runs");
      }
      return;
    }
    if (!kConsumerShapes.may_contain(last)) return;
    for (const Consumer& consumer : kConsumers) {
      // Checked on every call: compare the tail in place rather than search for the dot.
      if (!last_component_is(consumer.name, last)) continue;
      const Node* file = argument(call, static_cast<std::size_t>(consumer.position), consumer.keyword);
      if (file == nullptr || opener_of(*file, context) == Opener::kNone || !is_write_mode(*file)) continue;
      if (context.callee_name_view(call) != consumer.name) continue;
      context.report(*file,
                     fmt::format("`{}` writes to a file that is never closed: on PyPy the data may reach the "
                                 "disk only when the garbage collector runs",
                                 consumer.name));
      return;
    }
  }

  static std::string_view callee_last(const Node& call) {
    const Node& callee = call_func(call);
    return callee.kind == NodeKind::kName ? name_id(callee) : attribute_name(callee);
  }
};

}  // namespace

std::unique_ptr<Rule> make_write_on_unclosed_temporary_file() {
  return std::make_unique<WriteOnUnclosedTemporaryFile>();
}

}  // namespace pypyready::scan::rules
