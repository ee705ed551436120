#pragma once
// A minimal child-process runner for asking interpreters questions: the child gets its own
// process group, output is captured, a timeout kills the whole group, and the child is always
// reaped. (A fuller runner belongs to src/run; this one covers the deps analysis only.)

#include <chrono>
#include <string>
#include <vector>

#include "core/result.h"

namespace pypyready::deps {

/// How a child ended and what it printed.
struct ChildOutput {
  int exit_code = -1;  ///< exit status, or 128+signal when killed by a signal
  bool timed_out = false;
  std::string out;
  std::string err;
};

/// Runs `argv` (argv[0] searched on PATH) with `timeout`; an error only when it cannot start.
core::Result<ChildOutput> run_child(const std::vector<std::string>& argv, std::chrono::milliseconds timeout,
                                    const std::string& working_dir = "");

}  // namespace pypyready::deps
