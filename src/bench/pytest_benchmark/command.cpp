#include "bench/pytest_benchmark/command.h"

#include <fmt/format.h>

#include <sstream>

namespace pypyready::bench::pytest_benchmark {

std::filesystem::path report_path(const std::filesystem::path& folder) {
  return folder / "report.json";
}

std::vector<std::string> pytest_argv(const std::string& interpreter, const std::filesystem::path& folder,
                                     const RunSettings& settings, const std::vector<std::string>& user_args) {
  std::vector<std::string> argv{interpreter,
                                "-m",
                                "pytest",
                                "-p",
                                "no:cacheprovider",
                                "-rfE",
                                "--color=no",
                                "--benchmark-only",
                                "--benchmark-warmup=off",
                                fmt::format("--benchmark-min-rounds={}", settings.min_rounds),
                                fmt::format("--benchmark-max-time={:g}", settings.max_time_s),
                                fmt::format("--benchmark-min-time={:g}", settings.min_time_s),
                                "--benchmark-json=" + report_path(folder).string(),
                                "--benchmark-storage=file://" + (folder / "storage").string()};
  argv.insert(argv.end(), user_args.begin(), user_args.end());
  return argv;
}

core::Status check_user_args(const std::vector<std::string>& user_args) {
  for (const std::string& arg : user_args) {
    for (const char* option : {"--benchmark-json", "--benchmark-disable", "--benchmark-skip"}) {
      std::string name(option);
      if (arg == name || arg.starts_with(name + "="))
        return core::Error{fmt::format(
            "{}: pypyready runs pytest-benchmark with its own --benchmark-json report and --benchmark-only; "
            "leave {} out of the pytest arguments",
            arg, name)};
    }
  }
  return core::ok_status();
}

std::map<std::string, std::string> failed_tests(const std::string& output) {
  std::map<std::string, std::string> failures;
  std::istringstream lines(output);
  std::string line;
  while (std::getline(lines, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::string rest;
    for (const char* prefix : {"FAILED ", "ERROR "})
      if (line.starts_with(prefix)) rest = line.substr(std::string(prefix).size());
    if (rest.empty()) continue;
    std::size_t dash = rest.find(" - ");
    std::string id = rest.substr(0, dash);
    std::string reason = dash == std::string::npos ? std::string("failed") : rest.substr(dash + 3);
    if (!id.empty()) failures.emplace(id, reason);
  }
  return failures;
}

std::string failure_of(const std::map<std::string, std::string>& failures, const std::string& node_id) {
  if (auto found = failures.find(node_id); found != failures.end()) return found->second;
  std::string file = node_id.substr(0, node_id.find("::"));
  if (auto found = failures.find(file); found != failures.end()) return found->second;
  return {};
}

}  // namespace pypyready::bench::pytest_benchmark
