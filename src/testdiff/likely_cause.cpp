#include "testdiff/likely_cause.h"

#include <algorithm>
#include <array>
#include <string>

#include "core/text.h"

namespace pypyready::testdiff {
namespace {

struct CauseRules {
  std::string_view kind;
  std::string_view explanation;
  std::array<std::string_view, 8> codes;  ///< scan rules that find code with this behaviour
};

// Ordered: when a finding's rule fits several kinds, the first wins in cause_of_rule().
constexpr std::array kCauses{
    CauseRules{"cpython-only-api",
               "uses an API that exists only in CPython (reference counts, frame or gc internals)",
               {"PPY010", "PPY012", "PPY013", "PPY022", "PPY024", "PPY025", "PPY029", "PPY030"}},
    CauseRules{"cpython-only-module", "imports a module that PyPy does not provide", {"PPY031"}},
    CauseRules{"getsizeof",
               "sys.getsizeof raises TypeError on PyPy, which has no fixed per-object size",
               {"PPY011", "PPY015"}},
    CauseRules{"too-many-open-files",
               "files or sockets left for the garbage collector pile up: PyPy closes them later than "
               "CPython's reference counting, so the process runs out of descriptors",
               {"PPY001", "PPY002", "PPY003", "PPY004", "PPY005"}},
    CauseRules{"unclosed-resource",
               "a file or socket is closed only when garbage-collected (ResourceWarning), which PyPy "
               "does later",
               {"PPY001", "PPY002", "PPY003", "PPY004", "PPY005"}},
    CauseRules{"unflushed-file",
               "the file read back is empty or short: it was written through a handle closed (and "
               "flushed) only when garbage-collected, which PyPy does later",
               {"PPY001", "PPY002", "PPY003", "PPY006", "PPY007"}},
    CauseRules{"gc-timing",
               "relies on __del__ or a weak reference running as soon as the last reference goes; "
               "PyPy runs them at a later garbage collection",
               {"PPY006", "PPY007", "PPY008", "PPY009", "PPY005", "PPY013"}},
    CauseRules{"ordering",
               "the compared values hold the same items in another order: it relies on an iteration "
               "order (sets, hashes, instance dicts) that differs on PyPy",
               {"PPY019", "PPY020", "PPY021"}},
    CauseRules{"recursion-depth",
               "recursion depth: PyPy's stack frames are larger and its recursion limit behaves "
               "differently",
               {"PPY026"}},
};

const CauseRules* find_cause(std::string_view kind) {
  for (const CauseRules& cause : kCauses)
    if (cause.kind == kind) return &cause;
  return nullptr;
}

LikelyCause make_cause(std::string_view kind, std::string detail = {}) {
  const CauseRules* cause = find_cause(kind);
  std::string explanation(cause != nullptr ? cause->explanation : kind);
  if (!detail.empty()) explanation = detail + ": " + explanation;
  return LikelyCause{std::string(kind), explanation};
}

bool contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

// The attribute named in "module 'sys' has no attribute 'getrefcount'", with its module.
std::string missing_module_attribute(std::string_view text) {
  std::size_t at = text.find("module '");
  if (at == std::string_view::npos) return {};
  std::size_t module_end = text.find('\'', at + 8);
  std::size_t attribute = text.find("has no attribute '", at);
  if (module_end == std::string_view::npos || attribute == std::string_view::npos) return {};
  std::size_t attribute_end = text.find('\'', attribute + 18);
  if (attribute_end == std::string_view::npos) return {};
  return std::string(text.substr(at + 8, module_end - at - 8)) + "." +
         std::string(text.substr(attribute + 18, attribute_end - attribute - 18));
}

// Top-level items of a bracketed literal "[a, (b, c), 'd,e']"; empty when it is not one.
std::optional<std::vector<std::string>> literal_items(std::string_view text) {
  text = core::trim(text);
  if (text.size() < 2) return std::nullopt;
  char open = text.front(), close = text.back();
  if (!((open == '[' && close == ']') || (open == '(' && close == ')') || (open == '{' && close == '}')))
    return std::nullopt;
  std::vector<std::string> items;
  std::string current;
  int depth = 0;
  char quote = 0;
  for (char c : text.substr(1, text.size() - 2)) {
    if (quote != 0) {
      current += c;
      if (c == quote) quote = 0;
      continue;
    }
    if (c == '\'' || c == '"') quote = c;
    if (c == '[' || c == '(' || c == '{') ++depth;
    if (c == ']' || c == ')' || c == '}') --depth;
    if (c == ',' && depth == 0) {
      items.emplace_back(core::trim(current));
      current.clear();
    } else {
      current += c;
    }
  }
  if (!core::trim(current).empty()) items.emplace_back(core::trim(current));
  return items;
}

}  // namespace

bool differs_only_in_order(std::string_view assertion) {
  std::size_t start = assertion.find("assert ");
  if (start == std::string_view::npos) return false;
  std::string_view comparison = assertion.substr(start + 7);
  std::size_t equals = comparison.find(" == ");
  if (equals == std::string_view::npos) return false;
  auto left = literal_items(comparison.substr(0, equals));
  auto right = literal_items(comparison.substr(equals + 4));
  if (!left || !right || left->size() < 2 || *left == *right) return false;
  std::sort(left->begin(), left->end());
  std::sort(right->begin(), right->end());
  return *left == *right;
}

std::optional<LikelyCause> classify_failure(std::string_view message, std::string_view details) {
  std::string text = std::string(message) + "\n" + std::string(details);
  if (contains(text, "Too many open files") || contains(text, "EMFILE") || contains(text, "[Errno 24]"))
    return make_cause("too-many-open-files");
  if (contains(text, "RecursionError") || contains(text, "maximum recursion depth"))
    return make_cause("recursion-depth");
  if (contains(text, "getsizeof") && contains(text, "TypeError")) return make_cause("getsizeof");
  if (std::string attribute = missing_module_attribute(text); !attribute.empty()) {
    if (attribute.starts_with("sys.") || attribute.starts_with("gc.") || attribute.starts_with("ctypes."))
      return make_cause("cpython-only-api", attribute + " does not exist on PyPy");
  }
  if (contains(text, "getrefcount")) return make_cause("cpython-only-api", "sys.getrefcount");
  if (contains(text, "No module named '_testcapi'") || contains(text, "No module named '_tracemalloc'") ||
      contains(text, "No module named 'tracemalloc'"))
    return make_cause("cpython-only-module");
  if (contains(text, "ResourceWarning")) return make_cause("unclosed-resource");
  if (contains(text, "weakly-referenced object no longer exists") || contains(text, "ReferenceError") ||
      contains(text, "__del__") || contains(text, "weakref"))
    return make_cause("gc-timing");
  // pytest's assertion rewriting shows an empty read as "where '' = <...read...>()".
  if (contains(text, "where '' = ") && contains(text, ".read")) return make_cause("unflushed-file");
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    if (differs_only_in_order(std::string_view(text).substr(start, end - start)))
      return make_cause("ordering");
    start = end + 1;
  }
  return std::nullopt;
}

std::optional<LikelyCause> cause_of_rule(std::string_view code) {
  // Resource rules are read as GC timing here: without an error text there is no EMFILE.
  for (std::string_view kind : {"cpython-only-api", "cpython-only-module", "getsizeof", "gc-timing",
                                "unflushed-file", "ordering", "recursion-depth"}) {
    if (rule_matches_cause(code, kind)) return make_cause(kind, "scan rule " + std::string(code));
  }
  return std::nullopt;
}

bool rule_matches_cause(std::string_view code, std::string_view kind) {
  const CauseRules* cause = find_cause(kind);
  if (cause == nullptr) return false;
  return std::find(cause->codes.begin(), cause->codes.end(), code) != cause->codes.end();
}

}  // namespace pypyready::testdiff
