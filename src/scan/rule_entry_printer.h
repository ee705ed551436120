#pragma once
// For tests parameterised by rule: GoogleTest prints a parameter through PrintTo, found by
// argument-dependent lookup, so failure messages name the rule rather than an address.

#include <ostream>

#include "scan/rule.h"

namespace pypyready::scan {

inline void PrintTo(const RuleEntry* entry, std::ostream* out) {
  *out << entry->info->code;
}

}  // namespace pypyready::scan
