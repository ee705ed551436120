#pragma once
// What the sampler probe (probes/profile_sampler.py) reports at the end of a run: its clocks and
// one record per distinct (kind, native module, callee, code location, calling user line) with
// the seconds each part of the samples there took.

#include <string>
#include <vector>

#include "core/result.h"

namespace pypyready::profile {

/// Seconds the samples at one place spent, split the way the probe split them.
struct SampleRecord {
  std::string kind;    ///< python, native_stdlib, native_extensions, import
  std::string module;  ///< native code's module ("_json", "fastops", "(interpreter)"); empty otherwise
  std::string callee;  ///< the C callable ("Scanner", "dumps"); may be empty
  std::string file;    ///< the sampled frame's file
  std::string function;
  int line = 0;
  std::string caller_file;  ///< the innermost frame outside the standard library
  int caller_line = 0;
  double user_s = 0;  ///< on-CPU user time, of `kind`
  double sys_s = 0;   ///< on-CPU system time
  double wait_s = 0;  ///< off-CPU time that was not queueing
  long samples = 0;
};

/// The whole probe report.
struct ProbeReport {
  std::string implementation;  ///< sys.implementation.name
  std::string python_version;
  double interval_s = 0;
  long samples = 0;
  double wall_s = 0;             ///< in-process wall time, sampler start to stop
  double setup_s = 0;            ///< the probe's own set-up before the timer started
  double startup_queue_s = 0;    ///< run-queue delay during start-up, before the probe ran
  double startup_cpu_s = 0;      ///< CPU time of start-up, before the probe ran
  double main_thread_cpu_s = 0;  ///< of the main thread, between start and stop
  double process_user_s = 0;     ///< whole process, all threads (rusage at stop)
  double process_sys_s = 0;
  double queue_s = 0;             ///< run-queue delay: time runnable but waiting for a CPU
  double overhead_s = 0;          ///< the signal handler's own time
  double python_recursive_s = 0;  ///< pure-Python time in functions also further down the stack
  double python_compiled_s = 0;   ///< the rest, weighted by its code's share the JIT compiles
  long gc_collections = 0;        ///< CPython's garbage collections, all generations (0: PyPy)
  double gc_s = 0;                ///< on-CPU seconds those collections took (gc.callbacks)
  long interpreter_children = 0;  ///< child processes started on a Python interpreter
  double read_bytes = 0;          ///< read by the process between start and stop (rchar)
  double written_bytes = 0;       ///< written by the process between start and stop (wchar)
  bool schedstat = false;
  bool handler_replaced = false;  ///< the program installed its own SIGALRM handler
  std::vector<std::string> stdlib_dirs;
  std::vector<std::string> site_dirs;
  std::string cwd;
  std::string ending;  ///< "returned", "exit", "exception"
  std::vector<SampleRecord> records;
};

/// Parses the last complete JSON line of the probe's data pipe.
core::Result<ProbeReport> parse_probe_report(const std::string& data);

}  // namespace pypyready::profile
