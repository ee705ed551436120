#include "bench/service/load_generator.h"

#include <signal.h>
#include <time.h>

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <sstream>

#include "bench/service/wrk_script.h"
#include "core/file_io.h"
#include "run/process.h"

namespace pypyready::bench::service {
namespace {

constexpr const char* kRecordPrefix = "records-";

std::int64_t number_after(const std::string& text, const std::string& label) {
  auto at = text.find(label);
  if (at == std::string::npos) return 0;
  return std::strtoll(text.c_str() + at + label.size(), nullptr, 10);
}

}  // namespace

std::int64_t monotonic_us() {
  timespec now{};
  ::clock_gettime(CLOCK_MONOTONIC, &now);
  return static_cast<std::int64_t>(now.tv_sec) * 1000000 + now.tv_nsec / 1000;
}

std::vector<LoadRecord> parse_records(const std::string& text) {
  std::vector<LoadRecord> records;
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    if (lines.eof() && !text.ends_with('\n')) break;  // torn by a stop mid-write
    std::istringstream fields(line);
    // Read as numbers with fractions, so a fractional field cannot shift the next one.
    double end_us = 0, latency_us = 0;
    int status = 0;
    if (fields >> end_us >> latency_us >> status)
      records.push_back({static_cast<std::int64_t>(end_us), static_cast<std::int64_t>(latency_us), status});
  }
  return records;
}

WrkTotals parse_wrk_summary(const std::string& text) {
  WrkTotals totals;
  auto requests_at = text.find(" requests in ");
  if (requests_at != std::string::npos) {
    auto line_start = text.rfind('\n', requests_at);
    totals.requests =
        std::strtoll(text.c_str() + (line_start == std::string::npos ? 0 : line_start + 1), nullptr, 10);
  }
  totals.connect_errors = number_after(text, "Socket errors: connect ");
  totals.read_errors = number_after(text, ", read ");
  totals.write_errors = number_after(text, ", write ");
  totals.timeout_errors = number_after(text, ", timeout ");
  totals.status_errors = number_after(text, "Non-2xx or 3xx responses: ");
  auto rate_at = text.find("Requests/sec:");
  if (rate_at != std::string::npos) totals.requests_per_s = std::strtod(text.c_str() + rate_at + 13, nullptr);
  return totals;
}

core::Status check_wrk(const std::string& wrk) {
  auto found = run::find_executable(wrk);
  if (!found)
    return core::Error{
        fmt::format("{}; the load generator is wrk: install it with `apt-get install wrk` "
                    "(scripts/install-deps does)",
                    found.error().message)};
  return core::ok_status();
}

core::Result<std::unique_ptr<LoadRun>> LoadRun::start(const LoadSpec& spec) {
  auto script = spec.work_dir / "pypyready_wrk.lua";
  auto mix = spec.work_dir / "mix.tsv";
  if (auto written = core::write_file_atomically(script, wrk_script()); !written) return written.error();
  if (auto written = core::write_file_atomically(mix, script_lines(spec.mix)); !written)
    return written.error();
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(spec.work_dir, ec))
    if (entry.path().filename().string().starts_with(kRecordPrefix))
      std::filesystem::remove(entry.path(), ec);

  double per_connection = spec.rate_rps > 0 ? spec.rate_rps / spec.connections : 0;
  std::string url = fmt::format("http://{}:{}{}", spec.mix.endpoint.host, spec.mix.endpoint.port,
                                spec.mix.entries.empty() ? "/" : spec.mix.entries.front().path);
  // One connection per thread: the script times requests per thread (see wrk_script.h). The
  // socket timeout is long so that slow answers are measured, not dropped.
  std::vector<std::string> argv{spec.wrk,
                                "-t",
                                std::to_string(spec.connections),
                                "-c",
                                std::to_string(spec.connections),
                                "-d",
                                fmt::format("{}s", spec.duration_s),
                                "--timeout",
                                "60s",
                                "-s",
                                script.string(),
                                url,
                                (spec.work_dir / kRecordPrefix).string(),
                                fmt::format("{}", per_connection),
                                std::to_string(spec.connections),
                                mix.string()};
  auto run = std::unique_ptr<LoadRun>(new LoadRun());
  run->spec_ = spec;
  run->start_us_ = monotonic_us();
  auto wrk = run::BackgroundProcess::start(argv);
  if (!wrk) return wrk.error();
  run->wrk_ = std::move(*wrk);
  return run;
}

void LoadRun::stop_early() {
  stopped_early_ = true;
  wrk_->signal_leader(SIGINT);
}

core::Result<LoadOutcome> LoadRun::finish() {
  // wrk stops at its duration plus one 100 ms tick; allow for a loaded machine, then kill it.
  auto allowed = std::chrono::milliseconds(stopped_early_ ? 3000 : 10000);
  if (!wrk_->wait_for_exit(allowed)) wrk_->stop(std::chrono::milliseconds(500));
  LoadOutcome outcome;
  outcome.start_us = start_us_;
  outcome.stopped_early = stopped_early_;
  outcome.wrk_output = wrk_->output();
  outcome.totals = parse_wrk_summary(outcome.wrk_output);
  std::error_code ec;
  bool any = false;
  for (const auto& entry : std::filesystem::directory_iterator(spec_.work_dir, ec)) {
    if (!entry.path().filename().string().starts_with(kRecordPrefix)) continue;
    any = true;
    auto text = core::read_file(entry.path());
    if (!text) continue;
    auto records = parse_records(*text);
    outcome.records.insert(outcome.records.end(), records.begin(), records.end());
  }
  if (!any) {
    std::string tail = outcome.wrk_output.size() > 1500
                           ? outcome.wrk_output.substr(outcome.wrk_output.size() - 1500)
                           : outcome.wrk_output;
    return core::Error{fmt::format("wrk ({}) wrote no records: is it built with LuaJIT? Its output:\n{}",
                                   wrk_->ending(), tail)};
  }
  std::sort(outcome.records.begin(), outcome.records.end(),
            [](const LoadRecord& a, const LoadRecord& b) { return a.end_us < b.end_us; });
  return outcome;
}

}  // namespace pypyready::bench::service
