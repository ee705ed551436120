#pragma once
// From one sampled run to a ProfileReport: attribution, hotspots and prediction together.

#include <optional>
#include <string>

#include "profile/model.h"
#include "profile/report.h"
#include "profile/run_profile.h"

namespace pypyready::profile {

/// `command` is the command line as the user gave it (for the header).
ProfileReport analyze_run(const ProfileRun& run, const std::string& command,
                          const ModelParameters& parameters = {});

/// PyPy's bare start-up (`-c pass`, CPU time), the median of `runs` runs; nullopt when it does not run.
std::optional<double> measure_startup(const std::string& interpreter, int runs = 3);

}  // namespace pypyready::profile
