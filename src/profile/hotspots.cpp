#include "profile/hotspots.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace pypyready::profile {

std::string display_path(const std::string& file, const ProbeReport& probe) {
  // Site folders first: on some systems they sit inside the standard library's folder.
  for (const std::string& dir : probe.site_dirs)
    if (!dir.empty() && file.starts_with(dir)) return "site:" + file.substr(dir.size());
  for (const std::string& dir : probe.stdlib_dirs)
    if (!dir.empty() && file.starts_with(dir)) return "stdlib:" + file.substr(dir.size());
  std::string cwd = probe.cwd.empty() || probe.cwd.back() == '/' ? probe.cwd : probe.cwd + "/";
  if (!cwd.empty() && file.starts_with(cwd)) return file.substr(cwd.size());
  return file;
}

namespace {

using LineKey = std::tuple<std::string, std::string, std::string, int, std::string, std::string>;

void add_line(std::map<LineKey, Hotspot>& lines, const SampleRecord& record, const std::string& kind,
              double seconds, const ProbeReport& probe) {
  if (seconds <= 0) return;
  bool native = kind == "native_stdlib" || kind == "native_extensions";
  std::string module = native ? record.module : "";
  std::string callee = native ? record.callee : "";
  LineKey key{kind, record.file, record.function, record.line, module, callee};
  Hotspot& spot = lines[key];
  if (spot.kind.empty()) {
    spot.kind = kind;
    spot.file = display_path(record.file, probe);
    spot.function = record.function;
    spot.line = record.line;
    spot.module = module;
    spot.callee = callee;
    if (!record.caller_file.empty() &&
        (record.caller_file != record.file || record.caller_line != record.line)) {
      spot.caller_file = display_path(record.caller_file, probe);
      spot.caller_line = record.caller_line;
    }
  }
  spot.seconds += seconds;
}

template <typename T>
std::vector<T> largest(std::vector<T> items, std::size_t top) {
  std::sort(items.begin(), items.end(), [](const T& a, const T& b) { return a.seconds > b.seconds; });
  if (items.size() > top) items.resize(top);
  return items;
}

}  // namespace

Hotspots find_hotspots(const ProbeReport& probe, double total_s, std::size_t top) {
  std::map<LineKey, Hotspot> lines;
  for (const SampleRecord& record : probe.records) {
    if (record.kind == "import") {
      add_line(lines, record, "import", record.user_s + record.sys_s + record.wait_s, probe);
      continue;
    }
    add_line(lines, record, record.kind, record.user_s, probe);
    add_line(lines, record, "system", record.sys_s, probe);
    add_line(lines, record, "wait", record.wait_s, probe);
  }
  // Functions: every line's time, the kind being the largest part.
  std::map<std::pair<std::string, std::string>, std::map<std::string, double>> parts;
  std::map<std::pair<std::string, std::string>, Hotspot> functions;
  std::vector<Hotspot> all_lines;
  for (auto& [key, spot] : lines) {
    spot.share = total_s > 0 ? spot.seconds / total_s : 0;
    std::pair<std::string, std::string> function{spot.file, spot.function};
    parts[function][spot.kind] += spot.seconds;
    Hotspot& whole = functions[function];
    whole.file = spot.file;
    whole.function = spot.function;
    whole.seconds += spot.seconds;
    all_lines.push_back(spot);
  }
  std::vector<Hotspot> all_functions;
  for (auto& [key, whole] : functions) {
    const auto& kinds = parts[key];
    whole.kind = std::max_element(kinds.begin(), kinds.end(), [](const auto& a, const auto& b) {
                   return a.second < b.second;
                 })->first;
    whole.share = total_s > 0 ? whole.seconds / total_s : 0;
    all_functions.push_back(whole);
  }
  return {largest(all_lines, top), largest(all_functions, top)};
}

}  // namespace pypyready::profile
