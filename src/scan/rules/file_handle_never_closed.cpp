// PPY003 file-handle-never-closed: a file object bound to a name or attribute and never closed.
#include <fmt/format.h>

#include "scan/rules/code_context.h"
#include "scan/rules/open_calls.h"
#include "scan/rules/resource_ownership.h"
#include "scan/rules/rule_helpers.h"
#include "scan/rules/rules.h"

namespace pypyready::scan::rules {

const RuleInfo kFileHandleNeverClosed{
    .code = "PPY003",
    .name = "file-handle-never-closed",
    .severity = Severity::kWarning,
    .fix = FixAvailability::kNone,
    .doc = {
        .what = "Finds files opened into a name or attribute (`f = open(p)`, `self.log = open(p, \"a\")`) "
                "that the function, or for attributes the module, never closes: no `f.close()`, no "
                "`with f`, no `contextlib.closing(f)` or `ExitStack.enter_context(f)`, and the file is not "
                "returned, yielded or handed to another owner. A file closed only on the normal path "
                "(an exception before `close()` skips it) is reported as info; a file rebound in a loop "
                "is the worst case.",
        .why = "CPython closes a file as soon as its last reference goes; PyPy only when the garbage "
               "collector runs, so descriptors pile up and buffered data reaches the disk late "
               "(PyPy 7.3.11 with `ulimit -n 64`: `OSError: [Errno 24] Too many open files` at iteration "
               "60 of a loop rebinding `f = open(p)`; CPython completes 2000 iterations).",
        .source = "https://doc.pypy.org/en/latest/"
                  "cpython_differences.html#differences-related-to-garbage-collection-strategies",
        .example = "for path in paths:\n    f = open(path)\n    total += len(f.read())",
        .use_instead = "for path in paths:\n    with open(path) as f:\n        total += len(f.read())",
    }};

namespace {

constexpr std::string_view kCloseMethods[] = {"close", "detach"};
constexpr ReleaseSpec kFileSpec{kCloseMethods, true};

class FileHandleNeverClosed final : public Rule {
 public:
  static constexpr NodeKind kKinds[] = {NodeKind::kCall};
  std::span<const NodeKind> kinds() const override { return kKinds; }
  // Every finding starts at an opener (opener_of()), whose callee ends with one of these.
  static constexpr std::string_view kRequiredWords[] = {"open", "fdopen", "urlopen"};
  std::span<const std::string_view> required_words() const override { return kRequiredWords; }
  void check(const Node& call, RuleContext& context) const override {
    Opener opener = opener_of(call, context);
    // urlopen responses belong to PPY004; unbound reads and writes to PPY001/PPY002.
    if (opener == Opener::kNone || opener == Opener::kUrlopen) return;
    if (expected_to_raise(call, context, false) || mocked_by_patch(call, "open", context)) return;
    Ownership owner = trace_ownership(call, kFileSpec, context);
    switch (owner.fate) {
      case Fate::kNeverReleased:
        if (under_implementation_check(call, context)) return;
        context.report(call, context.in_loop(call) && owner.holder.find('.') == std::string::npos
                                 ? fmt::format("`{}` is rebound to a new file on every iteration and never "
                                               "closed: on PyPy the descriptors stay open until the garbage "
                                               "collector runs, which can exhaust the descriptor limit",
                                               owner.holder)
                                 : fmt::format("file `{}` is never closed: on PyPy it stays open (and its "
                                               "buffer unflushed) until the garbage collector runs",
                                               owner.holder));
        return;
      case Fate::kReleasedUnsafely:
        if (under_implementation_check(call, context)) return;
        context.report(call,
                       fmt::format("file `{}` is closed only when no exception occurs before `close()`: use "
                                   "`with` so PyPy does not keep it open until the garbage collector runs",
                                   owner.holder),
                       std::nullopt, Severity::kInfo);
        return;
      case Fate::kReleasedInDel:
        if (under_implementation_check(call, context)) return;
        context.report(call,
                       fmt::format("file `{}` is closed only in `__del__`, which PyPy runs late or never: "
                                   "close it in an explicit close() or __exit__",
                                   owner.holder),
                       std::nullopt, Severity::kInfo);
        return;
      case Fate::kDropped:
        if (!owner.method.empty() || expected_to_raise(call, context, true) ||
            under_implementation_check(call, context)) {
          return;
        }
        context.report(call,
                       "a file is opened and dropped: PyPy closes it only when the garbage collector runs");
        return;
      case Fate::kReleased:
      case Fate::kEscapes:
        return;
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_file_handle_never_closed() {
  return std::make_unique<FileHandleNeverClosed>();
}

}  // namespace pypyready::scan::rules
