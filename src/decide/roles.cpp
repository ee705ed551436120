#include "decide/roles.h"

namespace pypyready::decide {

const results::BenchInterpreter* side_of(const results::Results& results, const results::Benchmark& benchmark,
                                         const std::string& role) {
  for (const results::InterpreterInfo& interpreter : results.interpreters) {
    if (interpreter.role != role) continue;
    auto found = benchmark.per_interpreter.find(interpreter.id);
    if (found != benchmark.per_interpreter.end()) return &found->second;
  }
  for (const auto& [id, side] : benchmark.per_interpreter) {
    bool is_pypy = id.rfind("pypy", 0) == 0;
    if (is_pypy == (role == "candidate")) return &side;
  }
  return nullptr;
}

}  // namespace pypyready::decide
