#pragma once
// Deciding one dependency's verdict from its evidence: markers, Requires-Python, the knowledge
// base, lock-file wheel names, and the installed files and their C-API check.

#include <optional>
#include <string>
#include <vector>

#include "deps/declaration.h"
#include "deps/installed.h"
#include "deps/knowledge.h"
#include "deps/marker.h"
#include "deps/report.h"

namespace pypyready::deps {

/// What is known about one dependency before deciding.
struct DependencyFacts {
  std::string key;
  std::string name;
  std::vector<const Declared*> declarations;  ///< may be empty (found installed only)
  const Distribution* installed = nullptr;
  const KnowledgeEntry* knowledge = nullptr;
};

/// The target interpreter of the check.
struct Target {
  MarkerEnvironment markers;
  std::string python_version;  ///< "3.9"
  std::string wheel_tag;       ///< "pp39" (the interpreter tag of its wheels)
};

/// Makes the target for PyPy speaking `python_version`.
Target pypy_target(const std::string& python_version);

/// Decides the verdict, kind, alternative and evidence of one dependency.
DependencyResult decide(const DependencyFacts& facts, const Target& target);

}  // namespace pypyready::deps
