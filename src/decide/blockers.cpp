// The blockers: everything that has to change in the project before PyPy can take over.

#include <fmt/format.h>

#include "decide/criteria.h"
#include "decide/format.h"
#include "decide/verdict.h"

namespace pypyready::decide {

std::vector<results::Blocker> find_blockers(const results::Results& results,
                                            const std::vector<results::Criterion>& criteria) {
  std::vector<results::Blocker> blockers;
  if (results.deps) {
    for (const results::Dependency& dep : results.deps->dependencies) {
      if (dep.verdict != "blocked" && dep.verdict != "replace") continue;
      blockers.push_back({"dependency", dep.name,
                          dep.alternative.empty() ? "no PyPy-compatible alternative known: drop it or port it"
                                                  : "replace with " + dep.alternative});
    }
  }
  for (const results::Criterion& criterion : criteria) {
    if (criterion.id == kLanguageLevel && criterion.state == "not-met")
      blockers.push_back({"language-level", criterion.evidence,
                          "rewrite the newer code for the target's Python, or target a newer PyPy"});
  }
  if (results.scan) {
    for (const results::Finding& finding : results.scan->findings) {
      if (finding.severity != "error") continue;
      blockers.push_back({"finding",
                          fmt::format("{}:{} {} {}", finding.path, finding.line, finding.code, finding.name),
                          finding.fix ? finding.fix->description : finding.message});
    }
  }
  if (results.test) {
    for (const results::TestCase& test : results.test->tests) {
      if (test.group != "pypy-only-failure" || test.flaky) continue;
      blockers.push_back({"test", test.id,
                          test.related_findings.empty()
                              ? (test.likely_cause.empty() ? "fails only on PyPy" : test.likely_cause)
                              : "fix " + join(test.related_findings, ", ")});
    }
  }
  return blockers;
}

}  // namespace pypyready::decide
