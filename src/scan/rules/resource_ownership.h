#pragma once
// Where a resource made by a call ends up within its scope: released on every path, released
// only when nothing raises, handed to an owner, or dropped. The file rule (PPY003) and the
// other-resource rule (PPY004) share it; PPY005 reuses its name-use classification for
// generators. Bounded: one scope's body, or one module walk for resources kept on attributes.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "scan/rules/rule_helpers.h"

namespace pypyready::scan::rules {

/// How a kind of resource is released.
struct ReleaseSpec {
  std::span<const std::string_view> methods;  ///< close, wait, shutdown, cleanup...
  bool with_releases = true;                  ///< false for sqlite3 connections: `with` only commits
};

/// What happens to the resource.
enum class Fate : std::uint8_t {
  kReleased,          ///< `with`, release in a finally, closing()/enter_context(), or released at once
  kReleasedUnsafely,  ///< released, but an exception raised before the release skips it
  kReleasedInDel,     ///< kept on an attribute that only `__del__` releases
  kEscapes,           ///< returned, yielded, passed on, aliased, stored in a container or a global
  kNeverReleased,     ///< bound to a name or attribute that is never released
  kDropped,           ///< never bound: a bare expression statement or the receiver of one call
};

/// The verdict for one creation call.
struct Ownership {
  Fate fate = Fate::kEscapes;
  std::string holder;       ///< "f" or "self.sock"; empty when dropped
  std::string_view method;  ///< kDropped as a receiver: the method called on it ("read")
};

/// Follows the value of `creation` (a Call) through its scope.
Ownership trace_ownership(const Node& creation, const ReleaseSpec& spec, const RuleContext& context);

/// How one load of a holder (a Name or Attribute) uses the resource.
enum class Use : std::uint8_t { kNeutral, kRelease, kSafeRelease, kEscape };
Use classify_use(const Node& load, const ReleaseSpec& spec, const RuleContext& context);

/// The loads of `name` in the code of `scope_node` (a Module, function or lambda; comprehensions
/// included, nested functions and classes not). `captured` is set when a nested function, lambda
/// or class mentions the name.
std::vector<const Node*> name_loads(const Node& scope_node, std::string_view name, bool& captured);

/// Whether `node` runs where an exception is expected: inside `with self.assertRaises(...)`,
/// `pytest.raises(...)` and similar blocks; with `or_caught`, also inside a try body with handlers.
bool expected_to_raise(const Node& node, const RuleContext& context, bool or_caught);

/// Whether `call` runs under `with patch(...)` or `@patch(...)` naming `patched` ("open", "Popen"):
/// the test replaced the resource with a mock.
bool mocked_by_patch(const Node& call, std::string_view patched, const RuleContext& context);

/// Whether the call's qualified name is a function that uses a file-like or iterable argument
/// without keeping it (print, len, json.load, shutil.copyfileobj, itertools.islice...).
bool borrows_argument(std::string_view qualified);

}  // namespace pypyready::scan::rules
