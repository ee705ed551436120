#pragma once
// What changed between a saved bench run (`--save NAME`) and this one (`--compare NAME`): per
// benchmark and interpreter, the steady time, the start-up time, the peak memory, and per
// benchmark the speedup, each with whether the change is statistically significant. Works on the
// JSON `bench` sections, so a run saved by an older pypyready still compares.

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace pypyready::bench {

/// One compared quantity.
struct Change {
  std::string benchmark;
  std::string interpreter;  ///< empty for the speedup
  std::string quantity;     ///< "steady_mean_s", "startup_s", "peak_rss_bytes", "speedup"
  double before = 0;
  double after = 0;
  double ratio = 0;  ///< after / before, or for times before / after (> 1: faster now)
  double low = 0;    ///< 95 % interval of `ratio`; 0 when none could be computed
  double high = 0;
  bool significant = false;
  std::string verdict;  ///< "faster", "slower", "more memory", "less memory", "no significant change", ...
};

/// Compares two `bench` sections benchmark by benchmark (matched by name).
std::vector<Change> compare_sections(const nlohmann::json& before, const nlohmann::json& after);

/// True when any change is a significant slowdown, a lower speedup or more memory.
bool has_regression(const std::vector<Change>& changes);

/// One line per change.
std::string render_changes_text(const std::vector<Change>& changes);

/// A Markdown table of the changes.
std::string render_changes_markdown(const std::vector<Change>& changes);

/// {"changes": [...]} with the fields of Change.
nlohmann::json changes_json(const std::vector<Change>& changes);

}  // namespace pypyready::bench
