#include "testdiff/finding_links.h"

#include <set>

#include "testdiff/likely_cause.h"

namespace pypyready::testdiff {
namespace {

std::string relative_to(const std::string& path, const std::filesystem::path& root) {
  std::filesystem::path given(path);
  if (!given.is_absolute()) return given.lexically_normal().generic_string();
  std::string relative = given.lexically_relative(root).generic_string();
  return relative.empty() || relative.starts_with("..") ? path : relative;
}

// "tests/t.py::TestK::test_p[1]" -> {"tests/t.py", "TestK.test_p"}.
std::pair<std::string, std::string> split_test_id(std::string_view id) {
  std::size_t bracket = id.find('[');
  if (bracket != std::string_view::npos) id = id.substr(0, bracket);
  std::size_t separator = id.find("::");
  if (separator == std::string_view::npos) return {std::string(id), ""};
  std::string qualified(id.substr(separator + 2));
  for (std::size_t at = qualified.find("::"); at != std::string::npos; at = qualified.find("::"))
    qualified.replace(at, 2, ".");
  return {std::string(id.substr(0, separator)), qualified};
}

bool inside(const scan::Finding& finding, const Definition& definition) {
  int line = static_cast<int>(finding.begin.line);
  return line >= definition.first_line && line <= definition.last_line;
}

class Linker {
 public:
  explicit Linker(const std::optional<LikelyCause>& cause) : cause_(cause) {}

  void add(const std::string& path, const IndexedFile& file, const scan::Finding& finding, const char* link) {
    std::string key = path + ":" + std::to_string(finding.begin.line) + ":" + std::string(finding.code);
    if (!seen_.insert(key).second) return;
    RelatedFinding related;
    related.code = std::string(finding.code);
    related.name = std::string(finding.name);
    related.path = path;
    related.line = static_cast<int>(finding.begin.line);
    if (const Definition* function = file.enclosing(related.line))
      related.function = function->qualified_name;
    related.message = finding.message;
    related.link = link;
    related.matches_cause = cause_ && rule_matches_cause(related.code, cause_->kind);
    found_.push_back(std::move(related));
  }

  std::vector<RelatedFinding> take() { return std::move(found_); }

 private:
  const std::optional<LikelyCause>& cause_;
  std::set<std::string> seen_;
  std::vector<RelatedFinding> found_;
};

// The class a definition is a method of, or null.
const Definition* owning_class(const IndexedFile& file, const Definition& definition) {
  std::size_t dot = definition.qualified_name.rfind('.');
  if (dot == std::string::npos) return nullptr;
  std::string parent = definition.qualified_name.substr(0, dot);
  for (const Definition& other : file.definitions)
    if (other.qualified_name == parent) return other.is_class ? &other : nullptr;
  return nullptr;
}

bool is_special(const std::string& name) {
  return name.size() > 4 && name.starts_with("__") && name.ends_with("__");
}

// Calls followed from the test into the project's code.
constexpr int kMaxCallDepth = 4;

// Links the findings of the code the test reaches by name, following calls up to kMaxCallDepth
// deep: functions and classes it names, the methods named anywhere on that path of the classes
// reached (special methods such as __init__ and __del__ run without being named), and then what
// those name in turn. A finding counts for the innermost definition around it, so naming a class
// does not pull in the findings of all its methods.
void link_reached(const CodeIndex& index, const Definition& test, Linker& linker) {
  std::set<std::string> names = test.referenced_names;
  std::set<const Definition*> reached;
  for (int depth = 0; depth < kMaxCallDepth; ++depth) {
    std::vector<std::pair<const std::string*, const Definition*>> added;
    for (const auto& [path, file] : index.files) {
      for (const Definition& definition : file.definitions) {
        if (reached.contains(&definition) || definition.name.starts_with("test")) continue;
        const Definition* owner = owning_class(file, definition);
        bool hit = owner != nullptr ? reached.contains(owner) &&
                                          (names.contains(definition.name) || is_special(definition.name))
                                    : names.contains(definition.name);
        if (hit) added.emplace_back(&path, &definition);
      }
    }
    if (added.empty()) break;
    // Classes first: their methods are reached in the same round.
    for (auto& [path, definition] : added)
      reached.insert(definition);
    for (const auto& [path, file] : index.files) {
      for (const Definition& definition : file.definitions) {
        const Definition* owner = owning_class(file, definition);
        if (owner != nullptr && reached.contains(owner) && !reached.contains(&definition) &&
            (names.contains(definition.name) || is_special(definition.name)))
          added.emplace_back(&path, &definition), reached.insert(&definition);
      }
    }
    for (auto& [path, definition] : added) {
      const IndexedFile& file = index.files.at(*path);
      for (const scan::Finding& finding : file.findings) {
        if (!inside(finding, *definition)) continue;
        const Definition* around = file.enclosing(static_cast<int>(finding.begin.line), true);
        if (around == definition || (around != nullptr && !around->is_class && !reached.contains(around) &&
                                     around->first_line > definition->first_line && !definition->is_class))
          linker.add(*path, file, finding, "called-by-test");
      }
      if (!definition->is_class)
        names.insert(definition->referenced_names.begin(), definition->referenced_names.end());
    }
  }
}

}  // namespace

std::vector<RelatedFinding> link_findings(const CodeIndex& index, std::string_view test_id,
                                          const std::vector<Frame>& frames, const std::filesystem::path& root,
                                          const std::optional<LikelyCause>& cause) {
  Linker linker(cause);
  // Findings in the same function as a traceback frame (the test function is always one).
  for (const Frame& frame : frames) {
    std::string path = relative_to(frame.path, root);
    auto file = index.files.find(path);
    if (file == index.files.end()) continue;
    const Definition* function = file->second.enclosing(frame.line);
    for (const scan::Finding& finding : file->second.findings) {
      // At module level only the frame's own line counts: a module's top level is no one unit.
      bool same = function == nullptr
                      ? static_cast<int>(finding.begin.line) == frame.line
                      : file->second.enclosing(static_cast<int>(finding.begin.line)) == function;
      if (same) linker.add(path, file->second, finding, "traceback");
    }
  }
  // Findings in what the test function names: called functions and instantiated classes.
  auto [test_path, test_name] = split_test_id(test_id);
  auto test_file = index.files.find(test_path);
  if (test_file != index.files.end() && !test_name.empty()) {
    const Definition* test = nullptr;
    for (const Definition& definition : test_file->second.definitions)
      if (definition.qualified_name == test_name) test = &definition;
    if (test != nullptr) {
      for (const scan::Finding& finding : test_file->second.findings)
        if (inside(finding, *test)) linker.add(test_path, test_file->second, finding, "traceback");
      link_reached(index, *test, linker);
    }
  }
  return linker.take();
}

}  // namespace pypyready::testdiff
