#pragma once
// Asking a Python interpreter where its installed distributions live (purelib, platlib and the
// site folders on sys.path), through a child process with a timeout.

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "core/result.h"

namespace pypyready::deps {

/// What an interpreter reported about itself.
struct InterpreterSites {
  std::string executable;
  std::string implementation;                ///< "cpython" or "pypy"
  std::string version;                       ///< "3.11.7"
  std::vector<std::filesystem::path> sites;  ///< existing folders, purelib first, no duplicates
};

/// Runs `interpreter` to read its site folders; the error names the interpreter and what it printed.
core::Result<InterpreterSites> query_interpreter_sites(const std::string& interpreter,
                                                       std::chrono::milliseconds timeout);

/// Parses the probe's output (one `key=value` per line); exposed for tests.
core::Result<InterpreterSites> parse_interpreter_probe(const std::string& output,
                                                       const std::string& interpreter);

}  // namespace pypyready::deps
