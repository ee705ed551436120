// Shell completions from the command table. bash: one function that finds the command path
// among the words typed so far, then offers subcommands, options, an option's choices, or file
// names. zsh: one _arguments function per command, with the help text shown beside each option.

#include <fmt/format.h>

#include <cctype>

#include "app/docs/command_docs.h"

namespace pypyready::app::docs {
namespace {

std::string join(const std::vector<std::string>& parts, const std::string& separator) {
  std::string out;
  for (const std::string& part : parts)
    out += (out.empty() ? "" : separator) + part;
  return out;
}

void flatten(const std::vector<CommandDoc>& commands, std::vector<const CommandDoc*>& out) {
  for (const CommandDoc& command : commands) {
    out.push_back(&command);
    flatten(command.subcommands, out);
  }
}

std::vector<std::string> names_of(const std::vector<CommandDoc>& commands) {
  std::vector<std::string> out;
  for (const CommandDoc& command : commands)
    out.push_back(command.path.back());
  return out;
}

// ---- bash ---------------------------------------------------------------------------------------

void bash_case(const std::string& key, const CommandDoc* command, const std::vector<CommandDoc>& children,
               std::string& cases, std::string& choice_cases) {
  std::vector<std::string> options{"--help"}, takes_value;
  if (command == nullptr) options.push_back("--version");
  if (command != nullptr) {
    options.clear();
    for (const OptionDoc& option : command->options) {
      if (option.positional) continue;
      for (const std::string& name : option.names)
        options.push_back(name);
      if (!option.value.empty()) {
        for (const std::string& name : option.names)
          takes_value.push_back(name);
        if (!option.choices.empty())
          choice_cases +=
              fmt::format("    \"{}:{}\") COMPREPLY=($(compgen -W \"{}\" -- \"$cur\")); return ;;\n", key,
                          join(option.names, "\"|\"" + key + ":"), join(option.choices, " "));
      }
    }
  }
  cases += fmt::format("    \"{}\") commands=\"{}\"; options=\"{}\"; takes_value=\" {} \" ;;\n", key,
                       join(names_of(children), " "), join(options, " "), join(takes_value, " "));
}

// ---- zsh ----------------------------------------------------------------------------------------

std::string zsh_quote(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\'') {
      out += "'\\''";
    } else if (c == '[' || c == ']' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::string zsh_function_name(const std::vector<std::string>& path) {
  std::string name = "_pypyready";
  for (const std::string& part : path) {
    name += '_';
    for (char c : part)
      name += (std::isalnum(static_cast<unsigned char>(c)) != 0) ? c : '_';
  }
  return name;
}

std::string zsh_specs(const std::vector<OptionDoc>& options) {
  std::string out;
  int position = 0;
  for (const OptionDoc& option : options) {
    std::string action = option.choices.empty() ? "_files" : "(" + join(option.choices, " ") + ")";
    if (option.positional) {
      ++position;
      out += option.repeated ? fmt::format(" \\\n    '*:{}:{}'", option.value, action)
                             : fmt::format(" \\\n    '{}:{}:{}'", position, option.value, action);
      continue;
    }
    for (const std::string& name : option.names) {
      out += fmt::format(" \\\n    '{}[{}]", name, zsh_quote(option.help));
      if (!option.value.empty()) out += fmt::format(":{}:{}", option.value, action);
      out += "'";
    }
  }
  return out;
}

void zsh_function(const std::vector<std::string>& path, const std::vector<OptionDoc>& options,
                  const std::vector<CommandDoc>& children, bool root, std::string& out) {
  std::string name = zsh_function_name(path);
  std::string specs = zsh_specs(options);
  if (root)
    specs +=
        " \\\n    '--help[Print this help message and exit]' \\\n    '--version[Display program version "
        "information and exit]'";
  if (children.empty()) {
    out += fmt::format("{}() {{\n  _arguments -s{}\n}}\n\n", name, specs);
    return;
  }
  std::string described, dispatch;
  for (const CommandDoc& child : children) {
    described += fmt::format("\n      '{}:{}'", child.path.back(), zsh_quote(child.summary));
    dispatch += fmt::format("        {}) {} ;;\n", child.path.back(), zsh_function_name(child.path));
  }
  out += fmt::format(
      "{0}() {{\n  local curcontext=$curcontext state line\n  _arguments -C{1} \\\n    '1: :->command' \\\n"
      "    '*:: :->args'\n  case $state in\n    command)\n      local -a commands\n      commands=({2}\n     "
      " )\n"
      "      _describe -t commands 'pypyready command' commands ;;\n    args)\n      case $line[1] in\n{3}"
      "      esac ;;\n  esac\n}}\n\n",
      name, specs, described, dispatch);
  for (const CommandDoc& child : children)
    zsh_function(child.path, child.options, child.subcommands, false, out);
}

}  // namespace

std::string bash_completion(const std::vector<CommandDoc>& commands) {
  std::vector<const CommandDoc*> all;
  flatten(commands, all);
  std::vector<std::string> steps;  // "parent:child" pairs that extend the command path
  for (const CommandDoc* command : all) {
    std::vector<std::string> parent(command->path.begin(), command->path.end() - 1);
    steps.push_back(fmt::format("\"{}:{}\"", join(parent, " "), command->path.back()));
  }
  std::string cases, choice_cases;
  bash_case("", nullptr, commands, cases, choice_cases);
  for (const CommandDoc* command : all)
    bash_case(join(command->path, " "), command, command->subcommands, cases, choice_cases);
  return fmt::format(
      "# bash completion for pypyready. Generated by `pypyready generate bash` from the command table:\n"
      "# do not edit.\n"
      "_pypyready() {{\n"
      "  local cur=${{COMP_WORDS[COMP_CWORD]}} prev=${{COMP_WORDS[COMP_CWORD-1]}}\n"
      "  local path=\"\" word i commands options takes_value\n"
      "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
      "    word=${{COMP_WORDS[i]}}\n"
      "    case \"$path:$word\" in\n"
      "      {}) path=${{path:+$path }}$word ;;\n"
      "    esac\n"
      "  done\n"
      "  case \"$path\" in\n{}  esac\n"
      "  case \"$path:$prev\" in\n{}  esac\n"
      "  if [[ $takes_value == *\" $prev \"* ]]; then\n"
      "    COMPREPLY=($(compgen -f -- \"$cur\"))\n"
      "  elif [[ $cur == -* ]]; then\n"
      "    COMPREPLY=($(compgen -W \"$options\" -- \"$cur\"))\n"
      "  elif [[ -n $commands ]]; then\n"
      "    COMPREPLY=($(compgen -W \"$commands\" -- \"$cur\"))\n"
      "  else\n"
      "    COMPREPLY=($(compgen -f -- \"$cur\"))\n"
      "  fi\n"
      "}}\n"
      "complete -o filenames -F _pypyready pypyready\n",
      join(steps, "|"), cases, choice_cases);
}

std::string zsh_completion(const std::vector<CommandDoc>& commands) {
  std::string out =
      "#compdef pypyready\n# zsh completion for pypyready. Generated by `pypyready generate zsh` from the "
      "command "
      "table:\n# do not edit.\n\n";
  zsh_function({}, {}, commands, true, out);
  return out + "_pypyready \"$@\"\n";
}

}  // namespace pypyready::app::docs
