#pragma once
// The language level a scan found: the newest Python version the code needs (over PPY040's
// findings) against the target PyPy's, and where the newest construct is first used.

#include <optional>
#include <string>
#include <vector>

#include "scan/checker.h"
#include "scan/python_version.h"

namespace pypyready::scan {

/// Where the construct that sets the required version first appears.
struct FirstUse {
  std::string path;
  std::uint32_t line = 0;
  std::string feature;
};

/// `required` is empty when nothing newer than the target was found (constructs the target
/// supports are not reported, so the code may still need a version below the target).
struct LanguageLevel {
  PythonVersion target;
  std::optional<PythonVersion> required;
  std::optional<FirstUse> first_use;
};

/// The maximum over the findings that carry a LanguageNeed; ties go to the first file in path
/// order, then the first line.
LanguageLevel language_level(const std::vector<FileResult>& files, PythonVersion target);

}  // namespace pypyready::scan
