#pragma once
// The dependency graph of an installed environment (Requires-Dist edges whose markers hold on the
// target), used to show which top-level dependency pulls each package in.

#include <map>
#include <set>
#include <string>
#include <vector>

#include "deps/installed.h"
#include "deps/marker.h"

namespace pypyready::deps {

/// A top-level dependency and the extras it was asked for.
struct Root {
  std::string key;
  std::set<std::string> extras;
};

/// For every package reachable from `roots`, the shortest path from each root that reaches it
/// (root first, the package itself excluded). Roots map to no paths.
std::map<std::string, std::vector<std::vector<std::string>>> paths_from_roots(
    const InstalledEnvironment& env, const std::vector<Root>& roots, const MarkerEnvironment& target);

/// Distributions that no other installed distribution requires on the target: the natural roots
/// when nothing is declared.
std::vector<Root> unrequired_distributions(const InstalledEnvironment& env, const MarkerEnvironment& target);

}  // namespace pypyready::deps
