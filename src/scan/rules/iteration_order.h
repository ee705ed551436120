#pragma once
// Whether the order in which an iterable yields its elements becomes observable: shared by the
// rules on set order (PPY020) and instance-dict order (PPY021).

#include <optional>
#include <string_view>

#include "python/ast.h"
#include "scan/context.h"

namespace pypyready::scan::rules {

/// Where and how an iteration order is observed.
struct OrderObserver {
  const python::Node* where;  ///< the consuming expression or statement
  std::string_view how;       ///< "list()", "a for loop", "print()", ...
  bool output;                ///< the order reaches printed or serialised output
};

/// Whether `call`, the parent of `iterable`, could observe its order (the Call case of
/// may_observe_order()).
bool call_may_observe_order(const python::Node& iterable, const python::Node& call);

/// Whether the parent of `iterable` could observe its order at all; a cheap test to run before
/// more expensive questions about the iterable itself. Inline: asked of every Name of every
/// file, and the parent's kind alone answers for most.
inline bool may_observe_order(const python::Node& iterable, const RuleContext& context) {
  const python::Node* parent = context.parent(iterable);
  if (parent == nullptr) return false;
  switch (parent->kind) {
    case python::NodeKind::kCall:
      return call_may_observe_order(iterable, *parent);
    case python::NodeKind::kFor:
    case python::NodeKind::kAsyncFor:
    case python::NodeKind::kComprehension:
    case python::NodeKind::kStarred:
      return true;
    default:
      return false;
  }
}

/// How the consumer of `iterable` observes its order: list()/tuple()/enumerate()/zip(), a join
/// on a string, print(), json.dump(s), next(iter(...)), `[*x]`, a list comprehension, or a
/// for loop whose body appends, yields, returns, breaks, prints or writes. Consumers that ignore
/// order (sorted, set, len, sum, min, max, any, all, membership) and lists that are sorted
/// right after being built give nullopt.
std::optional<OrderObserver> observed_order(const python::Node& iterable, const RuleContext& context);

}  // namespace pypyready::scan::rules
