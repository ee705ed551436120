#include "deps/pip_log.h"

#include <regex>

namespace pypyready::deps {
namespace {

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    std::string_view line =
        text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return lines;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
    text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
    text.remove_suffix(1);
  return text;
}

bool has(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

std::string after(std::string_view line, std::string_view marker) {
  std::size_t at = line.find(marker);
  return std::string(trim(line.substr(at + marker.size())));
}

// The first compiler diagnostic (`file.c:5:27: error: ...` or `fatal error:`), else the first
// `error:` line that is not pip's own wrapper text.
std::string first_compiler_error(const std::vector<std::string_view>& lines) {
  static const std::regex kDiagnostic(R"(:\d+:\d+: (fatal )?error: )");
  for (std::string_view line : lines) {
    if (std::regex_search(line.begin(), line.end(), kDiagnostic)) return std::string(trim(line));
  }
  for (std::string_view line : lines) {
    std::string_view text = trim(line);
    if (text.rfind("error:", 0) == 0 && !has(text, "subprocess-exited-with-error") &&
        !has(text, "failed with exit code") && !has(text, "legacy-install-failure") &&
        !has(text, "metadata-generation-failed")) {
      return std::string(text);
    }
  }
  return "";
}

}  // namespace

const char* pip_failure_name(PipFailureKind kind) {
  switch (kind) {
    case PipFailureKind::kNoMatchingDistribution:
      return "no-matching-distribution";
    case PipFailureKind::kRequiresPython:
      return "requires-python";
    case PipFailureKind::kBuildFailure:
      return "build-failure";
    case PipFailureKind::kBuildDependency:
      return "build-dependency";
    case PipFailureKind::kMetadataFailure:
      return "metadata-failure";
    case PipFailureKind::kOther:
      return "other";
  }
  return "other";
}

PipFailure parse_pip_failure(std::string_view log) {
  const std::vector<std::string_view> lines = lines_of(log);
  PipFailure failure;
  bool build_dependencies = has(log, "pip subprocess to install build dependencies did not run successfully");
  for (std::string_view line : lines) {
    if (has(line, "requires a different Python:")) {
      failure.kind = PipFailureKind::kRequiresPython;
      failure.detail = after(line, "ERROR: ");
      return failure;
    }
  }
  if (build_dependencies) {
    failure.kind = PipFailureKind::kBuildDependency;
    for (std::string_view line : lines) {
      if (has(line, "No matching distribution found for")) {
        failure.detail =
            "build dependency not available: " + after(line, "No matching distribution found for");
        return failure;
      }
    }
    failure.detail = "installing the build dependencies failed";
    return failure;
  }
  if (has(log, "Failed building wheel for") || has(log, "Could not build wheels for") ||
      has(log, "Failed to build ") || has(log, "legacy-install-failure") ||
      has(log, "Encountered error while trying to install package")) {
    failure.kind = PipFailureKind::kBuildFailure;
    failure.detail = first_compiler_error(lines);
    if (failure.detail.empty()) failure.detail = "building the sdist failed";
    return failure;
  }
  if (has(log, "metadata-generation-failed")) {
    failure.kind = PipFailureKind::kMetadataFailure;
    failure.detail = first_compiler_error(lines);
    return failure;
  }
  for (std::string_view line : lines) {
    if (has(line, "No matching distribution found for")) {
      failure.kind = PipFailureKind::kNoMatchingDistribution;
      failure.detail =
          "no distribution PyPy accepts for " + after(line, "No matching distribution found for");
      return failure;
    }
  }
  for (auto it = lines.rbegin(); it != lines.rend(); ++it) {
    if (has(*it, "ERROR:")) {
      failure.detail = after(*it, "ERROR:");
      break;
    }
  }
  return failure;
}

std::vector<ImportCheck> parse_import_probe(std::string_view output) {
  std::vector<ImportCheck> checks;
  for (std::string_view line : lines_of(output)) {
    ImportCheck check;
    if (line.rfind("ok ", 0) == 0) {
      check.module = std::string(line.substr(3));
      check.ok = true;
    } else if (line.rfind("fail ", 0) == 0) {
      std::string_view rest = line.substr(5);
      std::size_t tab = rest.find('\t');
      check.module = std::string(rest.substr(0, tab));
      check.error = tab == std::string_view::npos ? "" : std::string(rest.substr(tab + 1));
      if (std::size_t at = check.error.find("undefined symbol: "); at != std::string::npos) {
        std::string symbol = check.error.substr(at + 18);
        check.missing_symbol = symbol.substr(0, symbol.find_first_of(" \t'\""));
      }
    } else {
      continue;
    }
    checks.push_back(std::move(check));
  }
  return checks;
}

}  // namespace pypyready::deps
