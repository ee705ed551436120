#pragma once
// The rule interface. A rule is identity and documentation as data (RuleInfo) plus a check
// that the engine calls for every node of the kinds the rule subscribed to. Rules never walk
// the tree themselves; bounded local look-ups go through the RuleContext (parents, guards).

#include <memory>
#include <span>
#include <string_view>

#include "python/ast.h"
#include "scan/finding.h"

namespace pypyready::scan {

class RuleContext;
class FileRuleContext;

/// Whether a rule can offer a fix.
enum class FixAvailability : std::uint8_t { kNone, kSometimes, kAlways };

/// The user documentation of a rule, in fixed sections (shown by `pypyready rule CODE`).
struct RuleDoc {
  std::string_view what;         ///< what the rule finds
  std::string_view why;          ///< why it behaves differently or breaks on PyPy
  std::string_view source;       ///< link to the documentation or issue behind `why`
  std::string_view example;      ///< code that fires
  std::string_view use_instead;  ///< code that does not
};

/// A rule's identity: stable code, kebab name of the pattern flagged, default severity.
struct RuleInfo {
  std::string_view code;
  std::string_view name;
  Severity severity;
  FixAvailability fix;
  RuleDoc doc;
};

/// A check over nodes of the kinds it names.
class Rule {
 public:
  virtual ~Rule() = default;
  /// The node kinds this rule wants to see.
  virtual std::span<const python::NodeKind> kinds() const = 0;
  /// Inspects one node; reports findings through `context`.
  virtual void check(const python::Node& node, RuleContext& context) const = 0;
  /// Words of which a file must hold at least one for this rule to report anything in it (see
  /// RuleGate for what a file's words are); the engine skips the rule in files without any.
  /// Empty (the default) when the rule has no such condition. Every finding's path must
  /// need one of them: a rule that resolves qualified names may list any component of the
  /// names it matches except a leading "builtins", as every other component is an identifier
  /// of the file (an import's module or name, an attribute) or a word of a getattr string.
  virtual std::span<const std::string_view> required_words() const { return {}; }
  /// Word lists, in the sense of required_words(), for parts of the check: the rule asks
  /// RuleContext::words_present(i) whether the file holds a word of the i-th list before it
  /// runs a part that needs one (a part whose look-ups on every node are costly).
  virtual std::span<const std::span<const std::string_view>> word_groups() const { return {}; }
};

/// A check over a whole file rather than syntax nodes: C and Cython sources, prebuilt
/// binaries, pyproject.toml. The engine hands it the bytes of every file whose name it wants;
/// discovery looks for such files only while a rule that wants them is selected.
class FileRule {
 public:
  virtual ~FileRule() = default;
  /// Whether the rule looks at files of this name (the last path component).
  virtual bool wants(std::string_view file_name) const = 0;
  /// Inspects the file's bytes (text or binary); reports findings through `context`.
  virtual void check(std::string_view bytes, FileRuleContext& context) const = 0;
};

/// One row of the registry: the rule's info and a factory for its check: `make` for rules
/// over syntax nodes, `make_file` for rules over whole files (the other one is null).
struct RuleEntry {
  const RuleInfo* info;
  std::unique_ptr<Rule> (*make)();
  std::unique_ptr<FileRule> (*make_file)() = nullptr;
};

}  // namespace pypyready::scan
