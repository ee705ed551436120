#pragma once
// Results to and from JSON (report.json, schema "pypyready/1"). Reading checks every field it
// knows and names the file, the JSON path and what was expected; keys it does not know are kept,
// so reports from a newer minor version of the schema re-render without loss.

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

#include "core/result.h"
#include "results/results.h"

namespace pypyready::results {

/// The whole report as JSON, sections that did not run left out.
nlohmann::json to_json(const Results& results);

/// Parses report.json text; `source` names the file in error messages.
core::Result<Results> from_json_text(std::string_view text, const std::string& source);

/// Parses one section as an analysis wrote it (the same shape as in report.json).
core::Result<ScanSection> scan_from_json(const nlohmann::json& section, const std::string& source);
core::Result<DepsSection> deps_from_json(const nlohmann::json& section, const std::string& source);
core::Result<BenchSection> bench_from_json(const nlohmann::json& section, const std::string& source);
core::Result<TestSection> test_from_json(const nlohmann::json& section, const std::string& source);
core::Result<ProfileSection> profile_from_json(const nlohmann::json& section, const std::string& source);

}  // namespace pypyready::results
