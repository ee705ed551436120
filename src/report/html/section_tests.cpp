// Test outcomes: totals per interpreter, then every test whose outcome differs (PyPy-only
// failures first, with their likely cause), then the tests that pass on both, folded.

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "report/html/bench_series.h"
#include "report/html/escape.h"
#include "report/html/sections.h"
#include "report/summary_lines.h"

namespace pypyready::report::html {
namespace {

constexpr std::size_t kMaxRows = 500;

int group_rank(const std::string& group) {
  if (group == "pypy-only-failure") return 0;
  if (group == "fail-both") return 1;
  if (group == "pypy-only-pass") return 2;
  if (group == "pass-both") return 4;
  return 3;
}

std::string totals(const results::TestSection& test, const results::Results& results) {
  auto per = test.extra.find("per_interpreter");
  if (per == test.extra.end() || !per->is_object() || per->empty()) return "";
  std::string out = "<ul class=\"totals\">";
  for (const auto& [id, value] : per->items()) {
    if (!value.is_object()) continue;
    std::string counts;
    if (auto c = value.find("counts"); c != value.end() && c->is_object()) {
      for (const auto& [outcome, n] : c->items())
        if (n.is_number())
          counts += fmt::format("{}{} {}", counts.empty() ? "" : ", ", n.get<double>(), outcome);
    }
    double duration = value.contains("duration_s") && value["duration_s"].is_number()
                          ? value["duration_s"].get<double>()
                          : 0;
    out += fmt::format("<li><strong>{}</strong> {}{}</li>", escape(interpreter_label(results, id)),
                       escape(counts), duration > 0 ? escape(" · " + seconds_text(duration)) : "");
  }
  return out + "</ul>";
}

std::string row(const results::TestCase& test, const std::vector<std::string>& ids) {
  std::string out = fmt::format("<tr><td><code>{}</code>{}</td>", escape(test.id),
                                test.flaky ? " " + badge("flaky", "flaky") : "");
  for (const std::string& id : ids) {
    auto it = test.outcomes.find(id);
    out += "<td>" + (it == test.outcomes.end() ? std::string("–") : badge(it->second, it->second)) + "</td>";
  }
  std::string cause = escape(test.likely_cause);
  for (const std::string& code : test.related_findings)
    cause += fmt::format(" <code>{}</code>", escape(code));
  if (auto message = test.extra.find("message");
      message != test.extra.end() && message->is_string() && !message->get<std::string>().empty())
    cause += fmt::format("<details><summary>message</summary><pre>{}</pre></details>",
                         escape(message->get<std::string>()));
  return out + "<td>" + cause + "</td></tr>";
}

std::string table(const std::vector<const results::TestCase*>& tests, const std::vector<std::string>& ids,
                  const results::Results& results) {
  std::string out = "<div class=\"scroll\"><table class=\"tests\"><thead><tr><th>test</th>";
  for (const std::string& id : ids)
    out += "<th>" + escape(interpreter_label(results, id)) + "</th>";
  out += "<th>likely cause</th></tr></thead><tbody>";
  for (std::size_t i = 0; i < tests.size() && i < kMaxRows; ++i)
    out += row(*tests[i], ids);
  out += "</tbody></table></div>";
  if (tests.size() > kMaxRows) out += fmt::format("<p>… {} more in report.json</p>", tests.size() - kMaxRows);
  return out;
}

}  // namespace

std::string test_section(const results::Results& results) {
  if (!results.test) return "";
  const results::TestSection& test = *results.test;
  std::string out = fmt::format("<section id=\"tests\"><h2>Tests <small>{}</small></h2>", test.tests.size());
  out += totals(test, results);
  // Columns: the interpreters of the report in its order, then any other outcome keys.
  std::vector<std::string> ids;
  for (const results::InterpreterInfo& info : results.interpreters)
    ids.push_back(info.id);
  std::set<std::string> seen(ids.begin(), ids.end());
  for (const results::TestCase& one : test.tests)
    for (const auto& [id, outcome] : one.outcomes)
      if (seen.insert(id).second) ids.push_back(id);
  std::vector<const results::TestCase*> differ, same;
  for (const results::TestCase& one : test.tests)
    (group_rank(one.group) == 4 && !one.flaky ? same : differ).push_back(&one);
  std::stable_sort(differ.begin(), differ.end(),
                   [](const auto* a, const auto* b) { return group_rank(a->group) < group_rank(b->group); });
  if (!differ.empty()) {
    out += fmt::format("<h3>Different outcomes ({})</h3>", differ.size());
    out += table(differ, ids, results);
  }
  if (!same.empty())
    out += fmt::format("<details><summary>Pass on both ({})</summary>{}</details>", same.size(),
                       table(same, ids, results));
  if (test.tests.empty()) out += "<p>No tests ran.</p>";
  return out + "</section>";
}

}  // namespace pypyready::report::html
