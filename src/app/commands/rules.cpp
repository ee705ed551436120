// `pypyready rules` (the catalogue) and `pypyready rule CODE` (one rule's documentation).

#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "app/commands/commands.h"
#include "scan/registry.h"

namespace pypyready::app {
namespace {

std::string_view fix_text(scan::FixAvailability fix) {
  switch (fix) {
    case scan::FixAvailability::kNone:
      return "no";
    case scan::FixAvailability::kSometimes:
      return "sometimes";
    case scan::FixAvailability::kAlways:
      return "yes";
  }
  return "no";
}

std::string indent(std::string_view text) {
  std::string out = "    ";
  for (char c : text) {
    out += c;
    if (c == '\n') out += "    ";
  }
  return out;
}

}  // namespace

CommandRunner add_rules_command(CLI::App& command) {
  auto format = std::make_shared<std::string>("text");
  command.add_option("--format", *format, "Output format")->check(CLI::IsMember({"text"}));
  return [] {
    std::cout << fmt::format("{:<7} {:<34} {:<8} {}\n", "code", "name", "severity", "fix");
    for (const scan::RuleEntry& entry : scan::rule_registry()) {
      std::cout << fmt::format("{:<7} {:<34} {:<8} {}\n", entry.info->code, entry.info->name,
                               scan::severity_name(entry.info->severity), fix_text(entry.info->fix));
    }
    return ExitCode::kSuccess;
  };
}

CommandRunner add_rule_command(CLI::App& command) {
  auto code = std::make_shared<std::string>();
  command.add_option("CODE", *code, "Rule code or name, e.g. PPY001")->required();
  return [code] {
    const scan::RuleEntry* entry = scan::find_rule(*code);
    if (entry == nullptr) {
      std::cerr << "error: no rule '" << *code << "' (see `pypyready rules`)\n";
      return ExitCode::kUsageError;
    }
    const scan::RuleInfo& info = *entry->info;
    std::cout << fmt::format(
        "{} {} [{}]\n\nWhat it finds\n{}\n\nWhy it matters on PyPy\n{}\nSource: {}\n\n"
        "Example\n{}\n\nUse instead\n{}\n\nFix available: {}\n",
        info.code, info.name, scan::severity_name(info.severity), indent(info.doc.what), indent(info.doc.why),
        info.doc.source, indent(info.doc.example), indent(info.doc.use_instead), fix_text(info.fix));
    return ExitCode::kSuccess;
  };
}

}  // namespace pypyready::app
