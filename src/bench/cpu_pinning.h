#pragma once
// Which CPU a benchmark's processes run on. Cores of one machine can differ a lot in speed (on a
// 2-vCPU cloud VM, one core ran the same CPython program 40 % slower than the other), and a child
// the scheduler places on either one gets a bimodal time: a 15 % spread per process where one CPU
// gives 3 %. Running every measured process of a comparison on the same CPU removes that spread, and
// both interpreters meet the same core. Commands that use several CPUs at once need `--cpu any`.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/result.h"

namespace pypyready::bench {

/// The CPUs this process may run on (its affinity mask), in ascending order.
std::vector<int> allowed_cpus();

/// Per CPU number: busy and total jiffies, from the text of /proc/stat.
struct CpuTimes {
  std::uint64_t busy = 0;
  std::uint64_t total = 0;
};
std::map<int, CpuTimes> parse_cpu_times(const std::string& proc_stat);

/// The allowed CPU that was least busy between two readings of /proc/stat, and its busy share
/// (0-1); ties go to the highest-numbered one (CPU 0 usually takes more interrupts). cpu -1 when
/// none is allowed.
struct CpuChoice {
  int cpu = -1;
  double busy_share = 0;
};
CpuChoice least_busy_cpu(const std::vector<int>& allowed, const std::map<int, CpuTimes>& before,
                         const std::map<int, CpuTimes>& after);

/// `--cpu` as given: "any" (-1, no pinning), "auto", or a CPU number this process may use. "auto"
/// pins to the least busy allowed CPU over a short look, unless even that one is busy more than half
/// the time: on a machine that busy a pinned process would wait for its CPU while another is free,
/// so it is not pinned.
core::Result<int> choose_cpu(const std::string& request);

}  // namespace pypyready::bench
