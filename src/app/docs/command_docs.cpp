#include "app/docs/command_docs.h"

#include <algorithm>
#include <cctype>

namespace pypyready::app::docs {
namespace {

// CLI11 describes an IsMember check as "{a,b,c}" after the type name ("TEXT:{a,b,c}").
std::vector<std::string> choices_of(const std::string& type_name) {
  std::vector<std::string> out;
  auto open = type_name.find('{'), close = type_name.rfind('}');
  if (open == std::string::npos || close == std::string::npos || close < open) return out;
  std::string list = type_name.substr(open + 1, close - open - 1);
  std::size_t start = 0;
  while (start <= list.size()) {
    std::size_t comma = list.find(',', start);
    std::string item = list.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (!item.empty()) out.push_back(item);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

std::string upper_name(std::string name) {
  name.erase(0, name.find_first_not_of('-'));
  for (char& c : name)
    c = c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return name;
}

OptionDoc describe_option(const CLI::Option& option) {
  OptionDoc doc;
  doc.help = option.get_description();
  doc.default_value = option.get_default_str();
  doc.choices = choices_of(option.get_type_name());
  if (option.get_positional()) {
    doc.positional = true;
    doc.value = upper_name(option.get_name(true));
    doc.repeated = option.get_items_expected_max() > 1;
    return doc;
  }
  for (const std::string& name : option.get_lnames())
    doc.names.push_back("--" + name);
  for (const std::string& name : option.get_snames())
    doc.names.push_back("-" + name);
  if (option.get_type_size_max() > 0 && !doc.names.empty()) doc.value = upper_name(doc.names.front());
  return doc;
}

CommandDoc describe(const CLI::App& command, std::vector<std::string> path) {
  CommandDoc doc;
  doc.path = std::move(path);
  doc.summary = command.get_description();
  for (const CLI::Option* option : command.get_options()) {
    if (option->get_group().empty()) continue;  // hidden
    doc.options.push_back(describe_option(*option));
  }
  // Positionals first, as a synopsis reads.
  std::stable_partition(doc.options.begin(), doc.options.end(),
                        [](const OptionDoc& o) { return o.positional; });
  for (const CLI::App* sub : command.get_subcommands([](const CLI::App*) { return true; })) {
    // Hidden commands have no group; option groups are nameless subcommands.
    if (sub->get_group().empty() || sub->get_name().empty()) continue;
    std::vector<std::string> sub_path = doc.path;
    sub_path.push_back(sub->get_name());
    doc.subcommands.push_back(describe(*sub, sub_path));
  }
  return doc;
}

}  // namespace

std::vector<CommandDoc> describe_commands(const CLI::App& app) {
  std::vector<CommandDoc> out;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    if (sub->get_group().empty() || sub->get_name().empty()) continue;
    out.push_back(describe(*sub, {sub->get_name()}));
  }
  return out;
}

}  // namespace pypyready::app::docs
