#include "deps/analyze.h"

#include <algorithm>
#include <map>
#include <set>

#include "deps/dependency_graph.h"

namespace pypyready::deps {
namespace {

bool wanted(const Declared& item, const DepsInput& input) {
  if (item.constraint || item.key.empty()) return false;
  if (item.group == "build") return input.include_build;
  if (item.group == "dev" || item.group.rfind("group:", 0) == 0) return input.include_dev;
  return true;
}

}  // namespace

DepsReport analyze_dependencies(const DepsInput& input) {
  DepsReport report;
  report.target_interpreter = "pypy-" + input.target.python_version;
  report.target_tags = {
      input.target.wheel_tag + "-pypy" + input.target.wheel_tag.substr(2) + "_pp73-manylinux_x86_64",
      input.target.wheel_tag + "-none-any", "py3-none-any"};
  report.pypy_library = input.pypy_library;
  report.pypy_exported_symbols = input.pypy_exported_symbols;

  std::map<std::string, DependencyFacts> facts;
  std::vector<Root> roots;
  if (input.declarations != nullptr) {
    report.files_read = input.declarations->files;
    for (const core::Error& error : input.declarations->errors)
      report.errors.push_back(error.message);
    std::set<std::string> root_keys;
    for (const Declared& item : input.declarations->items) {
      if (!wanted(item, input)) continue;
      DependencyFacts& fact = facts[item.key];
      fact.key = item.key;
      if (fact.name.empty()) fact.name = item.requirement ? item.requirement->name : item.key;
      fact.declarations.push_back(&item);
      if (item.group != "lock" && root_keys.insert(item.key).second) {
        Root root{item.key, {}};
        if (item.requirement)
          root.extras.insert(item.requirement->extras.begin(), item.requirement->extras.end());
        if (!item.requirement || item.requirement->applies(input.target.markers, root.extras))
          roots.push_back(root);
      }
    }
  }
  if (input.installed != nullptr) {
    report.sites = input.installed->sites;
    report.unowned_modules = input.installed->unowned;
    for (const Distribution& dist : input.installed->distributions) {
      for (const std::string& problem : dist.problems)
        report.warnings.push_back(problem);
    }
    if (input.declarations == nullptr) {
      roots = unrequired_distributions(*input.installed, input.target.markers);
      for (const Distribution& dist : input.installed->distributions)
        facts[dist.key].key = dist.key;
    }
    auto paths = paths_from_roots(*input.installed, roots, input.target.markers);
    for (auto& [key, key_paths] : paths) {
      if (find_distribution(*input.installed, key) != nullptr) facts[key].key = key;
    }
    for (auto& [key, fact] : facts) {
      fact.installed = find_distribution(*input.installed, key);
      if (fact.name.empty()) fact.name = fact.installed ? fact.installed->name : key;
    }
    for (auto& [key, fact] : facts) {
      if (input.knowledge) fact.knowledge = input.knowledge->find(key);
      DependencyResult result = decide(fact, input.target);
      auto it = paths.find(key);
      if (it != paths.end()) result.pulled_in_by = it->second;
      report.dependencies.push_back(std::move(result));
    }
  } else {
    for (auto& [key, fact] : facts) {
      if (input.knowledge) fact.knowledge = input.knowledge->find(key);
      report.dependencies.push_back(decide(fact, input.target));
    }
  }
  std::stable_sort(report.dependencies.begin(), report.dependencies.end(),
                   [](const DependencyResult& a, const DependencyResult& b) {
                     if (a.verdict != b.verdict) return a.verdict > b.verdict;
                     return a.key < b.key;
                   });
  return report;
}

}  // namespace pypyready::deps
