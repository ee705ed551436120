#include "profile/analyze.h"

#include <algorithm>

namespace pypyready::profile {

ProfileReport analyze_run(const ProfileRun& run, const std::string& command,
                          const ModelParameters& parameters) {
  ProfileReport report;
  report.command = command;
  report.interpreter = (run.probe.implementation.empty() ? "python" : run.probe.implementation) + "-" +
                       run.probe.python_version;
  report.attribution = attribute(run.probe, run.process.wall_s);
  report.hotspots = find_hotspots(run.probe, report.attribution.total_s);
  report.prediction = predict(report.attribution, parameters);
  report.warnings = report.attribution.warnings;
  report.program_out_bytes = run.process.out_bytes;
  report.program_err_bytes = run.process.err_bytes;
  if (run.probe.implementation != "cpython")
    report.warnings.push_back("the program ran on " + run.probe.implementation +
                              ", not CPython: the Python/native split and the prediction assume CPython");
  return report;
}

std::optional<double> measure_startup(const std::string& interpreter, int runs) {
  std::vector<double> times;
  for (int i = 0; i < runs; ++i) {
    run::ProcessSpec spec;
    spec.argv = {interpreter, "-c", "pass"};
    spec.timeout = std::chrono::seconds(20);
    auto ran = run::run_process(spec);
    if (!ran || !ran->succeeded()) return std::nullopt;
    // CPU time: the same on a busy machine, where wall time would count waiting for a CPU.
    times.push_back(ran->user_s + ran->sys_s > 0 ? ran->user_s + ran->sys_s : ran->wall_s);
  }
  if (times.empty()) return std::nullopt;
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

}  // namespace pypyready::profile
