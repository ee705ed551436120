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
    CauseRules{"identity",
               "relies on object identity (`is` between equal numbers or strings, id() of short-lived "
               "objects), which PyPy gives differently: equal ints are always identical there and ids are "
               "not reused",
               {"PPY016", "PPY017", "PPY018"}},
    CauseRules{"interpreter-crash",
               "the interpreter process died inside this test: native code (a C extension or ctypes) "
               "that works on CPython is reading or writing memory it does not own under PyPy",
               {"PPY024", "PPY033", "PPY034", "PPY035", "PPY039"}},
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

// pytest's long traceback shows the test's source, four spaces in, with the failing line marked
// `>`: a `del NAME` statement above that line means the test checks what dropping it did.
bool deletes_then_fails(std::string_view details) {
  std::size_t start = 0;
  while (start < details.size()) {
    std::size_t end = details.find('\n', start);
    if (end == std::string_view::npos) end = details.size();
    std::string_view line = details.substr(start, end - start);
    if (line.starts_with(">")) return false;
    std::string_view code = core::trim(line);
    if (line.starts_with("    ") && code.starts_with("del ")) return true;
    start = end + 1;
  }
  return false;
}

// The failing line reads something back (".read(", ".read_text(", ".read_bytes(") and the
// assertion shows the read value empty: "assert '' == 'expected'" or "assert b'' == b'...'".
bool compares_empty_read(std::string_view details) {
  bool reads = false;
  std::size_t start = 0;
  while (start < details.size()) {
    std::size_t end = details.find('\n', start);
    if (end == std::string_view::npos) end = details.size();
    std::string_view line = details.substr(start, end - start);
    if (line.starts_with(">"))
      reads = contains(line, ".read(") || contains(line, ".read_text(") || contains(line, ".read_bytes(") ||
              contains(line, ".readlines(");
    if (reads && line.starts_with("E") &&
        (contains(line, "assert '' == ") || contains(line, "assert b'' == ") ||
         contains(line, "assert [] == ")))
      return true;
    start = end + 1;
  }
  return false;
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
  if (contains(text, "DID NOT RAISE") && contains(text, "RecursionError"))
    return make_cause(
        "recursion-depth",
        "the expected RecursionError did not come (PyPy's JIT-compiled code can recurse deeper)");
  if (contains(text, "RecursionError") || contains(text, "maximum recursion depth"))
    return make_cause("recursion-depth");
  if (contains(text, "getsizeof") && contains(text, "TypeError")) return make_cause("getsizeof");
  if (std::string attribute = missing_module_attribute(text); !attribute.empty()) {
    if (attribute.starts_with("sys.") || attribute.starts_with("gc.") || attribute.starts_with("ctypes."))
      return make_cause("cpython-only-api", attribute + " does not exist on PyPy");
  }
  if (contains(text, "getrefcount")) return make_cause("cpython-only-api", "sys.getrefcount");
  if (contains(text, "No module named '_tracemalloc'") || contains(text, "No module named 'tracemalloc'"))
    return make_cause("cpython-only-module");
  // PyPy's _testcapi is a stand-in that compiles CPython's C test module on first import, which
  // fails where the C source is not installed: any error through it comes from importing it.
  if (contains(text, "_testcapi"))
    return make_cause("cpython-only-module",
                      "_testcapi (CPython's C-API test module; PyPy's stand-in builds it from C source and "
                      "fails with errors other than ImportError when that is missing)");
  if (contains(text, "ResourceWarning")) return make_cause("unclosed-resource");
  if (contains(text, "weakly-referenced object no longer exists") || contains(text, "ReferenceError") ||
      contains(text, "__del__") || contains(text, "weakref"))
    return make_cause("gc-timing");
  if (deletes_then_fails(details))
    return make_cause("gc-timing", "the test drops a reference with `del` and then checks the effect");
  // pytest's assertion rewriting shows an empty read as "where '' = <...read...>()".
  if (contains(text, "where '' = ") && contains(text, ".read")) return make_cause("unflushed-file");
  if (compares_empty_read(details)) return make_cause("unflushed-file");
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

LikelyCause crash_cause(std::string_view how) {
  return make_cause("interpreter-crash", std::string(how));
}

std::optional<LikelyCause> cause_of_rule(std::string_view code) {
  // Resource rules are read as GC timing here: without an error text there is no EMFILE.
  for (std::string_view kind : {"cpython-only-api", "cpython-only-module", "getsizeof", "gc-timing",
                                "unflushed-file", "ordering", "identity", "recursion-depth"}) {
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
