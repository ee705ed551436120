// The stage table of `check` and the loop that runs it.

#include <fmt/format.h>

#include <array>
#include <exception>

#include "app/check/stages.h"
#include "run/interrupt.h"

namespace pypyready::app::check {
namespace {

// In the order of a careful migration; measurements last because they take the time.
constexpr std::array kStages{
    Stage{"scan", run_scan_stage},   Stage{"deps", run_deps_stage},       Stage{"test", run_test_stage},
    Stage{"bench", run_bench_stage}, Stage{"profile", run_profile_stage},
};

}  // namespace

double CheckContext::remaining_s() const {
  return std::chrono::duration<double>(deadline - std::chrono::steady_clock::now()).count();
}

void run_stages(CheckContext& context) {
  for (std::size_t i = 0; i < kStages.size(); ++i) {
    const Stage& stage = kStages[i];
    if (context.progress) context.progress(fmt::format("[{}/{}] {}", i + 1, kStages.size(), stage.name));
    auto started = std::chrono::steady_clock::now();
    StageReport report;
    if (run::interrupted()) {
      report = {"not-run", "interrupted"};
    } else {
      try {
        report = stage.run(context);
      } catch (const std::exception& error) {
        report = {"failed", std::string("internal error: ") + error.what()};
      }
    }
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    context.results.stages.push_back({stage.name, report.status, report.reason, seconds});
  }
}

}  // namespace pypyready::app::check
