#pragma once
// `pypyready debug ast`: prints the syntax tree of a Python file as CPython's ast.dump does.

#include <CLI/CLI.hpp>

#include <functional>
#include <optional>

#include "app/exit_code.h"

namespace pypyready::app {

/// Declares the `ast` view under `debug`; the returned function runs it when it was named on
/// the command line and returns nullopt otherwise.
std::function<std::optional<ExitCode>()> add_ast_view(CLI::App& debug);

}  // namespace pypyready::app
