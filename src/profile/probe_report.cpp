#include "profile/probe_report.h"

#include <nlohmann/json.hpp>

#include <stdexcept>

namespace pypyready::profile {
namespace {

std::vector<std::string> strings(const nlohmann::json& value) {
  std::vector<std::string> out;
  if (value.is_array())
    for (const auto& item : value)
      if (item.is_string()) out.push_back(item.get<std::string>());
  return out;
}

// One record: [kind, module, callee, file, function, line, caller_file, caller_line, user_s,
// sys_s, wait_s, samples], the probe's compact form (thousands of records on a big program).
SampleRecord read_record(const nlohmann::json& row) {
  if (!row.is_array() || row.size() != 12) throw std::runtime_error("a record is not a list of 12 values");
  SampleRecord record;
  record.kind = row[0].get<std::string>();
  record.module = row[1].get<std::string>();
  record.callee = row[2].get<std::string>();
  record.file = row[3].get<std::string>();
  record.function = row[4].get<std::string>();
  record.line = row[5].get<int>();
  record.caller_file = row[6].get<std::string>();
  record.caller_line = row[7].get<int>();
  record.user_s = row[8].get<double>();
  record.sys_s = row[9].get<double>();
  record.wait_s = row[10].get<double>();
  record.samples = row[11].get<long>();
  return record;
}

}  // namespace

core::Result<ProbeReport> parse_probe_report(const std::string& data) {
  // The report is the last line; a program that forked may have left nothing else there.
  std::string text = data;
  while (!text.empty() && text.back() == '\n')
    text.pop_back();
  auto newline = text.rfind('\n');
  if (newline != std::string::npos) text = text.substr(newline + 1);
  if (text.empty())
    return core::Error{"the sampler wrote no report (the program ended without returning to it)"};
  nlohmann::json document = nlohmann::json::parse(text, nullptr, false);
  if (document.is_discarded() || !document.is_object())
    return core::Error{"the sampler's report is not valid JSON"};
  try {
    ProbeReport report;
    report.implementation = document.value("implementation", "");
    report.python_version = document.value("python_version", "");
    report.interval_s = document.at("interval_s").get<double>();
    report.samples = document.at("samples").get<long>();
    report.wall_s = document.at("wall_s").get<double>();
    report.setup_s = document.value("setup_s", 0.0);
    report.startup_queue_s = document.value("startup_queue_s", 0.0);
    report.startup_cpu_s = document.value("startup_cpu_s", 0.0);
    report.main_thread_cpu_s = document.value("main_thread_cpu_s", 0.0);
    report.process_user_s = document.value("process_user_s", 0.0);
    report.process_sys_s = document.value("process_sys_s", 0.0);
    report.queue_s = document.value("queue_s", 0.0);
    report.overhead_s = document.value("overhead_s", 0.0);
    report.python_recursive_s = document.value("python_recursive_s", 0.0);
    report.python_compiled_s = document.value("python_compiled_s", 0.0);
    report.gc_collections = document.value("gc_collections", 0L);
    report.gc_s = document.value("gc_s", 0.0);
    report.interpreter_children = document.value("interpreter_children", 0L);
    report.read_bytes = document.value("read_bytes", 0.0);
    report.written_bytes = document.value("written_bytes", 0.0);
    report.schedstat = document.value("schedstat", false);
    report.handler_replaced = document.value("handler_replaced", false);
    report.stdlib_dirs = strings(document.value("stdlib_dirs", nlohmann::json::array()));
    report.site_dirs = strings(document.value("site_dirs", nlohmann::json::array()));
    report.cwd = document.value("cwd", "");
    if (document.contains("ending") && document["ending"].is_object())
      report.ending = document["ending"].value("kind", "");
    for (const auto& row : document.at("records"))
      report.records.push_back(read_record(row));
    return report;
  } catch (const std::exception& error) {
    return core::Error{std::string("the sampler's report lacks a field: ") + error.what()};
  }
}

}  // namespace pypyready::profile
