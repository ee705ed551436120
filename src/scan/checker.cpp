#include "scan/checker.h"

#include <algorithm>
#include <tuple>

#include "python/parser.h"
#include "python/semantic_model.h"
#include "scan/context.h"
#include "scan/file_context.h"
#include "scan/line_index.h"
#include "scan/suppression.h"

namespace pypyready::scan {

namespace {

std::string_view file_name_of(std::string_view path) {
  std::size_t slash = path.find_last_of("/\\");
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// Each language-level construct is reported once per file, where it first occurs (the
// findings are sorted by then).
void keep_first_use_of_each_feature(std::vector<Finding>& findings) {
  std::vector<std::pair<std::string_view, std::string>> seen;
  std::erase_if(findings, [&](const Finding& finding) {
    if (!finding.needs) return false;
    std::pair<std::string_view, std::string> key{finding.code, finding.needs->feature};
    if (std::find(seen.begin(), seen.end(), key) != seen.end()) return true;
    seen.push_back(std::move(key));
    return false;
  });
}

}  // namespace

Checker::Checker(const std::vector<const RuleEntry*>& rules, ScanSettings settings, bool gated)
    : settings_(settings) {
  if (!gated) next_gate_ = RuleGate::kMaxRules;  // no bits left: every rule and group stays open
  for (const RuleEntry* entry : rules) {
    if (entry->make_file != nullptr) file_rules_.push_back({entry->info, entry->make_file()});
    if (entry->make == nullptr) continue;
    rules_.push_back(entry->make());
    const Rule& rule = *rules_.back();
    // Gate bits go to the rules with words and to their word groups, while bits last.
    std::size_t gate = kUngated;
    if (!rule.required_words().empty() && next_gate_ < RuleGate::kMaxRules) {
      gate = next_gate_++;
      gate_.add(gate, rule.required_words());
    }
    std::uint8_t first_group = RuleGate::kMaxRules;
    std::span<const std::span<const std::string_view>> groups = rule.word_groups();
    if (!groups.empty() && next_gate_ + groups.size() <= RuleGate::kMaxRules) {
      first_group = static_cast<std::uint8_t>(next_gate_);
      for (std::span<const std::string_view> group : groups)
        gate_.add(next_gate_++, group);
    }
    for (python::NodeKind kind : rule.kinds())
      by_kind_[static_cast<std::size_t>(kind)].push_back({entry->info, &rule, gate, first_group});
  }
}

bool Checker::wants_file(std::string_view file_name) const {
  return std::any_of(file_rules_.begin(), file_rules_.end(),
                     [&](const FileSubscribed& subscribed) { return subscribed.rule->wants(file_name); });
}

bool Checker::is_python_source(std::string_view path) const {
  std::string_view name = file_name_of(path);
  return name.ends_with(".py") || name.ends_with(".pyi") || !wants_file(name);
}

FileResult Checker::check(std::string_view path, std::string_view bytes) const {
  FileResult result;
  result.path = std::string(path);
  if (is_python_source(path)) check_python(result, bytes);
  check_file_rules(result, bytes);
  std::sort(result.findings.begin(), result.findings.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.begin.line, a.begin.column, a.code) < std::tie(b.begin.line, b.begin.column, b.code);
  });
  // Two subscriptions (say Call and Attribute) may see the same place: keep one finding.
  result.findings.erase(std::unique(result.findings.begin(), result.findings.end(),
                                    [](const Finding& a, const Finding& b) {
                                      return a.code == b.code && a.begin.offset == b.begin.offset &&
                                             a.end.offset == b.end.offset;
                                    }),
                        result.findings.end());
  keep_first_use_of_each_feature(result.findings);
  return result;
}

void Checker::check_file_rules(FileResult& result, std::string_view bytes) const {
  if (file_rules_.empty()) return;
  std::string_view name = file_name_of(result.path);
  FileRuleContext context(result.path, bytes, settings_, result.findings);
  for (const FileSubscribed& subscribed : file_rules_) {
    if (!subscribed.rule->wants(name)) continue;
    context.set_current(subscribed.info);
    subscribed.rule->check(bytes, context);
  }
}

void Checker::check_python(FileResult& result, std::string_view bytes) const {
  if (rules_.empty()) return;
  python::ParsedFile parsed = python::parse_python(bytes);
  if (parsed.error || parsed.module == nullptr) {
    SyntaxErrorRecord error;
    error.path = result.path;
    error.message = parsed.error ? parsed.error->message : "could not parse";
    if (parsed.error) {
      error.line = parsed.error->line;
      error.column = parsed.error->column + 1;
    }
    result.syntax_error = std::move(error);
    return;
  }
  const std::string_view text = parsed.source.text;
  LineIndex lines(text);
  python::SemanticModel model(*parsed.module);
  RuleContext context(result.path, text, model, lines, result.findings, settings_);

  // This file's dispatch table: for each node kind, the subscribed rules that the gate leaves
  // open, in one array (a thread's arrays are reused from file to file). Nodes of the many kinds
  // without an open rule then cost one look-up.
  constexpr std::size_t kKinds = static_cast<std::size_t>(python::NodeKind::kCount);
  const std::uint64_t open = gate_.open_rules(model.walk_order());
  thread_local std::vector<Subscribed> dispatch;
  thread_local std::array<std::uint32_t, kKinds + 1> first_of_kind;
  dispatch.clear();
  for (std::size_t kind = 0; kind < kKinds; ++kind) {
    first_of_kind[kind] = static_cast<std::uint32_t>(dispatch.size());
    for (const Subscribed& subscribed : by_kind_[kind]) {
      if (subscribed.gate == kUngated || ((open >> subscribed.gate) & 1U) != 0)
        dispatch.push_back(subscribed);
    }
  }
  first_of_kind[kKinds] = static_cast<std::uint32_t>(dispatch.size());
  context.set_open_words(open);

  for (const python::SemanticModel::Visit& visit : model.walk_order()) {
    const auto kind = static_cast<std::size_t>(visit.node->kind);
    const std::uint32_t end = first_of_kind[kind + 1];
    std::uint32_t at = first_of_kind[kind];
    if (at == end) continue;
    context.set_scope(visit.scope);
    for (; at < end; ++at) {
      const Subscribed& subscribed = dispatch[at];
      context.set_rule(subscribed.info, subscribed.first_group);
      subscribed.rule->check(*visit.node, context);
    }
  }

  Suppressions suppressions(parsed.trivia, text);
  std::erase_if(result.findings, [&](const Finding& finding) {
    return suppressions.suppresses(finding.begin.line, finding.code) ||
           (finding.end.line != finding.begin.line &&
            suppressions.suppresses(finding.end.line, finding.code));
  });
}

}  // namespace pypyready::scan
