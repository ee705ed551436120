#include "deps/index_join.h"

#include <algorithm>

namespace pypyready::deps {

std::vector<IndexQuery> index_queries(const DepsReport& report, const Declarations* declarations,
                                      const std::string& python_version,
                                      const std::vector<std::string>& tags) {
  std::vector<IndexQuery> out;
  for (const DependencyResult& dep : report.dependencies) {
    if (dep.key.empty()) continue;
    IndexQuery query;
    query.key = dep.key;
    query.python_version = python_version;
    query.supported_tags = tags;
    if (declarations != nullptr) {
      for (const Declared& item : declarations->items) {
        if (item.key != dep.key) continue;
        if (!item.locked_version.empty()) query.pinned = item.locked_version;
        if (item.requirement && query.pinned.empty()) {
          const SpecifierSet& set = item.requirement->specifiers;
          if (set.clauses.size() == 1 && (set.clauses[0].op == "==" || set.clauses[0].op == "===") &&
              !set.clauses[0].wildcard) {
            query.pinned = set.clauses[0].version;
          } else if (!set.empty() && query.specifier.empty()) {
            query.specifier = set.to_string();
          }
        }
      }
    }
    if (query.pinned.empty() && query.specifier.empty() && !dep.version.empty() && declarations == nullptr)
      query.pinned = dep.version;
    out.push_back(std::move(query));
  }
  return out;
}

void apply_index_evidence(DepsReport& report, const std::map<std::string, IndexEvidence>& found) {
  for (DependencyResult& dep : report.dependencies) {
    auto it = found.find(dep.key);
    if (it == found.end()) continue;
    const IndexEvidence& index = it->second;
    dep.index = index;
    bool decided_elsewhere = dep.verdict != Verdict::kUnknown;
    for (const Evidence& evidence : dep.evidence) {
      if (evidence.source == "install") decided_elsewhere = true;
    }
    Evidence evidence{"index", index.summary(), {}, false};
    if (!decided_elsewhere && index.error.empty() && !index.version.empty()) {
      if (index.best == "pypy-wheel" || index.best == "pure-wheel") {
        dep.verdict = Verdict::kWorks;
        if (dep.kind == "unknown" && index.best == "pure-wheel") dep.kind = "pure";
        dep.evidence.insert(dep.evidence.begin(), evidence);
        continue;
      }
      if (index.best == "none") {
        dep.verdict = Verdict::kBlocked;
        evidence.blocking = true;
        dep.evidence.insert(dep.evidence.begin(), evidence);
        continue;
      }
    }
    dep.evidence.push_back(evidence);
  }
  std::stable_sort(report.dependencies.begin(), report.dependencies.end(),
                   [](const DependencyResult& a, const DependencyResult& b) {
                     if (a.verdict != b.verdict) return a.verdict > b.verdict;
                     return a.key < b.key;
                   });
}

}  // namespace pypyready::deps
