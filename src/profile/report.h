#pragma once
// One profile: the attribution, the hotspots, the prediction and, with --verify, the measured
// speedup next to it; and its views (the `profile` section of report.json, text, Markdown).
// Renderers only format what is here.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "profile/attribution.h"
#include "profile/hotspots.h"
#include "profile/model.h"

namespace pypyready::profile {

/// The real PyPy speedup (bench harness) against the predicted range.
struct Verification {
  double measured = 0;
  double ci_low = 0;
  double ci_high = 0;
  bool within_range = false;  ///< the measured value lies in the predicted range
  double error_factor = 1;    ///< max(m/p, p/m) of the measured value and the range's middle
  double measured_cpu = 0;    ///< the same ratio of CPU times (immune to a busy machine); 0: none
  double cpu_ci_low = 0;
  double cpu_ci_high = 0;
  std::string predicted_direction;  ///< faster, same, slower (of the range's middle)
  std::string measured_direction;
};

struct ProfileReport {
  std::string command;      ///< as given, one line
  std::string interpreter;  ///< "cpython-3.11.2"
  Attribution attribution;
  Hotspots hotspots;
  Prediction prediction;
  std::optional<Verification> verification;
  std::vector<std::string> warnings;    ///< the attribution's and the tool's own
  std::uint64_t program_out_bytes = 0;  ///< what the program wrote (captured, not shown)
  std::uint64_t program_err_bytes = 0;
};

/// Compares a measured speedup (with its 95 % interval) with the prediction.
Verification verify_prediction(const Prediction& prediction, double measured, double ci_low, double ci_high);

/// The `profile` section of report.json (docs/report-schema.md).
nlohmann::json to_json(const ProfileReport& report);

/// Terminal text: a stacked bar of the shares, native time by module, hotspots, the prediction.
std::string render_text(const ProfileReport& report, std::size_t top = 10);

/// The same as Markdown tables.
std::string render_markdown(const ProfileReport& report, std::size_t top = 10);

/// A bar of `width` cells, each category drawn with its own character (largest remainder
/// rounding, so the cells always add up to `width`).
std::string stacked_bar(const Attribution& attribution, std::size_t width);

/// The character and the label of a category in the bar's legend.
const char* bar_glyph(const std::string& category);
const char* category_label(const std::string& category);

}  // namespace pypyready::profile
