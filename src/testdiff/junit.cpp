#include "testdiff/junit.h"

#include <fmt/format.h>
#include <pugixml.hpp>

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace pypyready::testdiff {
namespace {

// 1-based line and column of a byte offset, for error messages.
std::pair<int, int> line_and_column(std::string_view text, std::ptrdiff_t offset) {
  int line = 1, column = 1;
  for (std::ptrdiff_t i = 0; i < offset && i < static_cast<std::ptrdiff_t>(text.size()); ++i) {
    if (text[static_cast<std::size_t>(i)] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return {line, column};
}

std::vector<std::string> split_dots(std::string_view text) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t dot = text.find('.', start);
    if (dot == std::string_view::npos) dot = text.size();
    parts.emplace_back(text.substr(start, dot - start));
    start = dot + 1;
  }
  return parts;
}

TestCase read_case(const pugi::xml_node& node) {
  TestCase test;
  test.id = node_id_of(node.attribute("file").value(), node.attribute("classname").value(),
                       node.attribute("name").value());
  test.duration_s = std::max(0.0, node.attribute("time").as_double());
  // A case holds at most one of these in pytest's output; failure outranks error (a test that
  // failed and then errored in teardown is reported with both).
  if (pugi::xml_node failure = node.child("failure")) {
    test.outcome = Outcome::kFailed;
    test.message = failure.attribute("message").value();
    test.details = failure.text().get();
  } else if (pugi::xml_node error = node.child("error")) {
    test.outcome = Outcome::kError;
    test.message = error.attribute("message").value();
    test.details = error.text().get();
  } else if (pugi::xml_node skipped = node.child("skipped")) {
    std::string_view type = skipped.attribute("type").value();
    test.outcome = type == "pytest.xfail" ? Outcome::kXfail : Outcome::kSkipped;
    test.message = skipped.attribute("message").value();
  }
  return test;
}

}  // namespace

std::string node_id_of(std::string_view file, std::string_view classname, std::string_view name) {
  std::vector<std::string> parts = classname.empty() ? std::vector<std::string>{} : split_dots(classname);
  std::string module_path;
  std::size_t classes_from = parts.size();
  if (!file.empty()) {
    module_path = std::string(file);
    // The classname repeats the module path with dots; what follows it are class names.
    std::string dotted = module_path;
    if (dotted.ends_with(".py")) dotted.resize(dotted.size() - 3);
    std::replace(dotted.begin(), dotted.end(), '/', '.');
    std::size_t module_parts = split_dots(dotted).size();
    classes_from = classname.starts_with(dotted) ? std::min(module_parts, parts.size()) : parts.size();
  } else {
    classes_from = 0;
    while (classes_from < parts.size() && !parts[classes_from].empty() &&
           !std::isupper(static_cast<unsigned char>(parts[classes_from][0])))
      ++classes_from;
    for (std::size_t i = 0; i < classes_from; ++i)
      module_path += (i == 0 ? "" : "/") + parts[i];
    if (!module_path.empty()) module_path += ".py";
  }
  // A collection error is reported with an empty classname and the module as `name`.
  if (classname.empty()) {
    if (!module_path.empty()) return module_path;
    std::string path(name);
    std::replace(path.begin(), path.end(), '.', '/');
    return path + ".py";
  }
  std::string id = module_path;
  for (std::size_t i = classes_from; i < parts.size(); ++i)
    id += "::" + parts[i];
  return id + "::" + std::string(name);
}

core::Result<std::vector<TestCase>> parse_junit(std::string_view xml, std::string_view source) {
  pugi::xml_document document;
  pugi::xml_parse_result parsed = document.load_buffer(xml.data(), xml.size());
  if (!parsed) {
    auto [line, column] = line_and_column(xml, parsed.offset);
    return core::Error{
        fmt::format("{}:{}:{}: malformed JUnit XML: {}", source, line, column, parsed.description())};
  }
  pugi::xml_node root = document.document_element();
  std::string_view root_name = root.name();
  if (root_name != "testsuites" && root_name != "testsuite") {
    return core::Error{fmt::format(
        "{}: not a JUnit XML report: expected <testsuites> or <testsuite>, found <{}>", source, root_name)};
  }
  std::vector<TestCase> tests;
  for (pugi::xpath_node found : root.select_nodes("descendant-or-self::testcase"))
    tests.push_back(read_case(found.node()));
  return tests;
}

}  // namespace pypyready::testdiff
