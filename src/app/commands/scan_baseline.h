#pragma once
// `pypyready scan --baseline FILE` on the command's side: record FILE when it does not exist,
// otherwise drop the findings it lists from the report, and tell the user which happened.

#include <string>

#include "core/result.h"
#include "scan/render/render.h"

namespace pypyready::app {

/// Records or applies the baseline FILE to `report` (its findings shrink to the new ones); the
/// note for stderr says what was done. An unreadable or damaged FILE is an error.
core::Status apply_scan_baseline(const std::string& file, scan::ScanReport& report, std::string& note);

}  // namespace pypyready::app
