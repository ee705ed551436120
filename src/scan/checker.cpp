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

Checker::Checker(const std::vector<const RuleEntry*>& rules, ScanSettings settings) : settings_(settings) {
  for (const RuleEntry* entry : rules) {
    if (entry->make_file != nullptr) file_rules_.push_back({entry->info, entry->make_file()});
    if (entry->make == nullptr) continue;
    rules_.push_back(entry->make());
    for (python::NodeKind kind : rules_.back()->kinds()) {
      by_kind_[static_cast<std::size_t>(kind)].push_back({entry->info, rules_.back().get()});
    }
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
  ParentMap parents(model);
  RuleContext context(result.path, text, model, parents, lines, result.findings, settings_);

  for (const python::SemanticModel::Visit& visit : model.walk_order()) {
    context.set_scope(visit.scope);
    for (const Subscribed& subscribed : by_kind_[static_cast<std::size_t>(visit.node->kind)]) {
      context.set_rule(subscribed.info);
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
