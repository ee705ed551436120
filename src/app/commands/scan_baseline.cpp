#include "app/commands/scan_baseline.h"

#include <fmt/format.h>

#include "core/file_io.h"
#include "scan/baseline.h"

namespace pypyready::app {
namespace {

std::size_t count_findings(const scan::ScanReport& report) {
  std::size_t n = 0;
  for (const scan::FileResult& file : report.files)
    n += file.findings.size();
  return n;
}

const char* plural(std::size_t n) {
  return n == 1 ? "" : "s";
}

}  // namespace

core::Status apply_scan_baseline(const std::string& file, scan::ScanReport& report, std::string& note) {
  std::filesystem::path path(file);
  // Paths in the baseline are relative to its folder, so it can live at the project root and
  // match however the scan is started.
  std::filesystem::path base_dir =
      path.parent_path().empty() ? std::filesystem::path(".") : path.parent_path();
  std::error_code error;
  if (!std::filesystem::exists(path, error)) {
    std::size_t recorded = count_findings(report);
    if (auto written = core::write_file_atomically(path, scan::baseline_text(report.files, base_dir));
        !written)
      return written;
    // What was just recorded is accepted: nothing in this run is new.
    for (scan::FileResult& result : report.files)
      result.findings.clear();
    note = fmt::format(
        "pypyready scan: recorded {} finding{} in {}; scans with --baseline {} report only new ones",
        recorded, plural(recorded), file, file);
    return core::ok_status();
  }
  auto text = core::read_file(path);
  if (!text) return text.error();
  auto baseline = scan::parse_baseline(*text, file);
  if (!baseline) return baseline.error();
  scan::BaselineFilter filter = scan::remove_known(report.files, *baseline, base_dir);
  note = fmt::format("pypyready scan: {} finding{} in the baseline {} not shown", filter.known,
                     plural(filter.known), file);
  if (filter.gone > 0)
    note += fmt::format("; {} baseline entr{} no longer found (delete {} to record a smaller one)",
                        filter.gone, filter.gone == 1 ? "y is" : "ies are", file);
  return core::ok_status();
}

}  // namespace pypyready::app
