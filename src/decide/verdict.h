#pragma once
// From judged criteria to the verdict, the blockers and the next steps.

#include <vector>

#include "decide/decide.h"

namespace pypyready::decide {

/// What must change before moving: error-level findings, dependencies to replace or drop, code
/// newer than the target, tests failing only on PyPy.
std::vector<results::Blocker> find_blockers(const results::Results& results,
                                            const std::vector<results::Criterion>& criteria);

/// stay when a criterion no fix can change is not met (speed, run length, memory, native share,
/// a blocked dependency without an alternative); inconclusive when the gain itself is unknown;
/// migrate-after-fixes when blockers remain; migrate otherwise. Sets verdict and reason.
void choose_verdict(const results::Results& results, results::Decision& decision);

/// The ordered, concrete steps: fixes first, then what to measure next.
std::vector<results::NextStep> plan_next_steps(const results::Results& results,
                                               const results::Decision& decision);

}  // namespace pypyready::decide
