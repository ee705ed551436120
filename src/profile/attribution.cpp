#include "profile/attribution.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace pypyready::profile {

double sampling_margin(double p, long samples) {
  if (samples <= 0) return 1;
  p = std::clamp(p, 0.0, 1.0);
  return 1.96 * std::sqrt(p * (1 - p) / static_cast<double>(samples));
}

namespace {

std::string confidence_sentence(long samples, double interval_s, double margin) {
  if (samples < 50)
    return fmt::format(
        "only {} samples: the shares are rough (about ±{:.0f} points); profile a run of a second or more",
        samples, margin * 100);
  return fmt::format(
      "{} sampling intervals of {:.0f} ms: each share within about ±{:.0f} points (95 %, sampling error "
      "only); "
      "the Python/native split is the sampler's estimate",
      samples, interval_s * 1000, std::max(1.0, std::round(margin * 100)));
}

}  // namespace

Attribution attribute(const ProbeReport& probe, double host_wall_s) {
  Attribution out;
  for (const char* category : kCategories)
    out.seconds[category] = 0;
  std::map<std::pair<std::string, std::string>, double> by_module;
  std::map<std::pair<std::string, std::string>, std::pair<std::string, double>> by_callee;
  for (const SampleRecord& record : probe.records) {
    if (record.kind == "import") {
      out.seconds["import"] += record.user_s + record.sys_s + record.wait_s;
      continue;
    }
    // Native time under an unknown kind still counts as native; an unexpected kind as Python.
    std::string kind =
        record.kind == "native_stdlib" || record.kind == "native_extensions" ? record.kind : "python";
    out.seconds[kind] += record.user_s;
    out.seconds["system"] += record.sys_s;
    out.seconds["wait"] += record.wait_s;
    if (kind != "python" && record.user_s > 0) {
      by_module[{record.module, kind}] += record.user_s;
      auto& callee = by_callee[{record.module, record.callee}];
      callee.first = kind;
      callee.second += record.user_s;
    }
  }
  for (const auto& [category, seconds] : out.seconds)
    out.body_s += seconds;
  out.wall_s = host_wall_s;
  // Start-up is what the sampler did not see, less its own set-up (it is not the program's).
  // Waiting for a CPU during start-up is left out as it is everywhere else. The outside view
  // also holds the teardown's waiting, which nothing measures: on a busy machine the start-up's
  // CPU time is the better estimate, so the smaller of the two counts.
  double outside = std::max(0.0, host_wall_s - probe.wall_s - probe.setup_s - probe.startup_queue_s);
  out.seconds["startup"] = probe.startup_cpu_s > 0 ? std::min(outside, probe.startup_cpu_s) : outside;
  out.total_s = out.body_s + out.seconds["startup"];
  for (const auto& [category, seconds] : out.seconds)
    out.shares[category] = out.total_s > 0 ? seconds / out.total_s : 0;
  for (const auto& [key, seconds] : by_module)
    out.native_by_module.push_back(
        {key.first, key.second, seconds, out.total_s > 0 ? seconds / out.total_s : 0, ""});
  for (const auto& [key, kind_seconds] : by_callee)
    out.native_by_callee.push_back({key.first, kind_seconds.first, kind_seconds.second,
                                    out.total_s > 0 ? kind_seconds.second / out.total_s : 0, key.second});
  auto larger = [](const ModuleTime& a, const ModuleTime& b) { return a.seconds > b.seconds; };
  std::sort(out.native_by_module.begin(), out.native_by_module.end(), larger);
  std::sort(out.native_by_callee.begin(), out.native_by_callee.end(), larger);
  // The probe's loop and recursion parts are of its Python time, which is this one.
  out.python_recursive_s = std::min(probe.python_recursive_s, out.seconds["python"]);
  out.python_compiled_s = std::min(probe.python_compiled_s, out.seconds["python"] - out.python_recursive_s);

  out.gc_collections = probe.gc_collections;
  out.gc_s = std::max(0.0, probe.gc_s);
  out.interpreter_children = probe.interpreter_children;
  out.read_bytes = std::max(0.0, probe.read_bytes);
  out.written_bytes = std::max(0.0, probe.written_bytes);
  out.samples = probe.samples;
  out.interval_s = probe.interval_s;
  out.queue_s = probe.queue_s + probe.startup_queue_s;
  out.overhead_s = probe.overhead_s;
  // The least certain share is the one nearest one half, of the sampled body.
  double closest = 0;
  for (const char* category : kCategories) {
    if (std::string(category) == "startup" || out.body_s <= 0) continue;
    double p = out.seconds[category] / out.body_s;
    if (std::abs(p - 0.5) < std::abs(closest - 0.5)) closest = p;
  }
  // A long C call is one late sample whose length is measured exactly: count the intervals the
  // samples cover, not only the signals that got through.
  long covered = probe.interval_s > 0 ? static_cast<long>(out.body_s / probe.interval_s) : 0;
  long effective = std::max(probe.samples, covered);
  out.margin = sampling_margin(closest, effective);
  out.confidence = confidence_sentence(effective, probe.interval_s, out.margin);

  double process_cpu = probe.process_user_s + probe.process_sys_s;
  out.other_threads_cpu_s = std::max(0.0, process_cpu - probe.main_thread_cpu_s - out.seconds["startup"]);
  if (out.other_threads_cpu_s > std::max(0.05, 0.1 * out.body_s))
    out.warnings.push_back(fmt::format(
        "{:.2f} s of CPU time ran in threads other than the main one; the sampler sees only the main "
        "thread, so that time is not in the shares",
        out.other_threads_cpu_s));
  if (probe.handler_replaced)
    out.warnings.push_back(
        "the program installed its own SIGALRM handler, which stopped the sampler: the shares cover only "
        "the part of the run before that");
  if (!probe.schedstat)
    out.warnings.push_back("no /proc/thread-self/schedstat: time spent waiting for a CPU counts as I/O wait");
  if (probe.wall_s > 0 && probe.queue_s > 0.2 * probe.wall_s)
    out.warnings.push_back(fmt::format(
        "the machine was busy: {:.2f} s of {:.2f} s were spent waiting for a CPU and are left out",
        probe.queue_s, probe.wall_s));
  return out;
}

}  // namespace pypyready::profile
