#include "testdiff/event_stream.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

namespace pypyready::testdiff {
namespace {

struct Progress {
  TestCase test;
  bool finished = false;
  std::size_t order = 0;
};

void apply_report(Progress& progress, const nlohmann::json& event) {
  std::string when = event.value("when", "");
  std::string outcome = event.value("outcome", "");
  bool xfail = event.value("xfail", false);
  progress.test.duration_s += event.value("duration", 0.0);
  if (outcome == "failed") {
    bool in_call = when == "call";
    if (progress.test.outcome == Outcome::kPassed || in_call)
      progress.test.outcome = in_call ? Outcome::kFailed : Outcome::kError;
    std::string message = event.value("message", "");
    if (progress.test.details.empty()) {
      progress.test.details = message;
      // The first `E` line states the error; pytest's longrepr ends with its location.
      std::size_t error_line = message.find("\nE ");
      std::size_t from = error_line == std::string::npos ? 0 : error_line + 3;
      std::size_t to = message.find('\n', from);
      std::string first(message.substr(from, to == std::string::npos ? std::string::npos : to - from));
      progress.test.message = std::string(first.find_first_not_of(' ') == std::string::npos
                                              ? first
                                              : first.substr(first.find_first_not_of(' ')));
    }
  } else if (outcome == "skipped" && progress.test.outcome == Outcome::kPassed) {
    progress.test.outcome = xfail ? Outcome::kXfail : Outcome::kSkipped;
  }
  if (when == "teardown" || when == "collect") progress.finished = true;
}

}  // namespace

EventSummary read_events(std::string_view lines) {
  std::map<std::string, Progress> tests;
  std::size_t order = 0;
  std::string last_started, rootdir;
  std::size_t start = 0;
  while (start < lines.size()) {
    std::size_t end = lines.find('\n', start);
    if (end == std::string_view::npos) end = lines.size();
    nlohmann::json event = nlohmann::json::parse(lines.substr(start, end - start), nullptr, false);
    start = end + 1;
    if (event.is_object() && event.value("event", "") == "session" && event.contains("rootdir") &&
        event["rootdir"].is_string()) {
      rootdir = event["rootdir"].get<std::string>();
      continue;
    }
    if (!event.is_object() || !event.contains("id") || !event["id"].is_string()) continue;
    std::string id = event["id"].get<std::string>();
    Progress& progress = tests[id];
    if (progress.test.id.empty()) {
      progress.test.id = id;
      progress.order = order++;
    }
    if (event.value("event", "") == "start") {
      last_started = id;
    } else {
      apply_report(progress, event);
    }
  }
  EventSummary summary;
  summary.rootdir = rootdir;
  std::vector<const Progress*> finished;
  for (const auto& [id, progress] : tests)
    if (progress.finished) finished.push_back(&progress);
  std::sort(finished.begin(), finished.end(), [](auto* a, auto* b) { return a->order < b->order; });
  for (const Progress* progress : finished)
    summary.finished.push_back(progress->test);
  if (!last_started.empty() && !tests[last_started].finished) summary.running = last_started;
  return summary;
}

}  // namespace pypyready::testdiff
