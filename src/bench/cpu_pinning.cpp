#include "bench/cpu_pinning.h"

#include <sched.h>

#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

namespace pypyready::bench {
namespace {

std::string read_proc_stat() {
  std::ifstream in("/proc/stat");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string describe(const std::vector<int>& cpus) {
  std::string list;
  for (int cpu : cpus)
    list += (list.empty() ? "" : ", ") + std::to_string(cpu);
  return list;
}

}  // namespace

std::vector<int> allowed_cpus() {
  cpu_set_t mask;
  CPU_ZERO(&mask);
  std::vector<int> cpus;
  if (::sched_getaffinity(0, sizeof mask, &mask) != 0) return cpus;
  for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu)
    if (CPU_ISSET(cpu, &mask)) cpus.push_back(cpu);
  return cpus;
}

std::map<int, CpuTimes> parse_cpu_times(const std::string& proc_stat) {
  std::map<int, CpuTimes> times;
  std::istringstream lines(proc_stat);
  std::string line;
  while (std::getline(lines, line)) {
    // "cpu3 user nice system idle iowait irq softirq steal ...": the summed "cpu " line is skipped.
    if (line.rfind("cpu", 0) != 0 || line.size() < 4 || line[3] < '0' || line[3] > '9') continue;
    std::istringstream fields(line.substr(3));
    int cpu = 0;
    fields >> cpu;
    CpuTimes entry;
    std::uint64_t value = 0;
    for (int column = 0; fields >> value; ++column) {
      entry.total += value;
      bool waiting = column == 3 || column == 4;  // idle, iowait
      if (!waiting) entry.busy += value;
    }
    times[cpu] = entry;
  }
  return times;
}

CpuChoice least_busy_cpu(const std::vector<int>& allowed, const std::map<int, CpuTimes>& before,
                         const std::map<int, CpuTimes>& after) {
  CpuChoice best{-1, 2};
  for (int cpu : allowed) {
    auto a = before.find(cpu);
    auto b = after.find(cpu);
    double share = 0;
    if (a != before.end() && b != after.end() && b->second.total > a->second.total)
      share = static_cast<double>(b->second.busy - a->second.busy) /
              static_cast<double>(b->second.total - a->second.total);
    if (share <= best.busy_share) best = {cpu, share};
  }
  return best;
}

core::Result<int> choose_cpu(const std::string& request) {
  if (request == "any") return -1;
  std::vector<int> allowed = allowed_cpus();
  if (allowed.empty()) return -1;
  if (request == "auto") {
    if (allowed.size() == 1) return allowed[0];
    auto before = parse_cpu_times(read_proc_stat());
    std::this_thread::sleep_for(std::chrono::milliseconds(150));
    CpuChoice choice = least_busy_cpu(allowed, before, parse_cpu_times(read_proc_stat()));
    return choice.busy_share > 0.5 ? -1 : choice.cpu;
  }
  char* end = nullptr;
  long cpu = std::strtol(request.c_str(), &end, 10);
  bool number = end != request.c_str() && *end == '\0';
  for (int candidate : allowed)
    if (number && candidate == cpu) return candidate;
  return core::Error{fmt::format("--cpu {}: expected auto, any, or one of the CPUs this process may use ({})",
                                 request, describe(allowed))};
}

}  // namespace pypyready::bench
