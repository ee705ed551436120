#include "deps/report.h"

namespace pypyready::deps {

const char* verdict_name(Verdict verdict) {
  switch (verdict) {
    case Verdict::kWorks:
      return "works";
    case Verdict::kSlower:
      return "slower";
    case Verdict::kUnknown:
      return "unknown";
    case Verdict::kReplace:
      return "replace";
    case Verdict::kBlocked:
      return "blocked";
  }
  return "unknown";
}

std::map<Verdict, int> DepsReport::counts() const {
  std::map<Verdict, int> out;
  for (const DependencyResult& dep : dependencies)
    ++out[dep.verdict];
  return out;
}

}  // namespace pypyready::deps
