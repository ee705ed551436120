#pragma once
// The `deps` analysis: joins declarations, the installed environment and the knowledge base into
// one DepsReport (never prints).

#include <optional>
#include <string>

#include "deps/declaration.h"
#include "deps/installed.h"
#include "deps/knowledge.h"
#include "deps/report.h"
#include "deps/verdict.h"

namespace pypyready::deps {

/// Inputs of one analysis; either part may be absent.
struct DepsInput {
  const Declarations* declarations = nullptr;
  const InstalledEnvironment* installed = nullptr;
  const KnowledgeBase* knowledge = nullptr;
  Target target;
  std::string pypy_library;
  std::size_t pypy_exported_symbols = 0;
  bool include_build = false;  ///< also judge [build-system] requirements
  bool include_dev = false;    ///< also judge dev, test and dependency-group requirements
};

/// Produces the report: with declarations, the declared dependencies and (when installed) what
/// they pull in; without, every installed distribution.
DepsReport analyze_dependencies(const DepsInput& input);

}  // namespace pypyready::deps
