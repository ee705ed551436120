// PPY006 cleanup-relies-on-del: resources released only in __del__.
#include <fmt/format.h>

#include "scan/rules/rule_helpers.h"
#include "scan/rules/rules.h"

namespace pypyready::scan::rules {

const RuleInfo kCleanupReliesOnDel{
    .code = "PPY006",
    .name = "cleanup-relies-on-del",
    .severity = Severity::kWarning,
    .fix = FixAvailability::kNone,
    .doc = {
        .what = "Finds `__del__` methods that release resources: close/release/unlink/remove/flush/shutdown/"
                "terminate/kill/join/unlock/rollback/commit calls, or os/shutil clean-up. Info when the "
                "class also "
                "offers close() or a context manager; `__del__` that only logs is not reported.",
        .why =
            "`__del__` runs when the object is collected: at once on CPython, some time later on PyPy, and "
            "PyPy "
            "runs no final collection at exit (PyPy 7.3.11: `del h` does not run `__del__`; a module-global "
            "object's `__del__` never runs).",
        .source = "https://doc.pypy.org/en/latest/"
                  "cpython_differences.html#differences-related-to-garbage-collection-strategies",
        .example = "class Conn:\n    def __del__(self):\n        self.sock.close()",
        .use_instead =
            "class Conn:\n    def close(self):\n        self.sock.close()\n    def __enter__(self):\n"
            "        return self\n    def __exit__(self, *exc):\n        self.close()",
    }};

namespace {

constexpr std::string_view kCleanupMethods[] = {"close",    "release",   "unlink", "remove",     "flush",
                                                "shutdown", "terminate", "kill",   "join",       "unlock",
                                                "rollback", "commit",    "rmtree", "disconnect", "cleanup"};

// The first clean-up call in a function body, skipping nested functions and classes.
const Node* first_cleanup_call(const Node& function) {
  std::vector<const Node*> pending;
  for (const Node* statement : python::children_at(function, field_slot(NodeKind::kFunctionDef, "body"))) {
    pending.push_back(statement);
  }
  std::reverse(pending.begin(), pending.end());
  int budget = 4096;
  while (!pending.empty() && budget-- > 0) {
    const Node* node = pending.back();
    pending.pop_back();
    if (node->kind == NodeKind::kFunctionDef || node->kind == NodeKind::kAsyncFunctionDef ||
        node->kind == NodeKind::kClassDef || node->kind == NodeKind::kLambda) {
      continue;
    }
    if (node->kind == NodeKind::kCall) {
      std::string_view method = attribute_name(call_func(*node));
      for (std::string_view cleanup : kCleanupMethods) {
        if (method == cleanup) return node;
      }
    }
    const python::NodeInfo& info = python::node_info(node->kind);
    for (int field = info.field_count - 1; field >= 0; --field) {
      if (info.fields[field].shape == python::FieldShape::kNode ||
          info.fields[field].shape == python::FieldShape::kOptNode) {
        const Node* child = python::child_at(*node, field);
        if (child != nullptr && !(child->kind >= NodeKind::kLoad && child->kind <= NodeKind::kNotIn))
          pending.push_back(child);
      } else if (info.fields[field].shape == python::FieldShape::kList) {
        python::NodeSpan children = python::children_at(*node, field);
        for (std::uint32_t index = children.size; index > 0; --index) {
          const Node* child = children.items[index - 1];
          if (child != nullptr && !(child->kind >= NodeKind::kLoad && child->kind <= NodeKind::kNotIn))
            pending.push_back(child);
        }
      }
    }
  }
  return nullptr;
}

bool class_has_explicit_close(const Node& class_def) {
  for (const Node* statement : python::children_at(class_def, field_slot(NodeKind::kClassDef, "body"))) {
    if (statement->kind != NodeKind::kFunctionDef && statement->kind != NodeKind::kAsyncFunctionDef) continue;
    std::string_view name = python::ident_at(*statement, field_slot(NodeKind::kFunctionDef, "name"));
    if (name == "close" || name == "__exit__" || name == "__aexit__" || name == "release" ||
        name == "shutdown") {
      return true;
    }
  }
  return false;
}

class CleanupReliesOnDel final : public Rule {
 public:
  static constexpr NodeKind kKinds[] = {NodeKind::kFunctionDef};
  std::span<const NodeKind> kinds() const override { return kKinds; }
  void check(const Node& node, RuleContext& context) const override {
    if (python::ident_at(node, field_slot(NodeKind::kFunctionDef, "name")) != "__del__") return;
    const Node* owner = context.parent(node);
    if (owner == nullptr || owner->kind != NodeKind::kClassDef) return;
    const Node* cleanup = first_cleanup_call(node);
    if (cleanup == nullptr) return;
    bool explicit_close = class_has_explicit_close(*owner);
    std::string message = fmt::format(
        "`__del__` releases resources (`.{}()`): on PyPy it runs late or never, so the resource stays held",
        attribute_name(call_func(*cleanup)));
    if (explicit_close) message += " (the class also has an explicit close: make sure callers use it)";
    context.report(node, std::move(message), std::nullopt,
                   explicit_close ? std::optional<Severity>(Severity::kInfo) : std::nullopt);
  }
};

}  // namespace

std::unique_ptr<Rule> make_cleanup_relies_on_del() {
  return std::make_unique<CleanupReliesOnDel>();
}

}  // namespace pypyready::scan::rules
