#pragma once
// Joins the package index's evidence into the verdicts of `pypyready deps`: it decides only
// dependencies nothing stronger decided (verdict unknown), and is always attached for display.

#include <map>
#include <string>
#include <vector>

#include "deps/declaration.h"
#include "deps/index_evidence.h"
#include "deps/report.h"

namespace pypyready::deps {

/// One query per dependency of `report`: the pin from a lock file or an `==` requirement, else
/// the declared specifier, else the installed version.
std::vector<IndexQuery> index_queries(const DepsReport& report, const Declarations* declarations,
                                      const std::string& python_version,
                                      const std::vector<std::string>& tags);

/// Attaches `found` (by key) to the report's dependencies and adjusts unknown verdicts.
void apply_index_evidence(DepsReport& report, const std::map<std::string, IndexEvidence>& found);

}  // namespace pypyready::deps
