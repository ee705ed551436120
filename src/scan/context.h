#pragma once
// What a rule sees while it checks one node: the file, the semantic model, the node's scope,
// parents for bounded upward look-ups, guard detection, and report() to record findings.

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "python/ast.h"
#include "python/semantic_model.h"
#include "scan/finding.h"
#include "scan/line_index.h"
#include "scan/rule.h"
#include "scan/scan_settings.h"

namespace pypyready::scan {

/// The per-file view handed to rules. The engine sets the current rule and scope before each
/// call to Rule::check.
class RuleContext {
 public:
  RuleContext(std::string_view path, std::string_view source, const python::SemanticModel& model,
              const LineIndex& lines, std::vector<Finding>& out,
              const ScanSettings& settings = ScanSettings{});

  std::string_view path() const { return path_; }
  std::string_view source() const { return source_; }
  const python::SemanticModel& model() const { return model_; }
  const python::Scope& scope() const { return *scope_; }
  const LineIndex& lines() const { return lines_; }
  const ScanSettings& settings() const { return settings_; }

  /// The node's parent (nullptr for the module and for nodes of another tree).
  const python::Node* parent(const python::Node& node) const { return model_.parent_of(node); }
  /// The nearest ancestor that is a statement (or the node itself when it is one).
  const python::Node* enclosing_statement(const python::Node& node) const;

  /// Qualified name of an expression in the current scope ("" when not imported/builtin).
  std::string qualified_name(const python::Node& expression) const;
  /// Qualified name of what a Call calls; also `getattr(mod, "name")` with a constant name
  /// and no default resolves to "mod.name".
  std::string callee_name(const python::Node& call) const;
  /// The same answers without a copy, for checks made on every node: the view is valid until
  /// the next name query on this context.
  std::string_view qualified_name_view(const python::Node& expression) const {
    return cached_name(expression, false);
  }
  std::string_view callee_name_view(const python::Node& call) const { return cached_name(call, true); }

  /// Whether the node runs only under a guard: inside the body of a try whose handlers catch
  /// AttributeError/ImportError/..., or under an if/while/ternary/and whose test checks
  /// hasattr/getattr, the implementation (platform.python_implementation, sys.implementation,
  /// pypy_version_info, __pypy__, IS_PYPY-style names) or TYPE_CHECKING.
  bool is_guarded(const python::Node& node) const;
  /// Whether the node runs only under a test of the Python version: an if/while/ternary/and
  /// (either branch) whose test reads sys.version_info, sys.hexversion, sys.version or a
  /// module-level flag assigned from one (`PY310 = sys.version_info >= (3, 10)`).
  bool is_version_guarded(const python::Node& node) const;
  /// Whether the node lies in a test that never runs on PyPy: a function or class marked
  /// `@cpython_only`/`@refcount_test`/`@impl_detail` or skipped by a skipIf/skipUnless/skipif on
  /// an API or implementation test, or after `import_helper.import_module("_test...")`.
  bool in_test_skipped_on_pypy(const python::Node& node) const;
  /// Whether the node lies inside a for/while body (or a comprehension) of its function.
  bool in_loop(const python::Node& node) const;

  /// The source text a node spans.
  std::string_view text_of(const python::Node& node) const;
  Location begin_of(const python::Node& node) const;
  Location end_of(const python::Node& node) const;

  /// Records a finding of the current rule over `node`'s range; returns it for extra data.
  Finding& report(const python::Node& node, std::string message, std::optional<Fix> fix = std::nullopt,
                  std::optional<Severity> severity = std::nullopt);

  void set_current(const RuleInfo* rule, const python::Scope* scope) {
    rule_ = rule;
    scope_ = scope;
  }
  /// The halves of set_current(): the engine sets the scope once per node and the rule once
  /// per call, the dispatch running some millions of times over a large tree.
  void set_scope(const python::Scope* scope) { scope_ = scope; }
  void set_rule(const RuleInfo* rule) { rule_ = rule; }
  /// The engine's word gate for this file: bit b of `open` says whether the file holds a word
  /// of gate b; the current rule's word groups are gates `first_group` onwards.
  void set_open_words(std::uint64_t open) { open_words_ = open; }
  void set_rule(const RuleInfo* rule, std::uint8_t first_group) {
    rule_ = rule;
    first_group_ = first_group;
  }
  /// Whether the file holds a word of the current rule's word group `group` (true when the
  /// engine did not gate it).
  bool words_present(std::size_t group) const {
    std::size_t bit = first_group_ + group;
    return bit >= 64 || ((open_words_ >> bit) & 1U) != 0;
  }

  /// What rules::api_use() learnt about the node it was last asked about, so the ten or so
  /// rules that ask about every Name, Attribute and Call share one look at it.
  struct ApiUseMemo {
    const python::Node* node = nullptr;
    const python::Scope* scope = nullptr;
    bool candidate = false;  ///< a use that some API list may match
    bool resolved = false;   ///< `qualified` is filled
    std::string_view last;   ///< attribute name or getattr string ("" for a Name)
    std::string qualified;
  };
  ApiUseMemo& api_use_memo() const { return api_use_memo_; }

 private:
  std::string_view path_;
  std::string_view source_;
  const python::SemanticModel& model_;
  const LineIndex& lines_;
  std::vector<Finding>& out_;
  ScanSettings settings_;
  const RuleInfo* rule_ = nullptr;
  const python::Scope* scope_ = nullptr;
  std::uint64_t open_words_ = ~std::uint64_t{0};
  std::uint8_t first_group_ = 64;  ///< no groups gated

  // Many rules ask for the qualified name of the same node (every Call goes to every rule
  // subscribed to calls): the answers, which depend only on the node and its scope, are
  // remembered in a small direct-mapped cache for the file.
  struct CachedName {
    const python::Node* node = nullptr;
    const python::Scope* scope = nullptr;
    bool callee = false;
    std::string name;
  };
  static constexpr std::size_t kNameCacheSize = 64;
  mutable std::array<CachedName, kNameCacheSize> name_cache_;
  mutable ApiUseMemo api_use_memo_;
  static std::size_t name_slot(const python::Node& node, bool callee) {
    auto key = reinterpret_cast<std::uintptr_t>(&node) >> 3;
    return (key * 2 + (callee ? 1 : 0)) % kNameCacheSize;
  }
  // Inline: most queries hit, a rule asking about a node another rule resolved.
  const std::string& cached_name(const python::Node& node, bool callee) const {
    const CachedName& entry = name_cache_[name_slot(node, callee)];
    if (entry.node == &node && entry.scope == scope_ && entry.callee == callee) return entry.name;
    return resolve_name(node, callee);
  }
  const std::string& resolve_name(const python::Node& node, bool callee) const;
};

/// Whether a node kind is a statement.
bool is_statement(python::NodeKind kind);

/// The string of a str Constant node; nullopt for anything else.
std::optional<std::string_view> string_constant(const python::Node* node);

}  // namespace pypyready::scan
