#include "profile/report.h"

namespace pypyready::profile {
namespace {

nlohmann::json hotspot_json(const Hotspot& spot) {
  nlohmann::json out{{"kind", spot.kind},
                     {"file", spot.file},
                     {"function", spot.function},
                     {"seconds", spot.seconds},
                     {"share", spot.share}};
  if (spot.line > 0) out["line"] = spot.line;
  if (!spot.module.empty()) out["module"] = spot.module;
  if (!spot.callee.empty()) out["callee"] = spot.callee;
  if (!spot.caller_file.empty())
    out["called_from"] = {{"file", spot.caller_file}, {"line", spot.caller_line}};
  return out;
}

}  // namespace

nlohmann::json to_json(const ProfileReport& report) {
  const Attribution& a = report.attribution;
  const Prediction& p = report.prediction;
  nlohmann::json shares = nlohmann::json::object();
  nlohmann::json seconds = nlohmann::json::object();
  for (const char* category : kCategories) {
    shares[category] = a.shares.count(category) ? a.shares.at(category) : 0.0;
    seconds[category] = a.seconds.count(category) ? a.seconds.at(category) : 0.0;
  }
  nlohmann::json modules = nlohmann::json::object();
  for (const ModuleTime& module : a.native_by_module)
    modules[module.module] = {{"kind", module.kind}, {"seconds", module.seconds}, {"share", module.share}};
  nlohmann::json callees = nlohmann::json::object();
  for (const ModuleTime& callee : a.native_by_callee)
    callees[callee.module + (callee.callee.empty() ? "" : ":" + callee.callee)] = {
        {"kind", callee.kind}, {"seconds", callee.seconds}, {"share", callee.share}};
  nlohmann::json lines = nlohmann::json::array();
  for (const Hotspot& spot : report.hotspots.lines)
    lines.push_back(hotspot_json(spot));
  nlohmann::json functions = nlohmann::json::array();
  for (const Hotspot& spot : report.hotspots.functions)
    functions.push_back(hotspot_json(spot));
  const ModelParameters& m = p.parameters;
  nlohmann::json native_factors = nlohmann::json::object();
  nlohmann::json native_seconds = nlohmann::json::object();
  for (std::size_t g = 0; g < kNativeGroupNames.size(); ++g) {
    native_factors[kNativeGroupNames[g]] = m.native_factors[g];
    native_seconds[kNativeGroupNames[g]] = p.inputs.native_s[g];
  }
  nlohmann::json prediction{
      {"speedup_low", p.speedup_low},
      {"speedup_high", p.speedup_high},
      {"cpython_s", p.cpython_s},
      {"pypy_fast_s", p.pypy_fast_s},
      {"pypy_slow_s", p.pypy_slow_s},
      {"outlook", p.outlook},
      {"summary", p.summary},
      {"notes", p.notes},
      {"pypy_middle_s", p.pypy_middle_s},
      {"model",
       {{"name",
         "time shares: startup_pypy + warmup*J + P_comp/s_comp + P_rest/s_rest + P_rec/s_rec + sum N_g*f_g + "
         "N_ext*f_ext + I*f_import + S*f_sys + W + G*c_gc + R*c_read + C*(startup_pypy - startup_cpython)"},
        {"s_comp", m.python_compiled_speedup},
        {"s_rest", m.python_rest_speedup},
        {"s_rec", m.python_recursive_speedup},
        {"f_std", native_factors},
        {"std_seconds", native_seconds},
        {"f_sys", m.system_factor},
        {"jit_share", p.inputs.jit_share},
        {"warmup_s", m.jit_warmup_s},
        {"c_gc", m.gc_factor},
        {"gc_s_recursive", p.inputs.gc_s},
        {"c_read", m.read_cost_s_per_gb},
        {"read_gb", p.inputs.read_gb},
        {"child_startup_s", child_startup_s(p.inputs, p.parameters)},
        {"range_factor", m.range_factor},
        {"f_ext", {m.extension_factor_fast, m.extension_factor_slow}},
        {"f_import", {m.import_factor_fast, m.import_factor_slow}},
        {"pypy_startup_s", m.pypy_startup_s}}}};
  nlohmann::json verified = nullptr;
  if (report.verification) {
    const Verification& v = *report.verification;
    verified = {{"measured", v.measured},
                {"ci95", {v.ci_low, v.ci_high}},
                {"within_range", v.within_range},
                {"error_factor", v.error_factor},
                {"measured_cpu", v.measured_cpu},
                {"ci95_cpu", {v.cpu_ci_low, v.cpu_ci_high}},
                {"predicted_direction", v.predicted_direction},
                {"measured_direction", v.measured_direction}};
  }
  return {{"interpreter", report.interpreter},
          {"command", report.command},
          {"shares", shares},
          {"seconds", seconds},
          {"wall_s", a.wall_s},
          {"total_s", a.total_s},
          {"native_by_module", modules},
          {"native_by_callee", callees},
          {"python_recursive_s", a.python_recursive_s},
          {"python_compiled_s", a.python_compiled_s},
          {"gc_collections", a.gc_collections},
          {"gc_s", a.gc_s},
          {"interpreter_children", a.interpreter_children},
          {"read_bytes", a.read_bytes},
          {"written_bytes", a.written_bytes},
          {"hotspots", lines},
          {"hotspot_functions", functions},
          {"samples", a.samples},
          {"interval_s", a.interval_s},
          {"queue_s", a.queue_s},
          {"sampler_overhead_s", a.overhead_s},
          {"other_threads_cpu_s", a.other_threads_cpu_s},
          {"confidence", {{"margin", a.margin}, {"statement", a.confidence}}},
          {"prediction", prediction},
          {"verified_speedup", verified},
          {"warnings", report.warnings}};
}

}  // namespace pypyready::profile
