// The fate of a resource kept on an attribute, which is decided over the whole module: when
// the module both lets it escape and releases it, the use met first in a pre-order walk of
// the tree decides, not the use first in the source (decorators come after the body, an if
// expression's test before its branches).

#include "scan/rules/resource_ownership.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "python/parser.h"
#include "python/semantic_model.h"
#include "scan/line_index.h"

namespace pypyready::scan::rules {
namespace {

constexpr std::string_view kClose[] = {"close"};

// The fate of the value of the first call of `open` in `source`.
Fate fate_of_open(std::string_view source) {
  python::ParsedFile parsed = python::parse_python(source);
  EXPECT_FALSE(parsed.error.has_value());
  if (parsed.module == nullptr) return Fate::kDropped;
  python::SemanticModel model(*parsed.module);
  LineIndex lines(parsed.source.text);
  std::vector<Finding> findings;
  RuleContext context("example.py", parsed.source.text, model, lines, findings);
  for (const python::SemanticModel::Visit& visit : model.walk_order()) {
    if (visit.node->kind != NodeKind::kCall || name_id(call_func(*visit.node)) != "open") continue;
    context.set_scope(visit.scope);
    return trace_ownership(*visit.node, ReleaseSpec{kClose}, context).fate;
  }
  ADD_FAILURE() << "no call of open";
  return Fate::kDropped;
}

constexpr std::string_view kOpened = "class A:\n    def __init__(self):\n        self.f = open('p')\n";

TEST(ResourceOwnership, AttributeReleasedElsewhereInTheModule) {
  EXPECT_EQ(fate_of_open(std::string(kOpened) + "    def close(self):\n        self.f.close()\n"),
            Fate::kReleased);
}

TEST(ResourceOwnership, AttributeNeverReleased) {
  EXPECT_EQ(fate_of_open(std::string(kOpened) + "    def read(self):\n        return self.f.read()\n"),
            Fate::kNeverReleased);
}

TEST(ResourceOwnership, AttributeReleasedOnlyInDel) {
  EXPECT_EQ(fate_of_open(std::string(kOpened) + "    def __del__(self):\n        self.f.close()\n"),
            Fate::kReleasedInDel);
}

TEST(ResourceOwnership, FirstInTheWalkDecidesBetweenEscapeAndRelease) {
  // Source order and walk order agree.
  EXPECT_EQ(fate_of_open(std::string(kOpened) +
                         "    def close(self):\n        self.f.close()\n        keep(self.f)\n"),
            Fate::kReleased);
  EXPECT_EQ(fate_of_open(std::string(kOpened) +
                         "    def close(self):\n        keep(self.f)\n        self.f.close()\n"),
            Fate::kEscapes);
  // A decorator is walked after the body of its function.
  EXPECT_EQ(fate_of_open(std::string(kOpened) +
                         "    @register(self.f)\n    def close(self):\n        self.f.close()\n"),
            Fate::kReleased);
  EXPECT_EQ(
      fate_of_open(std::string(kOpened) + "    @self.f.close\n    def close(self):\n        keep(self.f)\n"),
      Fate::kEscapes);
  // An if expression's test is walked before its branches.
  EXPECT_EQ(fate_of_open(std::string(kOpened) +
                         "    def close(self):\n        return keep(self.f) if self.f.close() else 0\n"),
            Fate::kReleased);
  // A release in `__del__` does not decide.
  EXPECT_EQ(fate_of_open(std::string(kOpened) + "    def __del__(self):\n        self.f.close()\n"
                                                "    def leak(self):\n        keep(self.f)\n"),
            Fate::kEscapes);
}

}  // namespace
}  // namespace pypyready::scan::rules
