#include "deps/requirement.h"

#include <gtest/gtest.h>

namespace pypyready::deps {
namespace {

Requirement parse(std::string_view text) {
  auto req = Requirement::parse(text);
  EXPECT_TRUE(req.ok()) << text << ": " << (req.ok() ? "" : req.error().message);
  return req.ok() ? *req : Requirement{};
}

TEST(RequirementTest, NameExtrasSpecifiersMarker) {
  Requirement req = parse("requests[security, socks] >=2.8.1, ==2.8.* ; python_version < \"2.7\"");
  EXPECT_EQ(req.name, "requests");
  EXPECT_EQ(req.extras, (std::vector<std::string>{"security", "socks"}));
  EXPECT_EQ(req.specifiers.to_string(), ">=2.8.1,==2.8.*");
  ASSERT_TRUE(req.marker.has_value());
  EXPECT_FALSE(req.applies(MarkerEnvironment::pypy("3.9")));
  EXPECT_EQ(req.to_string(), "requests[security,socks]>=2.8.1,==2.8.*; python_version < \"2.7\"");
}

TEST(RequirementTest, ParenthesisedSpecifiersFromMetadata) {
  Requirement req = parse("sphinx (!=1.8.0,>=1.6.5) ; extra == 'docs'");
  EXPECT_EQ(req.key, "sphinx");
  EXPECT_EQ(req.specifiers.clauses.size(), 2u);
  EXPECT_FALSE(req.applies(MarkerEnvironment::pypy("3.9")));
  EXPECT_TRUE(req.applies(MarkerEnvironment::pypy("3.9"), {"docs"}));
}

TEST(RequirementTest, DirectUrlWithMarker) {
  Requirement req = parse("pip @ https://example.org/pip-1.0.whl ; sys_platform == 'linux'");
  EXPECT_EQ(req.url, "https://example.org/pip-1.0.whl");
  EXPECT_TRUE(req.applies(MarkerEnvironment::pypy("3.10")));
  Requirement vcs = parse("pkg @ git+https://host/repo.git@v1.0#subdirectory=sub");
  EXPECT_EQ(vcs.url, "git+https://host/repo.git@v1.0#subdirectory=sub");
  EXPECT_FALSE(vcs.marker.has_value());
}

TEST(RequirementTest, ImplementationMarkersForPyPy) {
  const auto pypy = MarkerEnvironment::pypy("3.9");
  const auto cpython = MarkerEnvironment::cpython("3.11");
  Requirement greenlet = parse("greenlet; platform_python_implementation == \"CPython\"");
  EXPECT_FALSE(greenlet.applies(pypy));
  EXPECT_TRUE(greenlet.applies(cpython));
  Requirement cffi = parse("cffi>=1.12; implementation_name != 'pypy' and python_version >= '3.8'");
  EXPECT_FALSE(cffi.applies(pypy));
  EXPECT_TRUE(cffi.applies(cpython));
  Requirement newer = parse("tomli; python_version < \"3.11\"");
  EXPECT_TRUE(newer.applies(pypy));
  EXPECT_FALSE(newer.applies(cpython));
  Requirement version_order = parse("x; python_full_version >= '3.9.2' and '3.1' < python_version");
  EXPECT_TRUE(version_order.applies(pypy));  // PEP 440 order: 3.9 > 3.1, and 3.10 > 3.9 below
  EXPECT_TRUE(parse("y; python_version > '3.9'").applies(MarkerEnvironment::pypy("3.10")));
  EXPECT_TRUE(parse("z; 'linux' in sys_platform or (os_name == 'nt')").applies(pypy));
  EXPECT_TRUE(parse("w; platform_machine not in 'arm64 aarch64'").applies(pypy));
}

TEST(RequirementTest, ErrorsNamePositionAndExpectation) {
  auto bad_name = Requirement::parse("-oops>=1");
  ASSERT_FALSE(bad_name.ok());
  EXPECT_EQ(bad_name.error().message,
            "invalid requirement '-oops>=1' at character 1: expected a distribution name (letters, digits, "
            "and . - _ "
            "inside), found '-oops>=1'");
  auto bad_marker = Requirement::parse("x; python_version <");
  ASSERT_FALSE(bad_marker.ok());
  EXPECT_NE(bad_marker.error().message.find("expected a marker variable"), std::string::npos);
  auto bad_var = Requirement::parse("x; pythonversion == '3'");
  ASSERT_FALSE(bad_var.ok());
  auto unclosed = Requirement::parse("x[a,b");
  ASSERT_FALSE(unclosed.ok());
  EXPECT_NE(unclosed.error().message.find("expected ',' or ']'"), std::string::npos);
  // A `;` glued to a URL is part of the URL, so the marker text that follows is unexpected.
  auto url_marker = Requirement::parse("x @ https://h/x.whl; os_name == 'posix'");
  ASSERT_FALSE(url_marker.ok());
  EXPECT_NE(url_marker.error().message.find("with a space before ';'"), std::string::npos);
}

}  // namespace
}  // namespace pypyready::deps
