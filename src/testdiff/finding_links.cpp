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
      const Definition* around = file->second.enclosing(static_cast<int>(finding.begin.line));
      bool same = function == nullptr ? around == nullptr : around == function;
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
      for (const auto& [path, file] : index.files) {
        for (const Definition& definition : file.definitions) {
          if (!test->referenced_names.contains(definition.name) || definition.name.starts_with("test"))
            continue;
          for (const scan::Finding& finding : file.findings)
            if (inside(finding, definition)) linker.add(path, file, finding, "called-by-test");
        }
      }
    }
  }
  return linker.take();
}

}  // namespace pypyready::testdiff
