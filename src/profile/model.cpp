#include "profile/model.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace pypyready::profile {
namespace {

double at(const Attribution& attribution, const char* category) {
  auto found = attribution.seconds.find(category);
  return found == attribution.seconds.end() ? 0 : found->second;
}

std::size_t index_of(NativeGroup group) {
  return static_cast<std::size_t>(group);
}

// The part of PyPy's time the fitted factors decide.
double fitted_time(const ModelInputs& in, const ModelParameters& p) {
  double time = p.jit_warmup_s * in.jit_share + in.python_compiled_s / p.python_compiled_speedup +
                in.python_rest_s / p.python_rest_speedup +
                in.python_recursive_s / p.python_recursive_speedup + in.system_s * p.system_factor +
                in.gc_s * p.gc_factor + in.read_gb * p.read_cost_s_per_gb;
  for (std::size_t g = 0; g < in.native_s.size(); ++g)
    time += in.native_s[g] * p.native_factors[g];
  return time;
}

// The part the prior-only factors decide, at the given ends.
double prior_time(const ModelInputs& in, double f_ext, double f_import) {
  return in.extensions_s * f_ext + in.import_s * f_import;
}

std::string times(double value) {
  return value >= 10 ? fmt::format("{:.0f}x", value) : fmt::format("{:.1f}x", value);
}

// The JIT-friendly native modules with the most time, for the words ("_heapq, re").
std::string jit_friendly_modules(const Attribution& a) {
  std::vector<std::string> names;
  for (const ModuleTime& module : a.native_by_module) {
    if (module.kind != "native_stdlib" || module.share < 0.05) continue;
    NativeGroup group = native_group(module.module, "");
    if (group == NativeGroup::kJit || group == NativeGroup::kRegex) names.push_back(module.module);
  }
  std::string out;
  for (const std::string& name : names)
    out += (out.empty() ? "" : ", ") + name;
  return out;
}

}  // namespace

ModelInputs model_inputs(const Attribution& a) {
  ModelInputs in;
  double python = at(a, "python");
  in.python_recursive_s = std::clamp(a.python_recursive_s, 0.0, python);
  in.python_compiled_s = std::clamp(a.python_compiled_s, 0.0, python - in.python_recursive_s);
  in.python_rest_s = python - in.python_recursive_s - in.python_compiled_s;
  double grouped = 0;
  for (const ModuleTime& callee : a.native_by_callee) {
    if (callee.kind != "native_stdlib") continue;
    in.native_s[index_of(native_group(callee.module, callee.callee))] += callee.seconds;
    grouped += callee.seconds;
  }
  // Native time the per-callable list does not hold (an attribution built without it) is "other".
  in.native_s[index_of(NativeGroup::kOther)] += std::max(0.0, at(a, "native_stdlib") - grouped);
  in.extensions_s = at(a, "native_extensions");
  in.import_s = at(a, "import");
  in.system_s = at(a, "system");
  in.unchanged_s = at(a, "wait");
  double jitted =
      python + in.native_s[index_of(NativeGroup::kJit)] + in.native_s[index_of(NativeGroup::kRegex)];
  in.jit_share = a.total_s > 0 ? jitted / a.total_s : 0;
  // Collection time in proportion to the recursive share of the Python time: on the training set,
  // survivors allocated by recursive code cost PyPy, those allocated by loops did not (cons_cells
  // spends 37 % of its run collecting and gains 2.3x, tree_lists 25 % and gains 1.3x; counting
  // all the collection time fitted worse: leave-one-out worst 4.3x against 3.1x). Seconds, not a
  // count: the same program profiled on a slower machine keeps its predicted speedup.
  double recursive_share = python > 0 ? in.python_recursive_s / python : 0;
  in.gc_s = std::max(0.0, a.gc_s) * recursive_share;
  in.read_gb = std::max(0.0, a.read_bytes) / 1e9;
  in.interpreter_children = static_cast<double>(std::max(0L, a.interpreter_children));
  in.cpython_startup_s = at(a, "startup");
  return in;
}

double child_startup_s(const ModelInputs& in, const ModelParameters& p) {
  return in.interpreter_children * std::max(0.0, p.pypy_startup_s - in.cpython_startup_s);
}

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
  out.inputs = model_inputs(a);
  out.cpython_s = a.total_s;
  // Start-up (the children's too) and wait are known; the fitted part is uncertain by the range
  // factor (the spread of the leave-one-out error on the training set), the prior-only factors by
  // their ends.
  double fixed = p.pypy_startup_s + out.inputs.unchanged_s + child_startup_s(out.inputs, p);
  double fitted = fitted_time(out.inputs, p);
  out.pypy_middle_s = fixed + fitted +
                      prior_time(out.inputs, std::sqrt(p.extension_factor_fast * p.extension_factor_slow),
                                 std::sqrt(p.import_factor_fast * p.import_factor_slow));
  out.pypy_fast_s =
      fixed + fitted / p.range_factor + prior_time(out.inputs, p.extension_factor_fast, p.import_factor_fast);
  out.pypy_slow_s =
      fixed + fitted * p.range_factor + prior_time(out.inputs, p.extension_factor_slow, p.import_factor_slow);
  out.speedup_low = out.pypy_slow_s > 0 ? a.total_s / out.pypy_slow_s : 0;
  out.speedup_high = out.pypy_fast_s > 0 ? a.total_s / out.pypy_fast_s : 0;

  double python = a.shares.count("python") ? a.shares.at("python") : 0;
  std::string range = fmt::format("between {} and {}", times(out.speedup_low), times(out.speedup_high));
  std::string friendly = jit_friendly_modules(a);
  bool jit_evidence = out.inputs.jit_share >= kJitShareForPromise && !friendly.empty();
  if (python < kPythonShareForPromise && !jit_evidence) {
    out.outlook = "no-gain-expected";
    out.summary = fmt::format(
        "do not expect a gain: only {:.0f}% of the time is pure Python, the part PyPy's JIT speeds up "
        "most; the model puts PyPy {} CPython's speed",
        python * 100, range);
  } else if (out.speedup_low >= kFasterAbove) {
    out.outlook = "likely-faster";
    out.summary =
        python >= kPythonShareForPromise
            ? fmt::format("PyPy is likely faster: {:.0f}% of the time is pure Python; the model puts it {}",
                          python * 100, range)
            : fmt::format(
                  "PyPy is likely faster: {:.0f}% of the time is pure Python or in modules PyPy's "
                  "JIT compiles ({}); the model puts it {}",
                  out.inputs.jit_share * 100, friendly, range);
  } else {
    out.outlook = "uncertain";
    out.summary = fmt::format(
        "PyPy may or may not be faster: {:.0f}% of the time is pure Python{}, and how much the JIT gains "
        "depends on the kind of code; the model puts it {}",
        python * 100,
        jit_evidence ? fmt::format(" and more is in modules its JIT compiles ({})", friendly) : "", range);
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
  double sorting = a.total_s > 0 ? out.inputs.native_s[index_of(NativeGroup::kSort)] / a.total_s : 0;
  if (sorting >= 0.1)
    out.notes.push_back(fmt::format(
        "{:.0f}% of the time is sorting (sorted, list.sort): PyPy's sort is about {:.0f} times slower "
        "than CPython's",
        sorting * 100, p.native_factors[index_of(NativeGroup::kSort)]));
  double reading_s = out.inputs.read_gb * p.read_cost_s_per_gb;
  if (a.total_s > 0 && reading_s >= 0.05 * a.total_s)
    out.notes.push_back(fmt::format(
        "this run read {:.2f} GB through system calls (files, pipes, sockets); PyPy hands every read a fresh "
        "buffer from its garbage collector, about {:.2f} s more here: reading into a reused buffer "
        "(readinto) avoids it",
        out.inputs.read_gb, reading_s));
  double startup = a.shares.count("startup") ? a.shares.at("startup") : 0;
  if (startup >= 0.25)
    out.notes.push_back(
        fmt::format("start-up is {:.0f}% of this run; PyPy's own start-up takes about {:.0f} ms",
                    startup * 100, p.pypy_startup_s * 1000));
  return out;
}

}  // namespace pypyready::profile
