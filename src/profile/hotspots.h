#pragma once
// The hotspots of a run: the lines and the functions that took the most time, each with the kind
// of time it was (pure Python, native, system, wait, import). A native hotspot names the C code
// (module and callable) and the Python line in the program that led to it.

#include <string>
#include <vector>

#include "profile/probe_report.h"

namespace pypyready::profile {

/// One line or one function.
struct Hotspot {
  std::string kind;  ///< python, native_stdlib, native_extensions, system, wait, import
  std::string file;  ///< shortened for display: relative to the working folder, or stdlib:/site:
  std::string function;
  int line = 0;             ///< 0 for a function hotspot
  std::string module;       ///< native code's module
  std::string callee;       ///< native code's callable
  std::string caller_file;  ///< the program's own line that led here, when it is not this one
  int caller_line = 0;
  double seconds = 0;
  double share = 0;  ///< of the whole run
};

struct Hotspots {
  std::vector<Hotspot> lines;      ///< by (kind, line, callee), largest first
  std::vector<Hotspot> functions;  ///< by function, kind = the largest part of its time
};

/// The `top` largest lines and functions; shares are of `total_s`.
Hotspots find_hotspots(const ProbeReport& probe, double total_s, std::size_t top = 10);

/// A file name as shown: "stdlib:json/decoder.py", "site:numpy/core/x.py", or relative to `cwd`.
std::string display_path(const std::string& file, const ProbeReport& probe);

}  // namespace pypyready::profile
