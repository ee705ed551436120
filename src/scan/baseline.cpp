#include "scan/baseline.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace pypyready::scan {
namespace {

constexpr const char* kBaselineSchema = "pypyready-baseline/1";

// The path as the baseline records it: relative to the baseline's folder, with forward slashes,
// however the scan was started (`scan .`, `scan src/`, an absolute path).
std::string relative_path(const std::string& path, const std::filesystem::path& base_dir) {
  std::error_code error;
  std::filesystem::path absolute = std::filesystem::absolute(path, error).lexically_normal();
  std::filesystem::path base = std::filesystem::absolute(base_dir, error).lexically_normal();
  std::filesystem::path relative = absolute.lexically_relative(base);
  return relative.empty() ? std::filesystem::path(path).generic_string() : relative.generic_string();
}

std::string finding_key(const Finding& finding, const std::filesystem::path& base_dir) {
  return fingerprint(finding.code, relative_path(finding.path, base_dir), finding.line_text);
}

}  // namespace

std::string normalize_line(std::string_view line) {
  std::string out;
  bool space = false;
  for (char c : line) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string fingerprint(std::string_view code, std::string_view path, std::string_view line_text) {
  std::string key(code);
  key += '\0';
  key += path;
  key += '\0';
  key += normalize_line(line_text);
  return key;
}

core::Result<Baseline> parse_baseline(std::string_view text, const std::string& source) {
  nlohmann::json document = nlohmann::json::parse(text, nullptr, false);
  auto fail = [&](const std::string& what) {
    return core::Error{
        fmt::format("{}: not a pypyready baseline ({}); delete it to record a new one", source, what)};
  };
  if (document.is_discarded()) return fail("invalid JSON");
  if (!document.is_object() || !document.contains("schema") || document["schema"] != kBaselineSchema)
    return fail(fmt::format("expected \"schema\": \"{}\"", kBaselineSchema));
  auto findings = document.find("findings");
  if (findings == document.end() || !findings->is_array()) return fail("expected a \"findings\" list");
  Baseline baseline;
  for (std::size_t i = 0; i < findings->size(); ++i) {
    const nlohmann::json& entry = (*findings)[i];
    if (!entry.is_object() || !entry.contains("code") || !entry["code"].is_string() ||
        !entry.contains("path") || !entry["path"].is_string() || !entry.contains("line_text") ||
        !entry["line_text"].is_string())
      return fail(fmt::format("findings[{}]: expected code, path and line_text strings", i));
    int count = 1;
    if (entry.contains("count")) {
      if (!entry["count"].is_number_integer() || entry["count"].get<int>() < 1)
        return fail(fmt::format("findings[{}]: count must be a whole number of at least 1", i));
      count = entry["count"].get<int>();
    }
    baseline.counts[fingerprint(entry["code"].get<std::string>(), entry["path"].get<std::string>(),
                                entry["line_text"].get<std::string>())] += count;
  }
  return baseline;
}

std::string baseline_text(const std::vector<FileResult>& files, const std::filesystem::path& base_dir) {
  // Keyed by fingerprint so that the file is sorted and stable from run to run (no line numbers,
  // no timestamps): regenerating it on unchanged code gives the same bytes.
  std::map<std::string, std::pair<nlohmann::json, int>> entries;
  for (const FileResult& file : files) {
    for (const Finding& finding : file.findings) {
      std::string path = relative_path(finding.path, base_dir);
      auto& [entry, count] = entries[fingerprint(finding.code, path, finding.line_text)];
      if (count++ == 0)
        entry = {{"code", finding.code}, {"path", path}, {"line_text", normalize_line(finding.line_text)}};
    }
  }
  nlohmann::json findings = nlohmann::json::array();
  for (auto& [key, value] : entries) {
    auto& [entry, count] = value;
    if (count > 1) entry["count"] = count;
    findings.push_back(std::move(entry));
  }
  nlohmann::json document = {{"schema", kBaselineSchema},
                             {"about",
                              "Findings of `pypyready scan` recorded as accepted; `pypyready scan "
                              "--baseline` reports only new ones."},
                             {"findings", findings}};
  return document.dump(1) + "\n";
}

BaselineFilter remove_known(std::vector<FileResult>& files, const Baseline& baseline,
                            const std::filesystem::path& base_dir) {
  std::map<std::string, int> left = baseline.counts;
  BaselineFilter result;
  for (FileResult& file : files) {
    std::vector<Finding> kept;
    for (Finding& finding : file.findings) {
      auto it = left.find(finding_key(finding, base_dir));
      if (it != left.end() && it->second > 0) {
        --it->second;
        ++result.known;
      } else {
        kept.push_back(std::move(finding));
      }
    }
    file.findings = std::move(kept);
  }
  for (const auto& [key, count] : left)
    result.gone += static_cast<std::size_t>(count);
  return result;
}

}  // namespace pypyready::scan
