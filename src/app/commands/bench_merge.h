#pragma once
// `pypyready bench --merge RUN.json...`: saved runs pooled into one speedup per benchmark; no
// interpreter runs. bench.cpp declares the option and hands over before choosing interpreters.

#include <string>
#include <vector>

#include "app/exit_code.h"

namespace pypyready::app {

/// Reads the runs (a file that cannot be read or holds no `bench` section is named on stderr and
/// left out), pools them and writes the result in `format`. A usage error with fewer than two
/// readable runs.
ExitCode run_bench_merge(const std::vector<std::string>& files, const std::string& format,
                         const std::string& output);

}  // namespace pypyready::app
