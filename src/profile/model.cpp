#include "profile/model.h"

#include <fmt/format.h>

#include <cmath>

namespace pypyready::profile {
namespace {

double at(const Attribution& attribution, const char* category) {
  auto found = attribution.seconds.find(category);
  return found == attribution.seconds.end() ? 0 : found->second;
}

// PyPy's time with one end of every factor.
double pypy_time(const Attribution& a, double s_py, double f_std, double f_ext, double f_import,
                 double startup_s) {
  return startup_s + at(a, "python") / s_py + at(a, "native_stdlib") * f_std +
         at(a, "native_extensions") * f_ext + at(a, "import") * f_import + at(a, "system") + at(a, "wait");
}

std::string times(double value) {
  return value >= 10 ? fmt::format("{:.0f}x", value) : fmt::format("{:.1f}x", value);
}

}  // namespace

std::string direction_of(double speedup) {
  if (speedup >= kFasterAbove) return "faster";
  if (speedup <= kSlowerBelow) return "slower";
  return "same";
}

double range_middle(const Prediction& prediction) {
  return std::sqrt(prediction.speedup_low * prediction.speedup_high);
}

Prediction predict(const Attribution& a, const ModelParameters& p) {
  Prediction out;
  out.parameters = p;
  out.cpython_s = a.total_s;
  out.pypy_fast_s = pypy_time(a, p.python_speedup_fast, p.stdlib_factor_fast, p.extension_factor_fast,
                              p.import_factor_fast, p.pypy_startup_s);
  out.pypy_slow_s = pypy_time(a, p.python_speedup_slow, p.stdlib_factor_slow, p.extension_factor_slow,
                              p.import_factor_slow, p.pypy_startup_s);
  out.speedup_low = out.pypy_slow_s > 0 ? a.total_s / out.pypy_slow_s : 0;
  out.speedup_high = out.pypy_fast_s > 0 ? a.total_s / out.pypy_fast_s : 0;

  double python = a.shares.count("python") ? a.shares.at("python") : 0;
  std::string range = fmt::format("between {} and {}", times(out.speedup_low), times(out.speedup_high));
  if (python < kPythonShareForPromise) {
    out.outlook = "no-gain-expected";
    out.summary = fmt::format(
        "do not expect a gain: only {:.0f}% of the time is pure Python, the only part PyPy's JIT speeds "
        "up; the model puts PyPy {} CPython's speed",
        python * 100, range);
  } else if (out.speedup_low >= kFasterAbove) {
    out.outlook = "likely-faster";
    out.summary =
        fmt::format("PyPy is likely faster: {:.0f}% of the time is pure Python; the model puts it {}",
                    python * 100, range);
  } else {
    out.outlook = "uncertain";
    out.summary = fmt::format(
        "PyPy may or may not be faster: {:.0f}% of the time is pure Python, and how much the JIT gains on it "
        "depends on the kind of code; the model puts it {}",
        python * 100, range);
  }
  if (a.total_s < kWarmupWarningS)
    out.notes.push_back(fmt::format(
        "JIT warm-up: this run lasts {:.2f} s; PyPy compiles hot loops while they run, and a run under a "
        "second may end before that pays off (the low end of the range is the likelier one)",
        a.total_s));
  double extensions = a.shares.count("native_extensions") ? a.shares.at("native_extensions") : 0;
  if (extensions >= 0.05) {
    std::string names;
    for (const ModuleTime& module : a.native_by_module)
      if (module.kind == "native_extensions") names += (names.empty() ? "" : ", ") + module.module;
    out.notes.push_back(fmt::format(
        "{:.0f}% of the time is in third-party C extensions ({}): PyPy runs them through its C-API "
        "emulation, which adds about 1.2 µs to every call; code that calls them often gets several "
        "times slower",
        extensions * 100, names));
  }
  double startup = a.shares.count("startup") ? a.shares.at("startup") : 0;
  if (startup >= 0.25)
    out.notes.push_back(
        fmt::format("start-up is {:.0f}% of this run; PyPy's own start-up takes about {:.0f} ms",
                    startup * 100, p.pypy_startup_s * 1000));
  return out;
}

}  // namespace pypyready::profile
