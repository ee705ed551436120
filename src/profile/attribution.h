#pragma once
// Where a run's time went, in the categories that decide what PyPy can do about it: pure Python
// (the JIT speeds it up), native code of the standard library and of third-party extensions (not
// sped up; extensions get slower through PyPy's C-API emulation), system time, I/O wait, import
// and start-up. Computed from the sampler's records and the whole-process wall time.

#include <array>
#include <map>
#include <string>
#include <vector>

#include "profile/probe_report.h"

namespace pypyready::profile {

/// The categories, in the order of the stacked bar and of report.json's `shares`.
inline constexpr std::array<const char*, 7> kCategories{
    "python", "native_stdlib", "native_extensions", "system", "wait", "import", "startup"};

/// Native time spent in one module's C code.
struct ModuleTime {
  std::string module;
  std::string kind;  ///< native_stdlib or native_extensions
  double seconds = 0;
  double share = 0;    ///< of the whole run
  std::string callee;  ///< the C callable, in native_by_callee only (may be empty)
};

/// The attribution of one run.
struct Attribution {
  std::map<std::string, double> seconds;  ///< per category of kCategories
  std::map<std::string, double> shares;   ///< per category, summing to 1
  std::vector<ModuleTime> native_by_module;
  /// Native time per (module, callable), the same time as native_by_module split finer: the
  /// model's factor depends on which C code it is.
  std::vector<ModuleTime> native_by_callee;
  double python_recursive_s = 0;  ///< of seconds["python"]: in functions that recurse
  double python_compiled_s = 0;   ///< of the rest: code the JIT compiles (see the probe)
  /// CPython's garbage collections during the run: one per about 700 container objects
  /// allocated and kept alive, the survivors PyPy's nursery copies out.
  long gc_collections = 0;
  /// The on-CPU seconds CPython spent in those collections: part of the attributed time (where
  /// the collection ran: the allocating bytecode, or "(interpreter)" native time when it held the
  /// thread past a sample), measured at the run's own speed.
  double gc_s = 0;
  long interpreter_children = 0;  ///< child processes started on a Python interpreter
  /// Bytes the run read and wrote through system calls (files, pipes, sockets): PyPy allocates a
  /// fresh buffer for every read, which costs it time per byte.
  double read_bytes = 0;
  double written_bytes = 0;
  double total_s = 0;  ///< start-up plus the sampled body: the run's time without queueing or sampler
  double body_s = 0;   ///< the sampled part (everything but start-up)
  double wall_s = 0;   ///< the whole process, as measured from outside
  long samples = 0;
  double interval_s = 0;
  double queue_s = 0;              ///< time runnable but waiting for a CPU (removed)
  double overhead_s = 0;           ///< the sampler's own handler time (removed)
  double other_threads_cpu_s = 0;  ///< CPU time of threads other than the main one (not attributed)
  double margin = 0;               ///< 95 % sampling half-width of the least certain share
  std::string confidence;          ///< one sentence for the reader
  std::vector<std::string> warnings;
};

/// Attributes a run: `host_wall_s` is the whole process's wall time (start-up is what the
/// sampler did not see of it).
Attribution attribute(const ProbeReport& probe, double host_wall_s);

/// The 95 % half-width of a share `p` estimated from `samples` independent samples.
double sampling_margin(double p, long samples);

}  // namespace pypyready::profile
