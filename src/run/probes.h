#pragma once
// The Python probes of probes/, embedded in the binary at build time. They run with `-c`, so
// nothing is written to disk.

#include <string_view>

namespace pypyready::run {

/// The source of probes/<name>.py ("interpreter", "bench_function"), or empty if there is none.
std::string_view probe_source(std::string_view name);

}  // namespace pypyready::run
