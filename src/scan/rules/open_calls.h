#pragma once
// Recognising calls that open a file (the OPEN set of PPY001/PPY002) and building the pathlib
// fixes both rules offer.

#include <optional>
#include <string>

#include "scan/rules/rule_helpers.h"

namespace pypyready::scan::rules {

/// What kind of opener a call is.
enum class Opener { kNone, kBuiltinOpen, kOtherOpen, kUrlopen };

/// Classifies `node` as a call of open/io.open/codecs.open/gzip.open/bz2.open/lzma.open/
/// os.fdopen/Path(...).open, or urllib.request.urlopen.
Opener opener_of(const Node& node, RuleContext& context);

/// The constant mode of an open() call ("r" when absent); nullopt when not a constant.
std::optional<std::string_view> open_mode(const Node& call);

/// Whether the open() call passes only path, mode and the keywords in `allowed`.
bool open_has_only(const Node& call, std::initializer_list<std::string_view> allowed);

/// A fix replacing `replaced` with `pathlib.Path(<path>).<method>(<arguments>)`, plus an
/// `import pathlib` edit when the module does not import it.
Fix pathlib_fix(const Node& replaced, const Node& open_call, std::string_view method, std::string arguments,
                RuleContext& context);

}  // namespace pypyready::scan::rules
