#pragma once
// Text and JSON views of discovered interpreters (moves to src/report/ when that layer exists).

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "run/interpreters.h"

namespace pypyready::run {

/// One interpreter in the `interpreters` entry shape of design.md's results schema, plus details.
nlohmann::json interpreter_to_json(const Interpreter& interpreter);

/// An aligned table, one interpreter a line, then the problems (unusable candidates) below it.
std::string render_interpreters_text(const std::vector<Interpreter>& interpreters,
                                     const std::vector<std::string>& problems);

}  // namespace pypyready::run
