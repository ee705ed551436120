#include "scan/checker.h"

#include <algorithm>
#include <tuple>

#include "python/parser.h"
#include "python/semantic_model.h"
#include "scan/context.h"
#include "scan/line_index.h"
#include "scan/suppression.h"

namespace pypyready::scan {

Checker::Checker(const std::vector<const RuleEntry*>& rules) {
  for (const RuleEntry* entry : rules) {
    rules_.push_back(entry->make());
    for (python::NodeKind kind : rules_.back()->kinds()) {
      by_kind_[static_cast<std::size_t>(kind)].push_back({entry->info, rules_.back().get()});
    }
  }
}

FileResult Checker::check(std::string_view path, std::string_view bytes) const {
  FileResult result;
  result.path = std::string(path);
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
    return result;
  }
  const std::string_view text = parsed.source.text;
  LineIndex lines(text);
  python::SemanticModel model(*parsed.module);
  ParentMap parents = build_parent_map(*parsed.module);
  RuleContext context(result.path, text, model, parents, lines, result.findings);

  model.walk([&](const python::Node& node, const python::Scope& scope) {
    for (const Subscribed& subscribed : by_kind_[static_cast<std::size_t>(node.kind)]) {
      context.set_current(subscribed.info, &scope);
      subscribed.rule->check(node, context);
    }
  });

  Suppressions suppressions(parsed.trivia, text);
  std::erase_if(result.findings, [&](const Finding& finding) {
    return suppressions.suppresses(finding.begin.line, finding.code) ||
           (finding.end.line != finding.begin.line &&
            suppressions.suppresses(finding.end.line, finding.code));
  });
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
  return result;
}

}  // namespace pypyready::scan
