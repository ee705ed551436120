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
};

/// One row of the registry: the rule's info and a factory for its check.
struct RuleEntry {
  const RuleInfo* info;
  std::unique_ptr<Rule> (*make)();
};

}  // namespace pypyready::scan
