// PPY038 fork-and-worker-memory: forking and process pools, where each PyPy worker costs more
// memory and warms its own JIT, and gc.freeze() is missing.
#include <fmt/format.h>

#include "scan/rules/rule_helpers.h"
#include "scan/rules/rules.h"

namespace pypyready::scan::rules {

const RuleInfo kForkAndWorkerMemory{
    .code = "PPY038",
    .name = "fork-and-worker-memory",
    .severity = Severity::kInfo,
    .fix = FixAvailability::kNone,
    .doc = {
        .what = "Finds os.fork/os.forkpty, the \"fork\" start method (multiprocessing.set_start_method/"
                "get_context), process pools sized by the CPU count (multiprocessing.Pool and "
                "concurrent.futures.ProcessPoolExecutor without a size, with os.cpu_count(), or with a "
                "constant of 8 or more), and gc.freeze() (the copy-on-write trick for forked workers).",
        .why = "Not a correctness difference, but a cost one: every PyPy process starts with a bigger heap "
               "and warms up its own JIT, and gc.freeze() does not exist on PyPy (PyPy 7.3.11: 57 MiB "
               "baseline RSS per process against 8 MiB for CPython 3.11).",
        .source = "https://doc.pypy.org/en/latest/gc_info.html",
        .example = "with ProcessPoolExecutor() as pool:\n    results = list(pool.map(work, items))",
        .use_instead =
            "with ProcessPoolExecutor(max_workers=4) as pool:  # size for PyPy's per-process memory\n"
            "    results = list(pool.map(work, items))",
    }};

namespace {

constexpr NodeKind kKinds[] = {NodeKind::kCall};
constexpr std::int64_t kManyWorkers = 8;

bool is_cpu_count(const Node& node, RuleContext& context) {
  bool found = false;
  std::vector<const Node*> pending{&node};
  int budget = 32;
  while (!pending.empty() && budget-- > 0 && !found) {
    const Node* current = pending.back();
    pending.pop_back();
    if (current->kind == NodeKind::kCall) {
      std::string name = context.callee_name(*current);
      found = name == "os.cpu_count" || name == "multiprocessing.cpu_count" ||
              name == "os.sched_getaffinity" || name == "os.process_cpu_count";
      for (const Node* arg : call_args(*current))
        pending.push_back(arg);
    } else if (current->kind == NodeKind::kBinOp) {
      pending.push_back(python::child_at(*current, field_slot(NodeKind::kBinOp, "left")));
      pending.push_back(python::child_at(*current, field_slot(NodeKind::kBinOp, "right")));
    }
  }
  return found;
}

// Why a pool size means many workers, or "" when it may be small.
std::string many_workers(const Node* size, RuleContext& context) {
  if (size == nullptr) return "one worker per CPU by default";
  if (size->kind == NodeKind::kConstant) {
    const python::ConstantValue* value = size->slot(field_slot(NodeKind::kConstant, "value")).constant;
    if (value->kind == python::ConstantKind::kNone) return "one worker per CPU";
    if (value->kind == python::ConstantKind::kInt &&
        (value->text.size() > 6 || std::stoll(std::string(value->text)) >= kManyWorkers)) {
      return fmt::format("{} workers", value->text);
    }
    return {};
  }
  if (is_cpu_count(*size, context)) return "workers sized by the CPU count";
  return {};
}

class ForkAndWorkerMemory final : public Rule {
 public:
  std::span<const NodeKind> kinds() const override { return kKinds; }
  // Every finding is at a call whose callee (a Name or an attribute) has one of these names.
  static constexpr std::string_view kRequiredWords[] = {
      "fork", "forkpty", "set_start_method", "get_context", "Pool", "ProcessPoolExecutor", "freeze"};
  std::span<const std::string_view> required_words() const override { return kRequiredWords; }
  void check(const Node& node, RuleContext& context) const override {
    const Node& callee = call_func(node);
    std::string_view last = callee.kind == NodeKind::kName ? name_id(callee) : attribute_name(callee);
    if (last != "fork" && last != "forkpty" && last != "set_start_method" && last != "get_context" &&
        last != "Pool" && last != "ProcessPoolExecutor" && last != "freeze") {
      return;
    }
    std::string name = context.callee_name(node);
    if (name == "os.fork" || name == "os.forkpty") {
      context.report(node, fmt::format("`{}`: each PyPy child carries PyPy's larger heap and its own JIT "
                                       "warm-up",
                                       name));
    } else if (name == "multiprocessing.set_start_method" || name == "multiprocessing.get_context" ||
               name == "multiprocessing.context.BaseContext.get_context") {
      if (string_constant(argument(node, 0, "method")) != "fork") return;
      context.report(node,
                     "fork start method: each PyPy worker carries PyPy's larger heap and warms up its "
                     "own JIT");
    } else if (name == "multiprocessing.Pool" || name == "multiprocessing.pool.Pool") {
      report_pool(node, argument(node, 0, "processes"), context);
    } else if (name == "concurrent.futures.ProcessPoolExecutor" ||
               name == "concurrent.futures.process.ProcessPoolExecutor") {
      report_pool(node, argument(node, 0, "max_workers"), context);
    } else if (name == "gc.freeze") {
      if (context.is_guarded(node)) return;
      context.report(node,
                     "`gc.freeze()` keeps forked workers' pages shared on CPython; PyPy has no "
                     "gc.freeze, so each worker's memory grows on its own");
    }
  }

 private:
  static void report_pool(const Node& call, const Node* size, RuleContext& context) {
    for (const Node* arg : call_args(call)) {
      if (arg->kind == NodeKind::kStarred) return;
    }
    for (const Node* keyword : call_keywords(call)) {
      if (python::ident_at(*keyword, field_slot(NodeKind::kKeyword, "arg")).empty()) return;  // **options
    }
    std::string why = many_workers(size, context);
    if (why.empty()) return;
    context.report(call,
                   fmt::format("process pool with {}: each PyPy worker needs more memory than a CPython "
                               "one (larger heap, own JIT warm-up)",
                               why));
  }
};

}  // namespace

std::unique_ptr<Rule> make_fork_and_worker_memory() {
  return std::make_unique<ForkAndWorkerMemory>();
}

}  // namespace pypyready::scan::rules
