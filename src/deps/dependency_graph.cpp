#include "deps/dependency_graph.h"

#include <deque>

namespace pypyready::deps {

std::map<std::string, std::vector<std::vector<std::string>>> paths_from_roots(
    const InstalledEnvironment& env, const std::vector<Root>& roots, const MarkerEnvironment& target) {
  std::map<std::string, const Distribution*> by_key;
  for (const Distribution& dist : env.distributions)
    by_key.emplace(dist.key, &dist);
  std::map<std::string, std::vector<std::vector<std::string>>> out;
  for (const Root& root : roots) {
    // Breadth-first, so the recorded path is a shortest one; `parent` also guards against cycles.
    std::map<std::string, std::string> parent{{root.key, ""}};
    std::deque<std::pair<std::string, std::set<std::string>>> queue{{root.key, root.extras}};
    while (!queue.empty()) {
      auto [key, extras] = queue.front();
      queue.pop_front();
      auto it = by_key.find(key);
      if (it == by_key.end()) continue;
      for (const Requirement& req : it->second->requires_dist) {
        if (!req.applies(target, extras) || parent.count(req.key)) continue;
        parent[req.key] = key;
        queue.emplace_back(req.key, std::set<std::string>(req.extras.begin(), req.extras.end()));
        std::vector<std::string> path;
        for (std::string at = key; !at.empty(); at = parent[at])
          path.insert(path.begin(), at);
        out[req.key].push_back(std::move(path));
      }
    }
  }
  return out;
}

std::vector<Root> unrequired_distributions(const InstalledEnvironment& env, const MarkerEnvironment& target) {
  std::set<std::string> required;
  for (const Distribution& dist : env.distributions) {
    for (const Requirement& req : dist.requires_dist) {
      if (req.key != dist.key && req.applies(target)) required.insert(req.key);
    }
  }
  std::vector<Root> roots;
  for (const Distribution& dist : env.distributions) {
    if (!required.count(dist.key)) roots.push_back(Root{dist.key, {}});
  }
  return roots;
}

}  // namespace pypyready::deps
