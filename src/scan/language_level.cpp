#include "scan/language_level.h"

namespace pypyready::scan {

LanguageLevel language_level(const std::vector<FileResult>& files, PythonVersion target) {
  LanguageLevel level;
  level.target = target;
  for (const FileResult& file : files) {
    for (const Finding& finding : file.findings) {
      if (!finding.needs) continue;
      if (level.required && finding.needs->version <= *level.required) continue;
      level.required = finding.needs->version;
      level.first_use = FirstUse{finding.path, finding.begin.line, finding.needs->feature};
    }
  }
  return level;
}

}  // namespace pypyready::scan
