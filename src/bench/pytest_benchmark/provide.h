#pragma once
// Whether an interpreter can run a pytest-benchmark suite (pytest, pytest_benchmark and cpuinfo
// importable), and if not, the exact command that provides what is missing.

#include <string>
#include <vector>

#include "core/result.h"
#include "run/interpreters.h"

namespace pypyready::bench::pytest_benchmark {

/// The modules pytest-benchmark needs that `interpreter` cannot find (empty: all there); an error
/// when the interpreter cannot even be asked.
core::Result<std::vector<std::string>> missing_modules(const run::Interpreter& interpreter);

/// The command that provides `modules` to `interpreter`: Debian packages for a Debian system
/// interpreter (python3-pytest-benchmark and python3-cpuinfo serve pypy3 too), else pip.
std::string how_to_provide(const std::vector<std::string>& modules, const run::Interpreter& interpreter);

/// The same, told whether this is a Debian system interpreter (/usr/bin on Debian, no venv).
std::string how_to_provide(const std::vector<std::string>& modules, const run::Interpreter& interpreter,
                           bool debian_system);

}  // namespace pypyready::bench::pytest_benchmark
