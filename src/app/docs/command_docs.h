#pragma once
// The command line as data, read from the CLI11 tree that the command table builds: every
// visible command with its summary, positionals and options. The man page and the bash and zsh
// completions are generated from it, so they can never disagree with `pypyready --help`.

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace pypyready::app::docs {

struct OptionDoc {
  std::vector<std::string> names;  ///< "--format", "-o"; empty for a positional
  std::string value;               ///< "FORMAT", "PROJECT"; empty for a flag
  std::vector<std::string> choices;
  std::string help;
  std::string default_value;
  bool positional = false;
  bool repeated = false;  ///< positional taking several values (PATHS...)
};

struct CommandDoc {
  std::vector<std::string> path;  ///< {"debug", "ast"}
  std::string summary;
  std::vector<OptionDoc> options;
  std::vector<CommandDoc> subcommands;
};

/// The visible subcommands of `app` (hidden ones, group "", are left out), recursively.
std::vector<CommandDoc> describe_commands(const CLI::App& app);

/// The roff man page, section 1.
std::string man_page(const std::vector<CommandDoc>& commands, const std::string& description,
                     const std::string& version);
/// A bash completion script (`complete -F`), needing no bash-completion helpers.
std::string bash_completion(const std::vector<CommandDoc>& commands);
/// A zsh completion function file (#compdef pypyready).
std::string zsh_completion(const std::vector<CommandDoc>& commands);

}  // namespace pypyready::app::docs
